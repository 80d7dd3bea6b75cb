import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, ReferenceField, useGetList, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { POLL_MS } from '../common/time';
import type { Inspection } from '../inspection-plans/types';
import { useInspectionPath } from '../inspections/inspectionPath';

const DAY = 86_400_000;
const dayNumber = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY;
/** Whole days since the report's due day, on this browser's calendar (the hospital's); at least one once escalated. */
const daysLate = (reportDueDate: string, now = new Date()) => Math.max(1, Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY - dayNumber(reportDueDate)));

/**
 * 逾期巡检: the inspections whose overdue escalation fired and whose report is still not submitted
 * (`late` filter of the inspections list), most overdue first, each opening its page: what a
 * manager acts on after the escalation's notification (docs/decisions.md).
 */
export const LateInspections = () => {
  const translate = useTranslate();
  const inspectionPath = useInspectionPath();
  const { data = [], total = 0, isPending } = useGetList<Inspection>(
    'inspections',
    { pagination: { page: 1, perPage: 10 }, sort: { field: 'reportDueDate', order: 'ASC' }, filter: { late: true } },
    { refetchInterval: POLL_MS * 2 },
  );
  if (isPending) return null;
  return (
    <Section
      title="desk.dashboard.lateInspections"
      actions={total > data.length ? <Link to={`/inspections?${new URLSearchParams({ filter: JSON.stringify({ late: true }) })}`}>{translate('desk.dashboard.allLateInspections', { n: total })}</Link> : undefined}
    >
      {data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('desk.dashboard.noLateInspections')}
        </Typography>
      ) : (
        <Stack component="ul" sx={{ gap: 1 }} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.map((i) => (
            <Stack component="li" key={i.id} direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
              <Link to={inspectionPath(i.id)} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                <ReferenceField record={i} source="hospitalId" reference="hospitals" link={false} />{' '}
                {i.period}
              </Link>
              <Typography variant="body2" color="text.secondary" component="span">
                <ReferenceField record={i} source="engineerId" reference="users" link={false} />
              </Typography>
              <Typography variant="body2" color="text.secondary" component="span">
                {translate('resources.inspections.fields.reportDueDate')} {i.reportDueDate}
              </Typography>
              <Typography variant="body2" color="error.main" component="span" sx={{ fontWeight: 600 }}>
                {translate('desk.dashboard.daysLate', { smart_count: daysLate(i.reportDueDate) })}
              </Typography>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
};
