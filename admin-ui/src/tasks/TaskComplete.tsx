import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useState, type ComponentType } from 'react';
import { Link, Loading, Title, useGetIdentity, useGetOne, useLocaleState, useParams, useTranslate } from 'react-admin';
import { Navigate } from 'react-router-dom';
import type { DeskIdentity } from '../authProvider';
import type { TaskKind } from '../choices';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { PhoneLink } from '../common/PhoneLink';
import { KnownPeopleProvider } from '../common/people';
import { Section } from '../common/Section';
import { formatDateTime, POLL_MS } from '../common/time';
import { SlaClocks } from '../tickets/SlaClocks';
import { TicketRecords } from '../tickets/TicketRecords';
import type { TicketDetail } from '../tickets/types';
import { CheckInForm } from './CheckInForm';
import { DispatchDecisionForm } from './DispatchDecisionForm';
import { EscalationAckForm } from './EscalationAckForm';
import { RemoteAttemptForm } from './RemoteAttemptForm';
import { RepairFormForm } from './RepairFormForm';
import { SignatureForm } from './SignatureForm';
import { ClaimButton } from './TaskButtons';
import { mayWork } from './taskRules';
import { TriageForm } from './TriageForm';
import type { Task } from './types';
import { StepConflictContext } from './useCompleteTask';

const FORMS: Record<TaskKind, ComponentType<{ task: Task; ticket: TicketDetail }>> = {
  triage: TriageForm,
  remote: RemoteAttemptForm,
  dispatch: DispatchDecisionForm,
  checkin: CheckInForm,
  repair_form: RepairFormForm,
  signature: SignatureForm,
  escalation: EscalationAckForm,
};

/** What the person doing the step needs to know about the request, beside the form. */
const TicketContext = ({ ticket }: { ticket: TicketDetail }) => {
  const [locale = 'zh-CN'] = useLocaleState();
  const people = new Map<number, string>();
  for (const t of ticket.tasks ?? []) if (t.assigneeId && t.assigneeName) people.set(t.assigneeId, t.assigneeName);
  return (
    <KnownPeopleProvider people={people}>
      <Section title="desk.show.problemTicket">
        <InfoGrid
          items={[
            { label: 'resources.tickets.fields.id', value: <Link to={`/tickets/${encodeURIComponent(ticket.id)}/show`}>{ticket.id}</Link> },
            { label: 'resources.tickets.fields.receivedAt', value: formatDateTime(ticket.receivedAt, locale) },
            { label: 'resources.tickets.fields.hospitalName', value: ticket.hospitalName },
            { label: 'resources.tickets.fields.departmentName', value: ticket.departmentName },
            { label: 'resources.tickets.fields.systemCode', value: <ChoiceText group="system" value={ticket.systemCode} /> },
            { label: 'resources.tickets.fields.faultLevel', value: <ChoiceText group="faultLevel" value={ticket.faultLevel} /> },
            { label: 'resources.tickets.fields.reporterName', value: ticket.reporterName },
            { label: 'resources.tickets.fields.reporterPhone', value: ticket.reporterPhone ? <PhoneLink phone={ticket.reporterPhone} /> : null },
            { label: 'resources.tickets.fields.title', value: ticket.title, wide: true },
            { label: 'resources.tickets.fields.description', value: ticket.description, wide: true },
          ]}
        />
      </Section>
      {ticket.detail && ticket.status === 'open' && (
        <Section title="desk.sla.title">
          <SlaClocks sla={ticket.detail.sla} pausedSince={ticket.pausedSince} />
        </Section>
      )}
      {ticket.detail && <TicketRecords detail={ticket.detail} />}
    </KnownPeopleProvider>
  );
};

/**
 * /tasks/:id/complete: the form of one step. The task is read once, as it was when the form was
 * opened; if someone else completes it meanwhile, submitting says so (409) instead of the page changing under the user.
 */
