import { Datagrid, List, SearchInput, TextField, usePermissions } from 'react-admin';
import { AdminListActions } from '../common/AdminListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { SystemChips } from '../common/SystemChips';
import { isRole } from '../roles';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const HospitalList = () => {
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
        secondary={
          <>
            <TextField source="code" />
            <SystemChips source="systemCodes" />
          </>
        }
        tertiary={<TextField source="address" emptyText="" />}
      >
        <Datagrid rowClick={admin ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="id" />
          <TextField source="name" />
          <TextField source="code" />
          <TextField source="address" emptyText="—" />
          <SystemChips source="systemCodes" sortable={false} />
        </Datagrid>
      </ResponsiveList>
    </List>
  );
};
