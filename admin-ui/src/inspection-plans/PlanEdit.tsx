import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { PlanInputs, planTransform } from './PlanInputs';

export const PlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={planTransform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <PlanInputs />
    </SimpleForm>
  </Edit>
);
