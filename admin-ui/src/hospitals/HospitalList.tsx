import { Datagrid, List, SearchInput, TextField, usePermissions } from 'react-admin';
import { SystemChips } from '../common/SystemChips';
import { isRole } from '../roles';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const HospitalList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={isRole(permissions, 'admin') ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" />
        <TextField source="name" />
        <TextField source="code" />
        <TextField source="address" emptyText="—" />
        <SystemChips source="systemCodes" sortable={false} />
      </Datagrid>
    </List>
  );
};
