import Chip from '@mui/material/Chip';
import {
  BooleanField,
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { roleChoices } from '../choices';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { ResponsiveList } from '../common/ResponsiveList';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <BooleanInput key="active" source="active" />,
];

// The server writes the file, every row of the filter (not react-admin's page-sized browser export).
const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportMenuButton />
  </TopToolbar>
);

/** On a phone, a stopped account says so on its card (the table has a column for it). */
const Inactive = ({ active }: { active: boolean }) => {
  const translate = useTranslate();
  return active ? null : <Chip size="small" variant="outlined" label={translate('resources.users.hints.inactive')} />;
};

export const UserList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'ASC' }} actions={<Actions />} exporter={false}>
    <ResponsiveList<{ id: number; active: boolean }>
      link="edit"
      primary={(u) => (
        <>
          <TextField source="displayName" variant="inherit" />
          <Inactive active={u.active} />
        </>
      )}
      secondary={
        <>
          <TextField source="username" />
          <SelectField source="role" choices={roleChoices} />
          <ReferenceField source="hospitalId" reference="hospitals" link={false} emptyText="" />
        </>
      }
      tertiary={
        <>
          <TextField source="phone" emptyText="" />
          <TextField source="email" emptyText="" />
        </>
      }
    >
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
    </ResponsiveList>
  </List>
);
