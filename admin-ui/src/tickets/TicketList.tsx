import {
  AutocompleteInput,
  CreateButton,
  DatagridConfigurable,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectColumnsButton,
  SelectInput,
  TopToolbar,
  useCreatePath,
  useListContext,
  usePermissions,
} from 'react-admin';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { faultLevelChoices, statusChoices, stepChoices, systemChoices } from '../choices';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { DateTimeField } from '../common/DateTimeField';
import { POLL_MS } from '../common/time';
import { UserSelectInput } from '../common/UserSelectInput';
import { ChoiceCell, TextCell } from '../queue/CellText';
import { denseGrid } from '../queue/denseGrid';
import { useRowKeys } from '../queue/useRowKeys';
import { isRole } from '../roles';
import { useOwnHospital } from '../useOwnHospital';
import { useIsPhone } from '../common/useIsPhone';
import { AssignSelectedButton } from './AssignSelectedButton';
import { TICKET_COLUMNS_KEY } from './columns';
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
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
];

const vendorFilters = [
  ...commonFilters,
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals">
    <AutocompleteInput />
  </ReferenceInput>,
  <UserSelectInput key="assigneeId" source="assigneeId" roles={['engineer', 'dispatcher']} helperText={false} />,
];


const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {/* Views are kept by the server (保存的视图), not react-admin's per-browser saved queries. */}
      <FilterButton disableSaveQuery />
      <SelectColumnsButton preferenceKey={TICKET_COLUMNS_KEY} />
      {isRole(permissions, 'admin', 'manager', 'dispatcher', 'hospital_contact') && <CreateButton />}
      <ExportMenuButton />
    </TopToolbar>
  );
};

const breachedRow = (record: Ticket) => (record.status === 'open' && (record.replyBreached || record.solutionBreached) ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {});

// Fixed columns in px (13 px text); the title takes what is left, the hospital a share of it.
const WIDTHS = {
  id: '138px',
  hospitalName: '13%',
  systemCode: '84px',
  faultLevel: '78px',
  step: '60px',
  assigneeName: '60px',
  receivedAt: '86px',
  urgency: '108px',
};

/** The rows: a dense grid a user arranges, moved through with j/k and opened with Enter. */
const TicketGrid = ({ vendor }: { vendor: boolean }) => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const { permissions } = usePermissions();
  const open = useCallback((t: Ticket) => navigate(createPath({ resource: 'tickets', id: t.id, type: 'show' })), [navigate, createPath]);
  const { highlighted, dialog } = useRowKeys<Ticket>(open);
  const { isPending } = useListContext();
  const assign = isRole(permissions, 'dispatcher', 'manager');
  return (
    <>
      <DatagridConfigurable
        preferenceKey={TICKET_COLUMNS_KEY}
        rowClick="show"
        bulkActionButtons={<>{assign && <AssignSelectedButton />}<ExportMenuButton selected /></>}
        rowSx={(record: Ticket, index: number) => ({ ...breachedRow(record), ...highlighted(record, index) })}
        sx={denseGrid(WIDTHS)}
        size="small"
      >
        <TextCell source="id" />
        {vendor && <TextCell source="hospitalName" sortable={false} />}
        <ChoiceCell source="systemCode" group="system" />
        <TextCell source="title" />
        <ChoiceCell source="faultLevel" group="faultLevel" />
        <StepField source="step" />
        <TextCell source="assigneeName" sortable={false} />
        <DateTimeField source="receivedAt" short />
        <SlaCell source="urgency" sortBy="urgency" label="desk.sla.title" />
      </DatagridConfigurable>
      {!isPending && dialog}
    </>
  );
};

export const TicketList = () => {
  // A hospital contact only sees their own hospital's tickets, so filtering by hospital means nothing to them.
  const { isHospitalContact } = useOwnHospital();
  const phone = useIsPhone();
  return (
    <List
      sort={{ field: 'urgency', order: 'ASC' }}
      perPage={50}
      filters={isHospitalContact ? commonFilters : vendorFilters}
      actions={<ListActions />}
      aside={phone ? undefined : <TicketListAside />}
      queryOptions={{ refetchInterval: POLL_MS }}
      sx={{ '& .RaList-main': { minWidth: 0 } }}
    >
      {phone ? <TicketCards showHospital={!isHospitalContact} /> : <TicketGrid vendor={!isHospitalContact} />}
    </List>
  );
};
