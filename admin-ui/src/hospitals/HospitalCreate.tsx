import { Create, SimpleForm } from 'react-admin';
import { HospitalInputs, hospitalTransform } from './HospitalInputs';

export const HospitalCreate = () => (
  <Create redirect="edit" transform={hospitalTransform}>
    <SimpleForm defaultValues={{ systemCodes: ['mnis', 'nms', 'whiteboard'] }}>
      <HospitalInputs />
    </SimpleForm>
  </Create>
);
