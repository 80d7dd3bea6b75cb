import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { UserName } from '../common/people';
import { Section } from '../common/Section';
import { formatDateTime } from '../common/time';
import { useIsPhone } from '../common/useIsPhone';
import { ClaimButton, WorkButton } from '../tasks/TaskButtons';
import { TaskCard } from '../tasks/TaskCard';
import type { Task } from '../tasks/types';

const STATUS_COLOR = { open: 'primary', done: 'success', cancelled: 'default' } as const;

/** Who holds the task: its assignee, whoever completed it from the queue, or the role it waits for. */
const TaskHolder = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  if (task.assigneeName) return <>{task.assigneeName}</>;
  if (task.assigneeId) return <UserName id={task.assigneeId} />;
  // Done straight from the role's queue: whoever completed it, by the name the API sends.
  if (task.completedByName) return <>{task.completedByName}</>;
  if (task.completedById) return <UserName id={task.completedById} />;
  return (
    <Typography variant="body2" component="span" color="text.secondary">
      {translate(`choices.role.${task.candidateRole}`)}
    </Typography>
  );
};

/** The ticket's tasks, open ones first: who holds what, by when, and the button to do it. */
export const TicketTasks = ({ tasks, hospitalId }: { tasks: Task[]; hospitalId: number }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const ordered = [...tasks].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  const column = (field: string) => translate(`resources.tasks.fields.${field}`);
  const phone = useIsPhone();
  return (
    <Section title="desk.show.tasks">
      {!tasks.length ? (
        <Typography variant="body2">{translate('desk.show.noTasks')}</Typography>
      ) : phone ? (
        <Stack sx={{ gap: 1 }}>
          {ordered.map((task) => (
            <TaskCard key={task.id} task={task} ticketHospitalId={hospitalId} holder={<TaskHolder task={task} />} onTicketPage />
          ))}
        </Stack>
      ) : (
        <Table size="small" aria-label={translate('desk.show.tasks')} sx={{ '& td, & th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{column('kind')}</TableCell>
              <TableCell>{column('status')}</TableCell>
              <TableCell>{column('assigneeName')}</TableCell>
              <TableCell>{column('dueAt')}</TableCell>
              <TableCell>{column('completedAt')}</TableCell>
              <TableCell>{column('outcome')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {ordered.map((task) => (
              <TableRow key={task.id} sx={{ opacity: task.status === 'open' ? 1 : 0.75 }}>
                <TableCell sx={{ fontWeight: task.status === 'open' ? 600 : 400 }}>
                  <ChoiceText group="taskKind" value={task.kind} />
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={STATUS_COLOR[task.status]} label={translate(`choices.taskStatus.${task.status}`)} />
                </TableCell>
                <TableCell>
                  <TaskHolder task={task} />
                </TableCell>
                <TableCell>{formatDateTime(task.dueAt, locale) || '—'}</TableCell>
                <TableCell>{formatDateTime(task.completedAt, locale) || '—'}</TableCell>
                <TableCell>{task.outcome ? <ChoiceText group="outcome" value={task.outcome} /> : '—'}</TableCell>
                <TableCell align="right">
                  <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
                    <ClaimButton task={task} />
                    <WorkButton task={task} ticketHospitalId={hospitalId} />
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};
