import { Create, SimpleForm } from 'react-admin';
import { SlaPolicyInputs, slaPolicyTransform } from './SlaPolicyInputs';

export const SlaPolicyCreate = () => (
  <Create redirect="list" transform={slaPolicyTransform}>
    <SimpleForm defaultValues={{ hospitalId: null, warnAt: [0.75], unclaimedReminderSeconds: 1800, signatureReminderSeconds: 86400 }}>
      <SlaPolicyInputs />
    </SimpleForm>
  </Create>
);
