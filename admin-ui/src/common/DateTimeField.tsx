import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { formatDateTime, formatShortDateTime } from './time';

/** A list column's date and time in the console's one format (common/time.ts), "—" when empty; `short` drops this year's year. */
export const DateTimeField = ({ source, emptyText = '—', short = false }: { source: string; emptyText?: string; label?: string; sortable?: boolean; short?: boolean }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as string | null | undefined;
  return (
    <Typography component="span" variant="body2" title={value ? formatDateTime(value) : undefined} sx={{ whiteSpace: 'nowrap' }}>
      {value ? (short ? formatShortDateTime(value) : formatDateTime(value)) : emptyText}
    </Typography>
  );
};
