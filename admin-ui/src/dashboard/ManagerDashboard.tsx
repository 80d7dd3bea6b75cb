import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useQuery } from '@tanstack/react-query';
import { Link, usePermissions, useTranslate } from 'react-admin';
import { isRole } from '../roles';
import { FAULT_LEVELS, STEPS } from '../choices';
import { Section } from '../common/Section';
import { POLL_MS } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { DashboardStats } from '../types';
import { LateInspections } from './LateInspections';
import { StatCard } from './StatCard';

/** No growing bars for those who asked the system for less motion (and for screenshots). */
const skipAnimation = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
/** Counts: whole-number ticks from zero. */
const COUNT_AXIS = [{ tickMinStep: 1, min: 0 }];
/**
 * Room for a line of labels under the bars. At the charts' default axis height the taller line of
 * Noto Sans CJK did not fit, and the charts cut every label down to nothing (engineers' names).
 */
const BAND_X_HEIGHT = 40;

const LEVEL_COLORS = ['#d32f2f', '#f57c00', '#1976d2', '#78909c', '#bdbdbd'];
const OPEN_STEPS = STEPS.filter((s) => !['archived', 'cancelled'].includes(s));

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
      {translate('desk.dashboard.empty')}
    </Typography>
  );
};

/** Open work by step (x) and fault level (stacked series). */
const OpenByStep = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  const rows = stats.openByLevelAndStep;
  if (!rows.length) return <Empty />;
  const steps = OPEN_STEPS.filter((s) => rows.some((r) => r.step === s));
  const levels = [...FAULT_LEVELS, null].filter((l) => rows.some((r) => r.level === l));
  return (
    <BarChart
      height={300}
      skipAnimation={skipAnimation}
      yAxis={COUNT_AXIS}
      xAxis={[{ scaleType: 'band', height: BAND_X_HEIGHT, data: steps.map((s) => translate(`choices.step.${s}`)) }]}
      series={levels.map((level, i) => ({
        label: level === null ? translate('desk.dashboard.noLevel') : translate(`choices.faultLevel.${level}`),
        stack: 'open',
        color: LEVEL_COLORS[level === null ? 4 : i],
        data: steps.map((s) => rows.filter((r) => r.step === s && r.level === level).reduce((n, r) => n + r.count, 0)),
      }))}
    />
  );
};

/** Met / missed / still running, per level and commitment, this month. */
const Compliance = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  const rows = stats.complianceThisMonth;
  if (!rows.length) return <Empty />;
  const labels = rows.map((r) => `${r.level === null ? translate('desk.dashboard.noLevel') : translate(`choices.faultLevel.${r.level}`)} · ${translate(`choices.clock.${r.clock}`)}`);
  return (
    <BarChart
      height={300}
      skipAnimation={skipAnimation}
      layout="horizontal"
      xAxis={COUNT_AXIS}
      yAxis={[{ scaleType: 'band', data: labels, width: 150 }]}
      series={[
        { label: translate('desk.dashboard.met'), stack: 'c', color: '#2e7d32', data: rows.map((r) => r.met) },
        { label: translate('desk.dashboard.missed'), stack: 'c', color: '#d32f2f', data: rows.map((r) => r.missed) },
        { label: translate('desk.dashboard.pending'), stack: 'c', color: '#90a4ae', data: rows.map((r) => r.pending) },
      ]}
    />
  );
};

const BySystem = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  if (!stats.bySystem.length) return <Empty />;
  return (
    <PieChart
      height={260}
      skipAnimation={skipAnimation}
      series={[
        {
          innerRadius: 40,
          data: stats.bySystem.map((r, i) => ({ id: r.systemCode, value: r.count, label: translate(`choices.system.${r.systemCode}`, { _: r.systemCode }), color: ['#1976d2', '#9c27b0', '#00897b'][i % 3] })),
        },
      ]}
    />
  );
};

const ByCategory = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  const rows = stats.byCategory;
  if (!rows.length) return <Empty />;
  return (
    <BarChart
      height={Math.max(200, rows.length * 36 + 60)}
      skipAnimation={skipAnimation}
      layout="horizontal"
      xAxis={COUNT_AXIS}
      yAxis={[{ scaleType: 'band', data: rows.map((r) => (r.category && r.category !== 'untriaged' ? translate(`choices.category.${r.category}`, { _: r.category }) : translate('desk.dashboard.uncategorised'))), width: 150 }]}
      series={[{ label: translate('desk.dashboard.count'), data: rows.map((r) => r.count), color: '#5c6bc0' }]}
    />
  );
};

const Workload = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  const rows = stats.engineerWorkload;
  if (!rows.length) return <Empty />;
  return (
    <BarChart
      height={260}
      skipAnimation={skipAnimation}
      // Nobody busy is worth seeing too: keep a 0–1 scale rather than a collapsed one.
      yAxis={[{ tickMinStep: 1, min: 0, max: Math.max(1, ...rows.map((r) => r.open)) }]}
      xAxis={[{ scaleType: 'band', height: BAND_X_HEIGHT, data: rows.map((r) => r.displayName) }]}
      series={[{ label: translate('desk.dashboard.open'), data: rows.map((r) => r.open), color: '#00897b' }]}
    />
  );
};

/** 首页 for managers and dispatchers: open work, this month's commitments, where the load is. */
export const ManagerDashboard = ({ quietOnError = false }: { quietOnError?: boolean }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const dataProvider = useDeskDataProvider();
  const { data: stats, error } = useQuery({ queryKey: ['desk', 'dashboard'], queryFn: () => dataProvider.dashboard(), refetchInterval: POLL_MS * 2, retry: false });
  if (error && quietOnError) return null;
  if (error) return <Alert severity="warning">{translate('desk.dashboard.unavailable', { message: (error as Error).message })}</Alert>;
  if (!stats) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <StatCard label="desk.dashboard.breachesThisMonth" value={stats.breachesThisMonth} tone={stats.breachesThisMonth ? 'error.main' : 'success.main'} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <StatCard
          label="desk.dashboard.openEscalations"
          value={stats.openEscalations}
          tone={stats.openEscalations ? 'warning.main' : 'success.main'}
          // Only managers have the escalations page (they acknowledge breaches); the others see the count.
          action={isRole(permissions, 'manager') ? <Link to="/escalations">{translate('resources.escalations.name', { smart_count: 2 })}</Link> : undefined}
        />
      </Grid>
      {stats.workflowsLost > 0 && (
        <Grid size={{ xs: 12 }}>
          <StatCard
            label="desk.dashboard.workflowsLost"
            value={stats.workflowsLost}
            tone="error.main"
            action={<Link to={`/tickets?filter=${encodeURIComponent(JSON.stringify({ workflowLost: true }))}`}>{translate('resources.tickets.name', { smart_count: 2 })}</Link>}
          />
        </Grid>
      )}
      <Grid size={{ xs: 12 }}>
        <LateInspections />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <StatCard label="desk.dashboard.openRequests" value={stats.openByLevelAndStep.reduce((n, r) => n + r.count, 0)} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <StatCard label="desk.dashboard.open" value={stats.engineerWorkload.reduce((n, r) => n + r.open, 0)} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="desk.dashboard.openByLevelAndStep">
          <OpenByStep stats={stats} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="desk.dashboard.compliance">
          <Compliance stats={stats} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="desk.dashboard.bySystem">
          <BySystem stats={stats} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="desk.dashboard.byCategory">
          <ByCategory stats={stats} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="desk.dashboard.engineerWorkload">
          <Workload stats={stats} />
        </Section>
      </Grid>
    </Grid>
  );
};
