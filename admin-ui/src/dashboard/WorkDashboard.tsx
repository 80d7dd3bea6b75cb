import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { CellText } from '../queue/CellText';
import { Section } from '../common/Section';
import { formatDateTime, POLL_MS } from '../common/time';
import { useIsPhone } from '../common/useIsPhone';
import { MyInspections } from '../inspections/MyInspections';
import { ReportsToSign } from '../inspections/ReportsToSign';
import { isRole } from '../roles';
import { WorkButton } from '../tasks/TaskButtons';
import { TaskCards } from '../tasks/TaskCard';
import type { Task } from '../tasks/types';
import { StatCard } from './StatCard';

const ONE = { pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' as const } };
const tasksLink = (filter: Record<string, unknown>) => `/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The open tasks waiting for me, each with its button, right on the home page. */
export const MyTasks = ({ filter }: { filter: Record<string, unknown> }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data = [], isPending } = useGetList<Task>(
    'tasks',
    { pagination: { page: 1, perPage: 10 }, sort: { field: 'urgency', order: 'ASC' }, filter },
    { refetchInterval: POLL_MS },
  );
  const column = (field: string) => translate(`resources.tasks.fields.${field}`);
  const phone = useIsPhone();
  if (isPending) return null;
  if (!data.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('ra.navigation.no_results', { name: translate('resources.tasks.name', { smart_count: 2 }) })}
      </Typography>
    );
  }
  if (phone) return <TaskCards tasks={data} />;
  return (
    // Fixed columns, the title takes what is left, cut to one line: a long title never widens the page.
    <Table size="small" sx={{ tableLayout: 'fixed', width: '100%', '& td, & th': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 120 }}>{column('kind')}</TableCell>
          <TableCell sx={{ width: 160 }}>{column('ticketId')}</TableCell>
          <TableCell>{column('ticketTitle')}</TableCell>
          <TableCell sx={{ width: 110 }}>{column('faultLevel')}</TableCell>
          <TableCell sx={{ width: 150 }}>{column('dueAt')}</TableCell>
          <TableCell sx={{ width: 110 }} />
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((task) => (
          <TableRow key={task.id}>
            <TableCell sx={{ fontWeight: 600 }}>
              <ChoiceText group="taskKind" value={task.kind} />
            </TableCell>
            <TableCell>
              <Link to={`/tickets/${encodeURIComponent(task.ticketId)}/show`}>{task.ticketId}</Link>
            </TableCell>
            <TableCell>
              <CellText text={task.ticketTitle} />
            </TableCell>
            <TableCell>{task.faultLevel ? <ChoiceText group="faultLevel" value={task.faultLevel} /> : '—'}</TableCell>
            <TableCell>{formatDateTime(task.dueAt, locale) || '—'}</TableCell>
            <TableCell align="right">
              <WorkButton task={task} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 首页 for engineers and hospital contacts: how much is waiting for me, and the tasks themselves. */
export const WorkDashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const contact = isRole(permissions, 'hospital_contact');
  const mineFilter = contact ? { kind: 'signature', status: 'open' } : { mine: true, status: 'open' };
  const queueFilter = { queue: true };
  const mine = useGetList('tasks', { ...ONE, filter: mineFilter }, { refetchInterval: POLL_MS });
  const queue = useGetList('tasks', { ...ONE, filter: queueFilter }, { enabled: !contact, refetchInterval: POLL_MS });
  const open = useGetList('tickets', { ...ONE, sort: { field: 'receivedAt', order: 'DESC' }, filter: { status: 'open' } }, { refetchInterval: POLL_MS });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <StatCard
          label={contact ? 'desk.dashboard.toSign' : 'desk.dashboard.myTasks'}
          value={mine.total ?? '—'}
          tone={mine.total ? 'warning.main' : 'text.primary'}
          action={<Link to={tasksLink(mineFilter)}>{translate('desk.dashboard.goTasks')}</Link>}
        />
      </Grid>
      {!contact && (
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <StatCard label="desk.dashboard.queue" value={queue.total ?? '—'} action={<Link to={tasksLink(queueFilter)}>{translate('desk.dashboard.goTasks')}</Link>} />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <StatCard
          label="desk.dashboard.openRequests"
          value={open.total ?? '—'}
          action={
            contact ? (
              <Button component={Link} to="/tickets/create" startIcon={<AddIcon />} size="small" variant="contained" sx={{ mt: 1 }}>
                {translate('desk.dashboard.newRequest')}
              </Button>
            ) : (
              <Link to="/tickets">{translate('desk.dashboard.goTickets')}</Link>
            )
          }
        />
      </Grid>
      <Grid size={12}>
        <Section title={contact ? 'desk.dashboard.toSign' : 'desk.dashboard.myTasks'}>
          <MyTasks filter={mineFilter} />
        </Section>
      </Grid>
      {contact ? (
        <Grid size={12}>
          <Section title="desk.dashboard.inspectionsToSign">
            <ReportsToSign />
          </Section>
        </Grid>
      ) : (
        <Grid size={12}>
          <Section title="desk.dashboard.myInspections">
            <MyInspections />
          </Section>
        </Grid>
      )}
    </Grid>
  );
};
