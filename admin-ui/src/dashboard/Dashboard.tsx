import Box from '@mui/material/Box';
import { lazy, Suspense } from 'react';
import Typography from '@mui/material/Typography';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { isRole } from '../roles';
import { MyTasks, WorkDashboard } from './WorkDashboard';
import { Section } from '../common/Section';

// The charts library is large: loaded only by those whose home page has charts.
const ManagerDashboard = lazy(() => import('./ManagerDashboard').then((m) => ({ default: m.ManagerDashboard })));

/** 首页: charts for those who coordinate the work, a to-do summary for those who do it. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('desk.dashboard.title')} />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('desk.dashboard.welcome', { name: identity?.fullName ?? '' })}
        <Typography component="span" variant="body1" color="text.secondary" sx={{ ml: 1 }}>
          {translate(`choices.role.${permissions}`, { _: '' })}
        </Typography>
      </Typography>
      {isRole(permissions, 'dispatcher') && (
        // Dispatchers start their day from the queue: new requests to triage, dispatches to approve.
        <Section title="desk.dashboard.queue">
          <MyTasks filter={{ queue: true }} />
        </Section>
      )}
      <Suspense fallback={null}>
        {isRole(permissions, 'manager', 'dispatcher') ? <ManagerDashboard /> : isRole(permissions, 'admin') ? <ManagerDashboard quietOnError /> : <WorkDashboard />}
      </Suspense>
    </Box>
  );
};
