import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { SlaPolicyInputs, slaPolicyTransform } from './SlaPolicyInputs';

export const SlaPolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={slaPolicyTransform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <SlaPolicyInputs />
    </SimpleForm>
  </Edit>
);
