import Typography from '@mui/material/Typography';
import {
  CreateButton,
  Datagrid,
  Edit,
  EditButton,
  Labeled,
  ReferenceManyField,
  SimpleForm,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ResponsiveList } from '../common/ResponsiveList';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { HospitalInputs, hospitalTransform } from './HospitalInputs';

/** The hospital's departments, with a shortcut to add one already pointing at this hospital. */
const Departments = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Labeled label={translate('resources.departments.name', { smart_count: 2 })} fullWidth sx={{ mt: 2 }}>
      <>
        <ReferenceManyField reference="departments" target="hospitalId" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
          <ResponsiveList link="edit" primary={<TextField source="name" variant="inherit" />} tertiary={<TextField source="address" emptyText="" />}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">—</Typography>}>
              <TextField source="name" />
              <EditButton />
            </Datagrid>
          </ResponsiveList>
        </ReferenceManyField>
        <CreateButton resource="departments" state={{ record: { hospitalId: record.id } }} />
      </>
    </Labeled>
  );
};

export const HospitalEdit = () => (
  <Edit mutationMode="pessimistic" transform={hospitalTransform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <HospitalInputs />
      <Departments />
    </SimpleForm>
  </Edit>
);
