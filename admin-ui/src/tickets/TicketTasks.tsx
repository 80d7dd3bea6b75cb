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
import { ClaimButton, WorkButton } from '../tasks/TaskButtons';
import type { Task } from '../tasks/types';

const STATUS_COLOR = { open: 'primary', done: 'success', cancelled: 'default' } as const;

/** The ticket's tasks, open ones first: who holds what, by when, and the button to do it. */
export const TicketTasks = ({ tasks, hospitalId }: { tasks: Task[]; hospitalId: number }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const ordered = [...tasks].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  const column = (field: string) => translate(`resources.tasks.fields.${field}`);
  return (
    <Section title="desk.show.tasks">
      {!tasks.length ? (
        <Typography variant="body2">{translate('desk.show.noTasks')}</Typography>
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
                  {task.assigneeName ??
                    (task.assigneeId ? (
                      <UserName id={task.assigneeId} />
                    ) : task.completedById ? (
                      // Done straight from the role's queue: whoever completed it.
                      <UserName id={task.completedById} />
                    ) : (
                      <Typography variant="body2" color="text.secondary">
                        {translate(`choices.role.${task.candidateRole}`)}
                      </Typography>
                    ))}
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
