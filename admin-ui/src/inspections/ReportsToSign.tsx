import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, useGetList, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { POLL_MS } from '../common/time';
import type { Inspection } from '../inspection-plans/types';
import { useInspectionPath } from './inspectionPath';

/** 待您签字确认的巡检报告: the contact's hospital's reports waiting for a signature (the API keeps it to their hospital). */
export const ReportsToSign = () => {
  const translate = useTranslate();
  const inspectionPath = useInspectionPath();
  const { data = [], isPending } = useGetList<Inspection>(
    'inspections',
    { pagination: { page: 1, perPage: 20 }, sort: { field: 'period', order: 'DESC' }, filter: { status: 'signature' } },
    { refetchInterval: POLL_MS },
  );
  if (isPending) return null;
  if (!data.length) return <Typography variant="body2" color="text.secondary">{translate('desk.inspection.noneToSign')}</Typography>;
  return (
    <Stack sx={{ gap: 1 }} component="ul" aria-label={translate('desk.dashboard.inspectionsToSign')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {data.map((i) => (
        <Stack component="li" key={i.id} direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 600 }}>
            <ChoiceText group="template" value={i.templateCode} /> {i.period}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.inspections.fields.visitDate')} {i.visitDate}
          </Typography>
          <Button component={Link} to={inspectionPath(i.id)} variant="contained" size="small" sx={{ ml: 'auto', minHeight: 40 }}>
            {translate('desk.inspection.openToSign')}
          </Button>
        </Stack>
      ))}
    </Stack>
  );
};
