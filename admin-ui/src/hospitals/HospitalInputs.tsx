import { CheckboxGroupInput, maxLength, regex, required, TextInput } from 'react-admin';
import { systemChoices } from '../choices';

export const HospitalInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[A-Z0-9_-]{2,32}$/, 'resources.hospitals.hints.code')]} helperText="resources.hospitals.hints.code" />
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="address" validate={maxLength(300)} fullWidth />
    <CheckboxGroupInput source="systemCodes" choices={systemChoices} />
  </>
);

export const hospitalTransform = (data: Record<string, unknown>) => ({
  code: data.code,
  name: data.name,
  address: data.address || null,
  systemCodes: data.systemCodes ?? [],
});
