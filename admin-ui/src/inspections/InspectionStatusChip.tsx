import Chip from '@mui/material/Chip';
import { useTranslate } from 'react-admin';
import type { InspectionStatus } from '../../../domain/inspection/occurrence';

const COLOUR: Record<InspectionStatus, 'default' | 'info' | 'warning' | 'success' | 'primary'> = {
  planned: 'default',
  on_site: 'info',
  review: 'primary',
  signature: 'warning',
  archived: 'success',
  cancelled: 'default',
};

/** Where an inspection stands, in words (the colour only helps); a failed run says so instead. */
export const InspectionStatusChip = ({ status, failed = false }: { status: InspectionStatus; failed?: boolean }) => {
  const translate = useTranslate();
  if (failed) return <Chip size="small" color="error" label={translate('choices.boardState.failed')} />;
  return <Chip size="small" color={COLOUR[status]} variant={status === 'cancelled' ? 'outlined' : 'filled'} label={translate(`choices.inspectionStatus.${status}`, { _: status })} />;
};
