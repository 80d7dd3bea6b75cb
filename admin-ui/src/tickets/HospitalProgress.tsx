import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Step as TicketStep } from '../choices';
import { InfoGrid } from '../common/InfoGrid';
import { Section } from '../common/Section';
import { formatDateTime } from '../common/time';
import { CheckInsView, RefusalsView, RepairFormsView, SignatureView } from './TicketRecords';
import type { TicketDetail } from './types';

/** The road a request takes, as the hospital follows it: on site once a visit is planned, else remote. */
function pathOf(record: TicketDetail): TicketStep[] {
  const d = record.detail;
  const onsite = ['dispatch', 'onsite', 'signature'].includes(record.step) || (d?.dispatchDecisions.length ?? 0) > 0 || (d?.checkIns.length ?? 0) > 0;
  return ['intake', 'triage', ...(onsite ? (['onsite', 'signature'] as const) : (['remote'] as const)), 'archived'];
}

/**
 * The hospital's view of its request (issue 15): the steps done, now and next, the results, the
 * visits, the repair form it signs and its signature. What the API gives a hospital contact and no more.
 */
export const HospitalProgress = ({ record }: { record: TicketDetail }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const path = pathOf(record);
  // Dispatch is the desk's approval of a visit: for the hospital it is part of the on-site step.
  const now = record.step === 'dispatch' ? 'onsite' : record.step;
  const active = record.status === 'archived' || record.status === 'resolved' ? path.length : path.indexOf(now);
  const d = record.detail;
  const solved = d?.remoteAttempts.filter((a) => a.outcome === 'resolved' && a.solution) ?? [];
  return (
    <>
      <Section title="desk.progress.title">
        {record.status === 'cancelled' ? (
          <Typography variant="body2">{translate('choices.status.cancelled')}</Typography>
        ) : (
          <Stepper activeStep={active} alternativeLabel sx={{ overflowX: 'auto', py: 1 }}>
            {path.map((step) => (
              <Step key={step}>
                <StepLabel>{translate(`choices.step.${step}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>
        )}
      </Section>
      {solved.length > 0 && (
        <Section title="desk.progress.result">
          {solved.map((a, i) => (
            <InfoGrid
              key={i}
              items={[
                { label: 'desk.fields.solution', value: a.solution, wide: true },
                { label: 'desk.fields.at', value: formatDateTime(a.at, locale) },
              ]}
            />
          ))}
        </Section>
      )}
      {d && d.checkIns.length > 0 && <CheckInsView checkIns={d.checkIns} />}
      {d && d.repairForms.length > 0 && <RepairFormsView forms={d.repairForms} />}
      {d && d.refusals.length > 0 && <RefusalsView refusals={d.refusals} />}
      {d?.signature && <SignatureView signature={d.signature} />}
    </>
  );
};
