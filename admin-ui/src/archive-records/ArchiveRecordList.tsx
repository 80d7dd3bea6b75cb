import { Datagrid, DateField, FunctionField, List, SelectField, TextField, TopToolbar } from 'react-admin';
import { VerifyChainButton } from './VerifyChainButton';

const outcomeChoices = [
  { id: 'resolved', name: 'choices.outcome.resolved' },
  { id: 'cancelled', name: 'choices.outcome.cancelled' },
];

const Actions = () => (
  <TopToolbar>
    <VerifyChainButton />
  </TopToolbar>
);

const shortHash = (value?: string) => (value ? `${value.slice(0, 16)}…` : '—');

/** 系统档案库: finished tickets in chain order, each hash linking to the one before. */
export const ArchiveRecordList = () => (
  <List sort={{ field: 'id', order: 'DESC' }} actions={<Actions />} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="ticketId" />
      <DateField source="archivedAt" showTime />
      <SelectField source="outcome" choices={outcomeChoices} />
      <FunctionField source="hash" sortable={false} render={(r: { hash?: string }) => <code title={r.hash}>{shortHash(r.hash)}</code>} />
      <FunctionField source="prevHash" sortable={false} render={(r: { prevHash?: string }) => <code title={r.prevHash}>{shortHash(r.prevHash)}</code>} />
    </Datagrid>
  </List>
);
