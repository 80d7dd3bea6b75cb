import {
  AutocompleteInput,
  Datagrid,
  DateField,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { faultLevelChoices, statusChoices, stepChoices, systemChoices } from '../choices';
import { useOwnHospital } from '../useOwnHospital';
import { StepField } from './StepField';

const commonFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
  <SelectInput key="step" source="step" choices={stepChoices} />,
  <SelectInput key="faultLevel" source="faultLevel" choices={faultLevelChoices} />,
];

const vendorFilters = [
  ...commonFilters,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals">
    <AutocompleteInput />
  </ReferenceInput>,
];

export const TicketList = () => {
  // A hospital contact only sees their own hospital's tickets, so filtering by hospital means nothing to them.
  const { isHospitalContact } = useOwnHospital();
  return (
    <List
      sort={{ field: 'receivedAt', order: 'DESC' }}
      filters={isHospitalContact ? commonFilters : vendorFilters}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" />
        <TextField source="hospitalName" sortable={false} />
        <SelectField source="systemCode" choices={systemChoices} />
        <TextField source="title" />
        <SelectField source="faultLevel" choices={faultLevelChoices} />
        <StepField source="step" />
        <SelectField source="status" choices={statusChoices} />
        <DateField source="receivedAt" showTime />
        <DateField source="replyDueAt" showTime />
      </Datagrid>
    </List>
  );
};
