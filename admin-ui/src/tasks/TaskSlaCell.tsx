import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime, formatDuration, useNow } from '../common/time';
import type { Task } from './types';

/** The ticket's running commitment beside its open task: 已超时, or the time left. Sorted as `urgency`. */
export const TaskSlaCell = (_props: Omit<FieldProps<Task>, 'source'> & { source: 'urgency' }) => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const now = useNow(1000);
  if (!task || task.status !== 'open') return <>—</>;
  if (task.ticketBreached) return <Chip size="small" color="error" label={translate('desk.sla.breached')} />;
  if (!task.ticketDueAt) return <>—</>;
  const remaining = Date.parse(task.ticketDueAt) - now;
  return (
    <Typography
      variant="body2"
      component="span"
      title={formatDateTime(task.ticketDueAt, locale)}
      sx={{ color: remaining <= 0 ? 'error.main' : remaining < 30 * 60_000 ? 'warning.main' : 'success.main', fontVariantNumeric: 'tabular-nums' }}
    >
      {remaining <= 0 ? translate('desk.sla.overdue', { time: formatDuration(remaining, translate) }) : translate('desk.sla.remaining', { time: formatDuration(remaining, translate) })}
    </Typography>
  );
};
