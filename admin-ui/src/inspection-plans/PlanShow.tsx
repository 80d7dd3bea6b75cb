import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { Datagrid, FunctionField, ReferenceField, ReferenceManyField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { ResponsiveList } from '../common/ResponsiveList';
import { Section } from '../common/Section';
import { SystemChips } from '../common/SystemChips';
import { formatDateTime, POLL_MS } from '../common/time';
import { InspectionStatusChip } from '../inspections/InspectionStatusChip';
import { useInspectionPath } from '../inspections/inspectionPath';
import { PlanActions } from './PlanActions';
import { useRecurrenceText } from './recurrence';
import type { Inspection, Plan } from './types';

const PlanTitle = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  return <>{plan ? translate('desk.plans.title', { id: plan.id }) : ''}</>;
};

/** The next firings as Temporal's schedule has them (describe()), in the desk's time. */
const NextRuns = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  if (plan.paused) return <Typography variant="body2">{translate('desk.plans.noRunsWhilePaused')}</Typography>;
  if (!plan.nextRuns?.length) return <Typography variant="body2">{translate('desk.plans.noRuns')}</Typography>;
  return (
    <List dense disablePadding aria-label={translate('desk.plans.nextRuns')}>
      {plan.nextRuns.map((run) => (
        <ListItem key={run} disableGutters>
          {formatDateTime(run)}
        </ListItem>
      ))}
    </List>
  );
};

const PlanInspections = () => {
  const inspectionPath = useInspectionPath();
  return (
    // Read again as the plan is: the manager waiting on this page sees a row move to 审核中 without reloading.
    <ReferenceManyField reference="inspections" target="planId" sort={{ field: 'period', order: 'DESC' }} perPage={24} queryOptions={{ refetchInterval: POLL_MS }}>
      <ResponsiveList<Inspection>
        link={(i) => inspectionPath(Number(i.id))}
        primary={(i) => (
          <>
            <span>{i.period}</span>
            <InspectionStatusChip status={i.status} failed={!!i.workflowState} />
          </>
        )}
        secondary={<TextField source="visitDate" />}
      >
        <Datagrid bulkActionButtons={false} rowClick={(id) => inspectionPath(Number(id))} empty={<EmptyInspections />}>
          <TextField source="period" />
          <FunctionField source="status" render={(i: Inspection) => <InspectionStatusChip status={i.status} failed={!!i.workflowState} />} />
          <TextField source="visitDate" />
          <TextField source="reportDueDate" />
          <FunctionField source="templateVersion" render={(i: Inspection) => `v${i.templateVersion}`} />
          <FunctionField source="startedBy" render={(i: Inspection) => <ChoiceText group="startedBy" value={i.startedBy} />} />
        </Datagrid>
      </ResponsiveList>
    </ReferenceManyField>
  );
};

const EmptyInspections = () => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('desk.plans.noInspections')}</Typography>;
};

const PlanShowContent = () => {
  const plan = useRecordContext<Plan>();
  const recurrence = useRecurrenceText();
  const translate = useTranslate();
  if (!plan) return null;
  const f = (name: string) => `resources.inspection-plans.fields.${name}`;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      {plan.paused && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('desk.plans.pausedWhy', { note: plan.pauseNote ?? '' })}
        </Alert>
      )}
      <Section title="desk.plans.plan">
        <InfoGrid
          items={[
            { label: f('hospitalId'), value: <ReferenceField source="hospitalId" reference="hospitals" link={false} /> },
            { label: f('templateCode'), value: <ChoiceText group="template" value={plan.templateCode} /> },
            { label: f('systemCodes'), value: <SystemChips source="systemCodes" /> },
            { label: f('recurrence'), value: recurrence(plan.recurrence) },
            { label: f('engineerId'), value: <ReferenceField source="engineerId" reference="users" link={false} /> },
            { label: f('reportDays'), value: translate('desk.plans.days', { n: plan.reportDays }) },
            { label: f('startDate'), value: plan.startDate },
            { label: f('catchupDays'), value: translate('desk.plans.days', { n: plan.catchupDays }) },
            { label: f('note'), value: plan.note, wide: true },
          ]}
        />
      </Section>
      <Section title="desk.plans.nextRuns">
        <NextRuns plan={plan} />
      </Section>
      <Section title="desk.plans.inspections">
        <PlanInspections />
      </Section>
    </Box>
  );
};

export const PlanShow = () => (
  <Show title={<PlanTitle />} actions={<PlanActions />} queryOptions={{ refetchInterval: POLL_MS }}>
    <PlanShowContent />
  </Show>
);
