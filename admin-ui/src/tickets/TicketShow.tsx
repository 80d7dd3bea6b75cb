import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Show, useGetIdentity, useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isRole, mayAudit } from '../roles';
import { HospitalProgress } from './HospitalProgress';
import type { DeskIdentity } from '../authProvider';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { PhoneLink } from '../common/PhoneLink';
import { KnownPeopleProvider } from '../common/people';
import { Section } from '../common/Section';
import { POLL_MS, formatDateTime } from '../common/time';
import { mayWork } from '../tasks/taskRules';
import { WorkButton } from '../tasks/TaskButtons';
import { SlaClocks } from './SlaClocks';
import { StepField } from './StepField';
import { TicketActions } from './TicketActions';
import { TicketAttachments } from '../attachments/TicketAttachments';
import { TicketNotes } from './TicketNotes';
import { ArchivedChip, TicketRecords } from './TicketRecords';
import { TicketTasks } from './TicketTasks';
import { TicketTimeline } from './TicketTimeline';
import type { TicketDetail } from './types';
import { WorkflowLink } from './WorkflowLink';

const TicketTitle = () => {
  const record = useRecordContext<TicketDetail>();
  const translate = useTranslate();
  return <>{record ? translate('resources.tickets.page.show', { id: record.id }) : ''}</>;
};

/** Everyone named on the page, so ids print as names even for roles that cannot read the user list. */
const usePeople = (record: TicketDetail | undefined) =>
  useMemo(() => {
    const people = new Map<number, string>();
    for (const t of record?.tasks ?? []) if (t.assigneeId && t.assigneeName) people.set(t.assigneeId, t.assigneeName);
    if (record?.assigneeId && record.assigneeName) people.set(record.assigneeId, record.assigneeName);
    const d = record?.detail;
    const actors = [d?.triage, ...(d?.remoteAttempts ?? []), ...(d?.dispatchDecisions ?? []), ...(d?.checkIns ?? []), ...(d?.repairForms ?? []), ...(d?.notes ?? []), d?.signature, ...(d?.refusals ?? [])];
    for (const a of actors) if (a?.by?.userId) people.set(a.by.userId, a.by.displayName);
    return people;
  }, [record]);

/** A banner with the one thing to do next, if it is mine to do. */
const NextStep = ({ record }: { record: TicketDetail }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const open = (record.tasks ?? []).filter((t) => t.status === 'open');
  if (!open.length) return null;
  const mine = open.find((t) => mayWork(t, identity as DeskIdentity | undefined, record.hospitalId));
  if (mine) {
    return (
      // Above both columns and sticky under the app bar (56 px on a phone, 48 above): in reach down to the page's end.
      <Box sx={{ px: { xs: 1, sm: 2 }, pt: { xs: 1, sm: 2 }, position: 'sticky', top: { xs: 56, sm: 48 }, zIndex: (theme) => theme.zIndex.appBar - 1 }}>
        <Alert
          severity="info"
          action={<WorkButton task={mine} ticketHospitalId={record.hospitalId} />}
          sx={{ alignItems: 'center', boxShadow: 2, '& .MuiAlert-action': { pt: 0 } }}
        >
          {translate('desk.show.yourTurn', { kind: translate(`choices.taskKind.${mine.kind}`) })}
        </Alert>
      </Box>
    );
  }
  return (
    <Alert severity="success" icon={false} sx={{ mx: { xs: 1, sm: 2 }, mt: { xs: 1, sm: 2 } }}>
      {translate('desk.show.openTaskHint', { kind: open.map((t) => translate(`choices.taskKind.${t.kind}`)).join('、') })}
    </Alert>
  );
};

