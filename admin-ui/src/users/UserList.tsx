import {
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { roleChoices } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <BooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="username" />
      <TextField source="displayName" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false} emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <TextField source="email" emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);
