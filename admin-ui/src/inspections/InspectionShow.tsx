import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Loading, ReferenceField, TextField, Title, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { Section } from '../common/Section';
import { formatDateTime, POLL_MS } from '../common/time';
import { inspectionReportUrl } from '../dataProvider';
import { isRole, USER_READERS } from '../roles';
import { CancelInspectionButton } from './CancelInspectionButton';
import { ChecklistForm } from './ChecklistForm';
import { InspectionStatusChip } from './InspectionStatusChip';
import { ReportView } from './ReportView';
import { RestartInspectionButton } from './RestartInspectionButton';
import { ConfirmForm, ReviewForm, SignForm } from './StepForms';
import type { InspectionDetail } from './types';

/** The one step this caller may take now, at the top of the page (on a phone too). */
const NextStep = ({ inspection }: { inspection: InspectionDetail }) => {
  const allowed = inspection.allowed;
  if (allowed.includes('confirm')) return <Section title="desk.inspection.confirm.title"><ConfirmForm inspection={inspection} /></Section>;
  if (allowed.includes('checklist')) return <Section title="desk.inspection.checklist.title"><ChecklistForm inspection={inspection} /></Section>;
  if (allowed.includes('review')) return <Section title="desk.inspection.review.title"><ReviewForm inspection={inspection} /></Section>;
  if (allowed.includes('sign')) return <Section title="desk.inspection.sign.title"><SignForm inspection={inspection} /></Section>;
  return null;
};

/** What happened to the report: sent back, refused, reviewed, signed, cancelled (the contact gets no vendor-internal note). */
const Outcomes = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const { returnNote, review, signature, cancelNote } = inspection;
  return (
    <>
      {inspection.status === 'on_site' && returnNote && (
        <Alert severity="warning" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          {translate(returnNote.kind === 'send_back' ? 'desk.inspection.sentBackNote' : 'desk.inspection.refusedNote', { note: returnNote.note, at: formatDateTime(returnNote.at) })}
          {/* What happens now: whoever works it resubmits; the hospital waits to be asked again. */}
          {returnNote.kind === 'refused' && <Box sx={{ mt: 0.5 }}>{translate(isRole(permissions, 'hospital_contact') ? 'desk.inspection.refusedWait' : 'desk.inspection.refusedNext')}</Box>}
        </Alert>
      )}
      {/* Resubmitted after a refusal: the reviewer and the hospital still read what was refused. */}
      {signature?.decision === 'refused' && (inspection.status === 'review' || inspection.status === 'signature') && (
        <Alert severity="info" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          {translate('desk.inspection.lastRefused', { reason: signature.reason ?? '', at: formatDateTime(signature.at) })}
        </Alert>
      )}
      {signature && inspection.status === 'archived' && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {translate('desk.inspection.signedBy', { name: signature.signerName, at: formatDateTime(signature.at) })}
        </Alert>
      )}
      {cancelNote && <Alert severity="info" sx={{ mb: 2 }}>{translate('desk.inspection.cancelled', { note: cancelNote })}</Alert>}
      {review && review.note !== undefined && inspection.status !== 'on_site' && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          {translate('desk.inspection.review.last', { decision: translate(`choices.reviewDecision.${review.decision}`), at: formatDateTime(review.at), note: review.note || '—' })}
        </Typography>
      )}
    </>
  );
};

/** 巡检详情: who and when, the step to take now, then the report as written so far. */
export const InspectionShow = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const { data: inspection, isPending, error } = useGetOne<InspectionDetail>('inspections', { id: Number(id) }, { refetchInterval: POLL_MS });
  // react-admin first shows the list's row for a record it has listed: the page waits for the detail.
  if (isPending || (inspection && !inspection.template)) return <Loading />;
  if (error || !inspection) return <Alert severity="error">{(error as Error | null)?.message ?? translate('ra.page.not_found')}</Alert>;
  const hasReport = inspection.faultSummary !== null;
  return (
    <Box sx={{ maxWidth: 960, mt: 1, minWidth: 0 }}>
      <Title title={translate('desk.inspection.title', { period: inspection.period })} />
      {/* The app bar holds the page's name (Title), as on every page; the status sits under it. */}
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <InspectionStatusChip status={inspection.status} failed={!!inspection.workflowState} />
        <CancelInspectionButton inspection={inspection} />
        <RestartInspectionButton inspection={inspection} />
      </Stack>
      {/* Staff only: a contact's answer carries no workflowState. */}
      {inspection.workflowState && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('desk.inspection.restart.failed')}
        </Alert>
      )}
      <Section title="desk.inspection.about">
        <InfoGrid
          items={[
            { label: 'resources.inspections.fields.hospitalId', value: <ReferenceField record={inspection} source="hospitalId" reference="hospitals" link={false} /> },
            { label: 'resources.inspections.fields.period', value: inspection.period },
            { label: 'resources.inspections.fields.templateCode', value: <>{inspection.template.title} · v{inspection.template.version}</> },
            { label: 'resources.inspections.fields.visitDate', value: inspection.visitDate },
            { label: 'resources.inspections.fields.reportDueDate', value: inspection.reportDueDate },
            {
              label: 'resources.inspections.fields.engineerId',
              value: inspection.engineerId === undefined || !isRole(permissions, ...USER_READERS) ? undefined : <ReferenceField record={inspection} source="engineerId" reference="users" link={false}><TextField source="displayName" /></ReferenceField>,
            },
            { label: 'desk.inspection.systems', value: inspection.systemCodes.map((s, n) => <span key={s}>{n ? '、' : ''}<ChoiceText group="system" value={s} /></span>) },
          ]}
        />
        {hasReport && (
          <Button component="a" href={inspectionReportUrl(inspection.id)} download startIcon={<DownloadIcon />} variant="outlined" sx={{ mt: 2, minHeight: 44 }}>
            {translate('desk.inspection.report.pdf')}
          </Button>
        )}
        {inspection.reportHash && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
            {translate('desk.inspection.report.hash')}：{inspection.reportHash}
          </Typography>
        )}
      </Section>
      <Outcomes inspection={inspection} />
      <NextStep inspection={inspection} />
      <ReportView inspection={inspection} />
    </Box>
  );
};
