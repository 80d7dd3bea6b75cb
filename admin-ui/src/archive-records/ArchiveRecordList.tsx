import { Datagrid, FunctionField, List, SelectField, TextField, TopToolbar, usePermissions } from 'react-admin';
import { mayAudit } from '../roles';
import { VerifyChainButton } from './VerifyChainButton';
import { DateTimeField } from '../common/DateTimeField';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { ResponsiveList } from '../common/ResponsiveList';

const outcomeChoices = [
  { id: 'resolved', name: 'choices.outcome.resolved' },
  { id: 'cancelled', name: 'choices.outcome.cancelled' },
  { id: 'inspection_signed', name: 'choices.outcome.inspection_signed' },
];

const Actions = () => (
  <TopToolbar>
    <VerifyChainButton />
    <ExportMenuButton />
  </TopToolbar>
);

const shortHash = (value?: string) => (value ? `${value.slice(0, 16)}…` : '—');

/** 系统档案库: finished tickets in chain order, each hash linking to the one before. */
export const ArchiveRecordList = () => {
  // Check codes are the auditors' detail; the others read the archive's contents.
  const { permissions } = usePermissions();
  return (
    <List sort={{ field: 'id', order: 'DESC' }} actions={<Actions />} exporter={false}>
      {/* On a phone the record's page holds the check codes. */}
      <ResponsiveList
        link="show"
        primary={<TextField source="ticketId" variant="inherit" />}
        secondary={
          <>
            <SelectField source="outcome" choices={outcomeChoices} />
            <DateTimeField source="archivedAt" />
          </>
        }
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="id" />
          <TextField source="ticketId" />
          <DateTimeField source="archivedAt" />
          <SelectField source="outcome" choices={outcomeChoices} />
          {mayAudit(permissions) && <FunctionField source="hash" sortable={false} render={(r: { hash?: string }) => <code title={r.hash}>{shortHash(r.hash)}</code>} />}
          {mayAudit(permissions) && <FunctionField source="prevHash" sortable={false} render={(r: { prevHash?: string }) => <code title={r.prevHash}>{shortHash(r.prevHash)}</code>} />}
        </Datagrid>
      </ResponsiveList>
    </List>
  );
};
