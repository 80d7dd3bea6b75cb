import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime, formatDuration, useNow } from '../common/time';
import type { Ticket } from './types';

/** In a list row: the nearest commitment still running, as a countdown; 已超时 / 已暂停 as badges. Sorted as `urgency` (the API's queue order). */
export const SlaCell = (_props: Omit<FieldProps<Ticket>, 'source'> & { source: 'urgency' }) => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const now = useNow(1000);
  const [locale = 'zh-CN'] = useLocaleState();
  if (!record) return null;
  const breached = record.replyBreached || record.solutionBreached;
  if (record.status !== 'open') {
    return breached ? <Chip size="small" variant="outlined" color="error" label={translate('desk.sla.breached')} /> : <>—</>;
  }
  if (breached) return <Chip size="small" color="error" label={translate('desk.sla.breached')} />;
  if (record.pausedSince) return <Chip size="small" label={translate('desk.sla.paused')} />;
  const due = [record.replySatisfiedAt ? null : record.replyDueAt, record.solutionSatisfiedAt ? null : record.solutionDueAt]
    .filter((d): d is string => !!d)
    .map(Date.parse)
    .filter((d) => d > 0)
    .sort((a, b) => a - b)[0];
  if (!due) return <>—</>;
  const remaining = due - now;
  return (
    <Typography variant="body2" title={formatDateTime(new Date(due).toISOString(), locale)} sx={{ color: remaining <= 0 ? 'error.main' : remaining < 30 * 60_000 ? 'warning.main' : 'success.main', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {remaining <= 0 ? translate('desk.sla.overdue', { time: formatDuration(remaining, translate) }) : translate('desk.sla.remaining', { time: formatDuration(remaining, translate) })}
    </Typography>
  );
};
