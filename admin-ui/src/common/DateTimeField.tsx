import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { formatDateTime } from './time';

/** A list column's date and time in the console's one format (common/time.ts), "—" when empty. */
export const DateTimeField = ({ source, emptyText = '—' }: { source: string; emptyText?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as string | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {value ? formatDateTime(value) : emptyText}
    </Typography>
  );
};
