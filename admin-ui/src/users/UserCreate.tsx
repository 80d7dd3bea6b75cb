import { Create, SimpleForm } from 'react-admin';
import { UserInputs, userTransform } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="list" transform={userTransform}>
    <SimpleForm defaultValues={{ active: true, role: 'engineer' }}>
      <UserInputs creating />
    </SimpleForm>
  </Create>
);
