import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import { Show, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { Section } from '../common/Section';
import { formatDateTime } from '../common/time';
import { RepairFormFields, SignatureView, TicketRecords } from '../tickets/TicketRecords';
import type { RepairForm, Signature, TicketWorkRecord } from '../tickets/types';

interface ArchiveRecord {
  id: number;
  ticketId: string;
  archivedAt: string;
  outcome: string;
  hash: string;
  prevHash: string;
  ticket?: (TicketWorkRecord & { intake?: { title?: string; description?: string; reporterName?: string } }) | null;
  repairForm?: RepairForm | null;
  signature?: Signature | null;
}

const Code = ({ value }: { value?: string }) => (
  <Box component="code" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'anywhere' }}>
    {value ?? '—'}
  </Box>
);

const ArchiveRecordContent = () => {
  const record = useRecordContext<ArchiveRecord>();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!record) return null;
  const ticket = record.ticket;
  const hasRecords = ticket && Array.isArray(ticket.remoteAttempts);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Section title="resources.archive-records.name">
          <InfoGrid
            items={[
              { label: 'resources.archive-records.fields.id', value: record.id },
              { label: 'resources.archive-records.fields.ticketId', value: record.ticketId },
              { label: 'resources.archive-records.fields.archivedAt', value: formatDateTime(record.archivedAt, locale) },
              { label: 'resources.archive-records.fields.outcome', value: <ChoiceText group="outcome" value={record.outcome} /> },
              { label: 'resources.tickets.fields.title', value: ticket?.intake?.title ?? null, wide: true },
              { label: 'resources.tickets.fields.description', value: ticket?.intake?.description ?? null, wide: true },
              { label: 'resources.archive-records.fields.hash', value: <Code value={record.hash} />, wide: true },
              { label: 'resources.archive-records.fields.prevHash', value: <Code value={record.prevHash} />, wide: true },
            ]}
          />
        </Section>
        {hasRecords && <TicketRecords detail={{ ...ticket, signature: null }} />}
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        {record.repairForm && (
          <Section title="resources.archive-records.fields.repairForm">
            <RepairFormFields form={record.repairForm} />
          </Section>
        )}
        {record.signature && <SignatureView signature={record.signature} />}
      </Grid>
    </Grid>
  );
};

const ArchiveTitle = () => {
  const record = useRecordContext<ArchiveRecord>();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.archive-records.name', { smart_count: 1 })} #${record.id} · ${record.ticketId}` : ''}</>;
};

export const ArchiveRecordShow = () => (
  <Show title={<ArchiveTitle />}>
    <ArchiveRecordContent />
  </Show>
);
