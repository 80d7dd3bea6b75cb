import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { formatDateTime } from '../common/time';
import { ClaimButton, WorkButton } from './TaskButtons';
import type { Task } from './types';

const STATUS_COLOR = { open: 'primary', done: 'success', cancelled: 'default' } as const;

interface TaskCardProps {
  task: Task;
  ticketHospitalId?: number;
  /** Who holds it, when the card is on the ticket's own page. */
  holder?: ReactNode;
  /** The ticket is the page around the card: no link to it. */
  onTicketPage?: boolean;
}

/** One task on a phone: what, which request, by when, and its buttons below, full width. */
export const TaskCard = ({ task, ticketHospitalId, holder, onTicketPage }: TaskCardProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const due = formatDateTime(task.dueAt, locale);
  return (
    <Paper variant="outlined" component="article" aria-label={translate(`choices.taskKind.${task.kind}`)} sx={{ p: 1.5, opacity: task.status === 'open' ? 1 : 0.75, minWidth: 0 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="span" sx={{ fontWeight: task.status === 'open' ? 700 : 400 }}>
          <ChoiceText group="taskKind" value={task.kind} />
        </Typography>
        <Chip size="small" variant="outlined" color={STATUS_COLOR[task.status]} label={translate(`choices.taskStatus.${task.status}`)} />
        {task.faultLevel && <Chip size="small" variant="outlined" color={task.faultLevel === 1 ? 'error' : 'default'} label={translate(`choices.faultLevel.${task.faultLevel}`)} />}
      </Stack>
      {!onTicketPage && (
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          <Link to={`/tickets/${encodeURIComponent(task.ticketId)}/show`}>{task.ticketId}</Link> {task.ticketTitle}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {holder ?? task.assigneeName ?? translate(`choices.role.${task.candidateRole}`)}
        {due && ` · ${translate('resources.tasks.fields.dueAt')} ${due}`}
        {task.completedAt && ` · ${translate('resources.tasks.fields.completedAt')} ${formatDateTime(task.completedAt, locale)}`}
      </Typography>
      {task.completedByName && (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.tasks.fields.completedByName')} {task.completedByName}
        </Typography>
      )}
      {task.outcome && (
        <Typography variant="body2" color="text.secondary">
          <ChoiceText group="outcome" value={task.outcome} />
        </Typography>
      )}
      <Stack direction="row" sx={{ gap: 1, mt: 1, flexWrap: 'wrap', '&:empty': { display: 'none' } }}>
        <ClaimButton task={task} />
        <WorkButton task={task} ticketHospitalId={ticketHospitalId} />
      </Stack>
    </Paper>
  );
};

/** Task cards one under the other. */
export const TaskCards = ({ tasks, ticketHospitalId, onTicketPage }: { tasks: Task[]; ticketHospitalId?: number; onTicketPage?: boolean }) => (
  <Stack sx={{ gap: 1 }}>
    {tasks.map((t) => (
      <TaskCard key={t.id} task={t} ticketHospitalId={ticketHospitalId} onTicketPage={onTicketPage} />
    ))}
  </Stack>
);
