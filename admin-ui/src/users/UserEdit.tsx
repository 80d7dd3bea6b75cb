import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserInputs, userTransform } from './UserInputs';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={userTransform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <UserInputs creating={false} />
    </SimpleForm>
  </Edit>
);
