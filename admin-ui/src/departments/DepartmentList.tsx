import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
  usePermissions,
} from 'react-admin';
import { isRole } from '../roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const DepartmentList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={isRole(permissions, 'admin') ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" />
        <TextField source="name" />
        <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false} />
        <TextField source="address" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
