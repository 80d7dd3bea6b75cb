import { AutocompleteInput, maxLength, ReferenceInput, required, TextInput } from 'react-admin';
import { LIMITS } from '../../../domain/limits';

export const DepartmentInputs = () => (
  <>
    <ReferenceInput source="hospitalId" reference="hospitals">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(LIMITS.name)]} />
    <TextInput source="address" validate={maxLength(LIMITS.address)} helperText="resources.departments.hints.address" fullWidth />
  </>
);

export const departmentTransform = (data: Record<string, unknown>) => ({ hospitalId: data.hospitalId, name: data.name, address: data.address || null });
