import {
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  SelectField,
  TextField,
  TopToolbar,
} from 'react-admin';
import { clockChoices, faultLevelChoices } from '../choices';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { DateTimeField } from '../common/DateTimeField';
import { ResponsiveList } from '../common/ResponsiveList';
import { POLL_MS } from '../common/time';
import { WorkButton } from '../tasks/TaskButtons';
import type { Task } from '../tasks/types';

interface Escalation {
  id: string;
  ticketId: string;
  taskId: string | null;
  taskStatus: Task['status'] | null;
  acknowledgedAt: string | null;
}

/** The task beside an unacknowledged breach: the manager acknowledges it from here (not once the request ended and cancelled it). */
const AckButton = ({ record }: { record: Escalation }) =>
  record.taskId && record.taskStatus === 'open' && !record.acknowledgedAt ? (
    <WorkButton task={{ id: record.taskId, ticketId: record.ticketId, kind: 'escalation', candidateRole: 'manager', assigneeId: null, assigneeName: null, status: 'open', dueAt: null, outcome: null, completedById: null, completedByName: null, completedAt: null, createdAt: '', faultLevel: null } satisfies Task} />
  ) : null;

/** 超时升级: every breached commitment, read-only; acknowledging happens through the escalation task. */
export const EscalationList = () => (
  <List
    sort={{ field: 'breachedAt', order: 'DESC' }}
    queryOptions={{ refetchInterval: POLL_MS }}
    exporter={false}
    actions={
      <TopToolbar>
        <ExportMenuButton />
      </TopToolbar>
    }
  >
    <ResponsiveList<Escalation>
      link={(r) => `/tickets/${encodeURIComponent(r.ticketId)}/show`}
      primary={<TextField source="ticketId" variant="inherit" />}
      secondary={
        <>
          <SelectField source="clock" choices={clockChoices} />
          <SelectField source="faultLevel" choices={faultLevelChoices} />
          <DateTimeField source="breachedAt" />
        </>
      }
      tertiary={
        <>
          <ReferenceField source="acknowledgedById" reference="users" link={false} emptyText="" />
          <DateTimeField source="acknowledgedAt" emptyText="" />
          <TextField source="note" emptyText="" />
        </>
      }
      actions={(r) => <AckButton record={r} />}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <ReferenceField source="ticketId" reference="tickets" link="show">
          <TextField source="id" />
        </ReferenceField>
        <SelectField source="clock" choices={clockChoices} />
        <SelectField source="faultLevel" choices={faultLevelChoices} />
        <DateTimeField source="dueAt" />
        <DateTimeField source="breachedAt" />
        <ReferenceField source="acknowledgedById" reference="users" link={false} emptyText="—" />
        <DateTimeField source="acknowledgedAt" />
        <TextField source="note" emptyText="—" />
        <FunctionField label="" render={(r: Escalation) => <AckButton record={r} />} />
      </Datagrid>
    </ResponsiveList>
  </List>
);
