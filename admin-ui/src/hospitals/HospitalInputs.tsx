import { CheckboxGroupInput, maxLength, regex, required, TextInput } from 'react-admin';
import { systemChoices } from '../choices';
import { LIMITS } from '../../../domain/limits';

export const HospitalInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[A-Z0-9_-]{2,32}$/, 'resources.hospitals.hints.code')]} helperText="resources.hospitals.hints.code" />
    <TextInput source="name" validate={[required(), maxLength(LIMITS.hospitalName)]} fullWidth />
    <TextInput source="address" validate={maxLength(LIMITS.address)} fullWidth />
    <CheckboxGroupInput source="systemCodes" choices={systemChoices} />
  </>
);

export const hospitalTransform = (data: Record<string, unknown>) => ({
  code: data.code,
  name: data.name,
  address: data.address || null,
  systemCodes: data.systemCodes ?? [],
});
