import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, ReferenceField, useGetList, useTranslate } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { POLL_MS } from '../common/time';
import type { Inspection } from '../inspection-plans/types';
import { InspectionStatusChip } from './InspectionStatusChip';
import { useInspectionPath } from './inspectionPath';

/**
 * 我的巡检: an engineer's inspections still to confirm or fill, on their home page. An occurrence
 * opens without a task or a message, so without this a new engineer would not know it is theirs.
 */
export const MyInspections = () => {
  const translate = useTranslate();
  const inspectionPath = useInspectionPath();
  const { data = [], isPending } = useGetList<Inspection>(
    'inspections',
    { pagination: { page: 1, perPage: 20 }, sort: { field: 'visitDate', order: 'ASC' }, filter: { mine: true, status: ['planned', 'on_site'] } },
    { refetchInterval: POLL_MS },
  );
  if (isPending) return null;
  if (!data.length) return <Typography variant="body2" color="text.secondary">{translate('desk.inspection.noneToDo')}</Typography>;
  return (
    <Stack sx={{ gap: 1.5 }} component="ul" aria-label={translate('desk.dashboard.myInspections')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {data.map((i) => (
        <Stack component="li" key={i.id} direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere', minWidth: 0 }}>
            <ReferenceField record={i} source="hospitalId" reference="hospitals" link={false} /> · <ChoiceText group="template" value={i.templateCode} /> {i.period}
          </Typography>
          <InspectionStatusChip status={i.status} />
          <Typography variant="body2" color="text.secondary">
            {translate('resources.inspections.fields.visitDate')} {i.visitDate}
          </Typography>
          <Button component={Link} to={inspectionPath(i.id)} variant="contained" size="small" sx={{ ml: 'auto', minHeight: 40 }}>
            {translate(i.status === 'planned' ? 'desk.inspection.openToConfirm' : 'desk.inspection.openToFill')}
          </Button>
        </Stack>
      ))}
    </Stack>
  );
};
