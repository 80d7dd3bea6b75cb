import { AutocompleteInput, maxLength, ReferenceInput, required, TextInput } from 'react-admin';

export const DepartmentInputs = () => (
  <>
    <ReferenceInput source="hospitalId" reference="hospitals">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(100)]} />
  </>
);

export const departmentTransform = (data: Record<string, unknown>) => ({ hospitalId: data.hospitalId, name: data.name });
