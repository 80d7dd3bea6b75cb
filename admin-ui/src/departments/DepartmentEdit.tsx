import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { DepartmentInputs, departmentTransform } from './DepartmentInputs';

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={departmentTransform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <DepartmentInputs />
    </SimpleForm>
  </Edit>
);
