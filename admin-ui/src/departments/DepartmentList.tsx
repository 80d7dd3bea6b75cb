import {
  AutocompleteInput,
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
} from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const DepartmentList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false} />
    </Datagrid>
  </List>
);