export const TaskComplete = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { identity, isPending: identityPending } = useGetIdentity();
  const [conflict, setConflict] = useState<string | null>(null);
  const { data: read, isPending, error } = useGetOne<Task>('tasks', { id }, { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false });
  // Claimed here: the task as the claim answered, so the 未领取 banner goes at once.
  const [claimed, setClaimed] = useState<Task>();
  const task = claimed?.id === read?.id ? claimed : read;
  const ticketQuery = useGetOne<TicketDetail>('tickets', { id: task?.ticketId ?? '' }, { enabled: !!task, refetchInterval: POLL_MS });
  // A form is filled against the request as it is now (e.g. the repair form being signed), never a cached copy.
  const ticket = ticketQuery.isFetchedAfterMount && !ticketQuery.isError ? ticketQuery.data : undefined;
  if (isPending || identityPending) return <Loading />;
  if (error || !task) {
    return <Alert severity="error">{(error as Error | null)?.message ?? translate('ra.page.not_found')}</Alert>;
  }
  // A lost workflow is not a form: the request's page has the restart button.
  if (task.kind === 'workflow_lost') return <Navigate to={`/tickets/${encodeURIComponent(task.ticketId)}/show`} replace />;
  const Form = FORMS[task.kind];
  const me = identity as DeskIdentity | undefined;
  const stepTitle = translate(`desk.steps.${task.kind}`);
  const canWork = mayWork(task, me, ticket?.hospitalId);
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('resources.tasks.page.complete', { kind: translate(`choices.taskKind.${task.kind}`), ticketId: task.ticketId })} />
      <Button component={Link} to={`/tickets/${encodeURIComponent(task.ticketId)}/show`} startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {translate('desk.actions.back')}
      </Button>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card variant="outlined" component="section" aria-label={stepTitle}>
            <CardContent>
              <Typography variant="h5" component="h1" sx={{ mb: 0.5 }}>
                {stepTitle}
              </Typography>
              {/* A title may be one unbroken word (an error code): it wraps rather than widen a phone's page. */}
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
                {task.ticketId} · {task.ticketTitle ?? ticket?.title}
              </Typography>
              {conflict && (
                <Alert
                  severity="warning"
                  sx={{ mb: 2 }}
                  action={
                    <Button component={Link} to={`/tickets/${encodeURIComponent(task.ticketId)}/show`} color="inherit" size="small">
                      {translate('desk.actions.back')}
                    </Button>
                  }
                >
                  {translate('desk.errors.conflict', { message: conflict })}
                </Alert>
              )}
              {task.status !== 'open' ? (
                <Alert severity="info">{translate('desk.hints.taskNotOpen', { status: translate(`choices.taskStatus.${task.status}`) })}</Alert>
              ) : !canWork && task.assigneeId !== null && task.assigneeId !== me?.id ? (
                <Alert severity="warning">{translate('desk.hints.notYours', { name: task.assigneeName ?? `#${task.assigneeId}` })}</Alert>
              ) : !ticket ? (
                // A failed read says so (it is retried every poll) rather than spin as if still loading.
                ticketQuery.isError ? (
                  <Alert severity="error">{translate('desk.errors.failed', { message: (ticketQuery.error as Error | null)?.message ?? '' })}</Alert>
                ) : (
                  <Loading />
                )
              ) : (
                <>
                  {task.assigneeId === null && task.kind !== 'signature' && (
                    <Alert severity="info" sx={{ mb: 2 }} action={<ClaimButton task={task} onClaimed={setClaimed} />}>
                      {translate('desk.hints.claimFirst')}
                    </Alert>
                  )}
                  <StepConflictContext.Provider value={setConflict}>
                    <Form task={task} ticket={ticket} />
                  </StepConflictContext.Provider>
                </>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>{ticket && <TicketContext ticket={ticket} />}</Grid>
      </Grid>
    </Box>
  );
};
