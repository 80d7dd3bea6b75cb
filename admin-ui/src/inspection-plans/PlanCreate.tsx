import { Create, SimpleForm } from 'react-admin';
import { PLAN_DEFAULTS, PlanInputs, planTransform } from './PlanInputs';

export const PlanCreate = () => (
  <Create redirect="show" transform={planTransform}>
    <SimpleForm defaultValues={{ ...PLAN_DEFAULTS, startDate: new Date().toISOString().slice(0, 10) }}>
      <PlanInputs />
    </SimpleForm>
  </Create>
);
