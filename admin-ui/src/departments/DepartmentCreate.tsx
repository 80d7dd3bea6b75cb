import { Create, SimpleForm } from 'react-admin';
import { DepartmentInputs, departmentTransform } from './DepartmentInputs';

export const DepartmentCreate = () => (
  <Create redirect="list" transform={departmentTransform}>
    <SimpleForm>
      <DepartmentInputs />
    </SimpleForm>
  </Create>
);