const TicketShowContent = () => {
  const record = useRecordContext<TicketDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const people = usePeople(record);
  const { permissions } = usePermissions();
  if (!record) return null;
  const detail = record.detail;
  const breached = detail?.sla.clocks.some((c) => c.breachedAt) || record.replyBreached || record.solutionBreached;
  return (
    <KnownPeopleProvider people={people}>
      <NextStep record={record} />
      <Grid container spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
              {record.title}
            </Typography>
            <StepField source="step" />
            {/* Archived / cancelled are both a step and a status: say it once. */}
            {record.status !== record.step && (
              <Chip size="small" label={translate(`choices.status.${record.status}`)} color={record.status === 'resolved' ? 'success' : 'primary'} />
            )}
            {record.faultLevel && <Chip size="small" variant="outlined" color={record.faultLevel === 1 ? 'error' : 'default'} label={translate(`choices.faultLevel.${record.faultLevel}`)} />}
            {breached && <Chip size="small" color="error" label={translate('desk.sla.breached')} />}
            {detail?.sla.paused && record.status === 'open' && <Chip size="small" label={translate('desk.sla.paused')} />}
            <ArchivedChip hash={detail?.archiveHash ?? null} />
          </Stack>
          {detail?.pauseReason && record.status === 'open' && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('desk.show.pauseReason', { reason: detail.pauseReason })}
            </Alert>
          )}
          {record.workflowState && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate('desk.show.workflowLost', { state: record.workflowState })}
            </Alert>
          )}
          {detail?.cancelReason && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate('desk.show.cancelReason', { reason: detail.cancelReason })}
            </Alert>
          )}
          <Section title="desk.show.problemTicket">
            <InfoGrid
              items={[
                { label: 'resources.tickets.fields.id', value: record.id },
                { label: 'resources.tickets.fields.receivedAt', value: formatDateTime(record.receivedAt, locale) },
                { label: 'resources.tickets.fields.hospitalName', value: record.hospitalName },
                { label: 'resources.tickets.fields.departmentName', value: record.departmentName },
                { label: 'resources.tickets.fields.systemCode', value: <ChoiceText group="system" value={record.systemCode} /> },
                { label: 'resources.tickets.fields.channel', value: <ChoiceText group="channel" value={record.channel} /> },
                { label: 'resources.tickets.fields.faultLevel', value: <ChoiceText group="faultLevel" value={record.faultLevel} /> },
                { label: 'resources.tickets.fields.step', value: <ChoiceText group="step" value={record.step} /> },
                { label: 'resources.tickets.fields.reporterName', value: record.reporterName },
                { label: 'resources.tickets.fields.reporterPhone', value: record.reporterPhone ? <PhoneLink phone={record.reporterPhone} /> : null },
                { label: 'resources.tickets.fields.category', value: record.category ? <ChoiceText group="category" value={record.category} /> : null },
                { label: 'resources.tickets.fields.maintenanceType', value: record.maintenanceType ? <ChoiceText group="maintenanceType" value={record.maintenanceType} /> : null },
                { label: 'resources.tickets.fields.assigneeName', value: record.assigneeName ?? null },
                { label: 'resources.tickets.fields.closedAt', value: record.closedAt ? formatDateTime(record.closedAt, locale) : null },
                { label: 'resources.tickets.fields.title', value: record.title, wide: true },
                { label: 'resources.tickets.fields.description', value: record.description, wide: true },
                ...(record.workflowId && mayAudit(permissions) ? [{ label: 'desk.show.workflow', value: <WorkflowLink workflowId={record.workflowId} />, wide: true }] : []),
              ]}
            />
          </Section>
          {isRole(permissions, 'hospital_contact') ? (
            <HospitalProgress record={record} />
          ) : (
            <TicketTasks tasks={record.tasks ?? []} hospitalId={record.hospitalId} />
          )}
          {/* Files can change until the ticket's archive record lists them. */}
          <TicketAttachments ticketId={record.id} canAdd={record.status !== 'archived' && record.status !== 'cancelled'} />
          {isRole(permissions, 'hospital_contact') ? null : detail ? (
            <TicketRecords detail={detail} />
          ) : (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate(`desk.show.source.${record.detailSource ?? 'unavailable'}`)}
            </Alert>
          )}
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          {detail && (
            <Section title="desk.sla.title">
              <SlaClocks sla={detail.sla} pausedSince={record.pausedSince} />
            </Section>
          )}
          <TicketNotes ticketId={record.id} notes={detail?.notes ?? []} canAdd={record.status === 'open'} />
          <TicketTimeline ticketId={record.id} />
        </Grid>
      </Grid>
    </KnownPeopleProvider>
  );
};

export const TicketShow = () => (
  // The card must not clip (overflow hidden would keep the next step's banner from sticking).
  <Show title={<TicketTitle />} actions={<TicketActions />} queryOptions={{ refetchInterval: POLL_MS }} sx={{ '& .RaShow-card': { overflow: 'visible' } }}>
    <TicketShowContent />
  </Show>
);
