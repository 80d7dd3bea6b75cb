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
import { AdminListActions } from '../common/AdminListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { isRole } from '../roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const DepartmentList = () => {
  const { permissions } = usePermissions();
  const admin = isRole(permissions, 'admin');
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      actions={<AdminListActions />}
    >
      <ResponsiveList
        link={admin ? 'edit' : false}
        primary={<TextField source="name" variant="inherit" />}
        secondary={<ReferenceField source="hospitalId" reference="hospitals" link={false} />}
        tertiary={<TextField source="address" emptyText="" />}
      >
        <Datagrid rowClick={admin ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="id" />
          <TextField source="name" />
          <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false} />
          <TextField source="address" sortable={false} emptyText="—" />
        </Datagrid>
      </ResponsiveList>
    </List>
  );
};
