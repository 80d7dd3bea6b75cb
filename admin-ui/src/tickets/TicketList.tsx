import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { faultLevelChoices, statusChoices, stepChoices, systemChoices } from '../choices';
import { POLL_MS } from '../common/time';
import { isRole } from '../roles';
import { useOwnHospital } from '../useOwnHospital';
import { useIsPhone } from '../common/useIsPhone';
import { SlaCell } from './SlaCell';
import { StepField } from './StepField';
import { TicketCards } from './TicketCards';
import { TicketListAside } from './TicketListAside';
import type { Ticket } from './types';

const commonFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
  <SelectInput key="step" source="step" choices={stepChoices} />,
  <SelectInput key="faultLevel" source="faultLevel" choices={faultLevelChoices} />,
  <SelectInput key="systemCode" source="systemCode" choices={systemChoices} />,
];

const vendorFilters = [
  ...commonFilters,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals">
    <AutocompleteInput />
  </ReferenceInput>,
];

const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {isRole(permissions, 'admin', 'manager', 'dispatcher', 'hospital_contact') && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

const rowSx = (record: Ticket) => (record.status === 'open' && (record.replyBreached || record.solutionBreached) ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {});

export const TicketList = () => {
  // A hospital contact only sees their own hospital's tickets, so filtering by hospital means nothing to them.
  const { isHospitalContact } = useOwnHospital();
  const phone = useIsPhone();
  return (
    <List
      sort={{ field: 'receivedAt', order: 'DESC' }}
      filters={isHospitalContact ? commonFilters : vendorFilters}
      actions={<ListActions />}
      aside={phone ? undefined : <TicketListAside />}
      queryOptions={{ refetchInterval: POLL_MS }}
    >
      {phone ? (
        <TicketCards showHospital={!isHospitalContact} />
      ) : (
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        rowSx={rowSx}
        sx={{ '& .column-id, & .column-receivedAt, & .column-faultLevel, & .column-step, & .column-assigneeName': { whiteSpace: 'nowrap' } }}
      >
        <TextField source="id" />
        {!isHospitalContact && <TextField source="hospitalName" sortable={false} />}
        <SelectField source="systemCode" choices={systemChoices} />
        <TextField source="title" />
        <SelectField source="faultLevel" choices={faultLevelChoices} />
        <StepField source="step" />
        <TextField source="assigneeName" sortable={false} emptyText="—" />
        <DateField source="receivedAt" showTime />
        <SlaCell source="replyDueAt" label="desk.sla.title" sortable={false} />
      </Datagrid>
      )}
    </List>
  );
};
