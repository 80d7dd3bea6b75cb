import AddTaskIcon from '@mui/icons-material/AddTask';
import HistoryIcon from '@mui/icons-material/History';
import PauseIcon from '@mui/icons-material/PauseCircle';
import PlayIcon from '@mui/icons-material/PlayCircle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EditButton, maxLength, required, TextInput, TopToolbar, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { LIMITS } from '../../../domain/limits';
import { ActionDialog, type ActionDialogProps } from '../common/ActionDialog';
import { useServerErrorHandler } from '../common/errors';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { isRole } from '../roles';
import type { Plan, PlanAction } from './types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const validMonth = (v: unknown) => (typeof v === 'string' && MONTH.test(v) ? undefined : 'desk.plans.monthInvalid');

type PlanActionDialogProps = Omit<ActionDialogProps, 'send' | 'color'> & { action: PlanAction };

/** Pause, resume or backfill: a small button and a dialog asking what the action needs. */
const PlanActionDialog = ({ action, ...props }: PlanActionDialogProps) => {
  const plan = useRecordContext<Plan>();
  const dataProvider = useDeskDataProvider();
  if (!plan) return null;
  return <ActionDialog {...props} send={(body) => dataProvider.planAction(plan.id, action, body)} />;
};

/** 立即执行: this month's occurrence now; pressed twice, it finds the same one. */
const RunNowButton = () => {
  const translate = useTranslate();
  const plan = useRecordContext<Plan>();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const handleError = useServerErrorHandler();
  const [busy, setBusy] = useState(false);
  if (!plan) return null;
  const run = async () => {
    setBusy(true);
    try {
      const opened = (await dataProvider.planAction(plan.id, 'run')) as { period: string; created: boolean };
      notify(opened.created ? 'desk.plans.ranNow' : 'desk.plans.alreadyThere', { type: 'success', messageArgs: { period: opened.period } });
      refresh();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<AddTaskIcon />} onClick={run} disabled={busy}>
      {translate('desk.plans.runNow')}
    </Button>
  );
};

const NoteInput = () => <TextInput source="note" label="desk.fields.note" multiline minRows={2} validate={[required(), maxLength(LIMITS.text)]} fullWidth />;

const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Admins and managers plan; dispatchers read. */
export const PlanActions = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!plan || !isRole(permissions, 'admin', 'manager')) return <TopToolbar />;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <EditButton />
      {plan.paused ? (
        <PlanActionDialog label="desk.plans.resume" icon={<PlayIcon />} action="resume" done="desk.plans.resumed" fields={['note']}>
          <NoteInput />
        </PlanActionDialog>
      ) : (
        <PlanActionDialog label="desk.plans.pause" icon={<PauseIcon />} action="pause" done="desk.plans.pausedDone" fields={['note']}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('desk.plans.pauseExplain')}
          </Typography>
          <NoteInput />
        </PlanActionDialog>
      )}
      <RunNowButton />
      <PlanActionDialog label="desk.plans.backfill" icon={<HistoryIcon />} action="backfill" done="desk.plans.backfilled" fields={['from', 'to']} defaultValues={{ from: lastMonth(), to: lastMonth() }}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('desk.plans.backfillExplain')}
        </Typography>
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextInput source="from" label="desk.plans.fromMonth" type="month" validate={[required(), validMonth]} slotProps={{ inputLabel: { shrink: true } }} />
          <TextInput source="to" label="desk.plans.toMonth" type="month" validate={[required(), validMonth]} slotProps={{ inputLabel: { shrink: true } }} />
        </Stack>
      </PlanActionDialog>
    </TopToolbar>
  );
};
