import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Fragment, type ReactNode } from 'react';
import VerifiedIcon from '@mui/icons-material/Verified';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { mayAudit } from '../roles';
import { ChoiceText } from '../common/ChoiceText';
import { InfoGrid } from '../common/InfoGrid';
import { ActorName, UserName } from '../common/people';
import { Section } from '../common/Section';
import { formatDateTime } from '../common/time';
import type { ActorRef } from '../types';
import type { CheckIn, DispatchDecision, Refusal, RemoteAttempt, RepairForm, Signature, TicketWorkRecord, TriageRecord } from './types';

/** "李调度 · 服务工程师（调度） · 2026-11-26 10:00:00" under each record. */
export const ByLine = ({ by, at }: { by: ActorRef; at: number | string }) => {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
      <ActorName actor={by} /> · {formatDateTime(at, locale)}
    </Typography>
  );
};

/** A "verified" badge for a record's check code; the code itself only for those who audit. */
const VerifiedChip = ({ code, what }: { code: string; what?: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const verified = translate('desk.show.verified');
  return (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      icon={<VerifiedIcon />}
      label={what ? `${translate(what)} · ${verified}` : verified}
      title={mayAudit(permissions) ? translate('desk.show.verifiedHint', { code }) : undefined}
    />
  );
};

const Verified = ({ value }: { value: string | null | undefined }) => (value ? <VerifiedChip code={value} /> : <>—</>);

/** Several records of one kind, newest last, numbered the way people refer to them ("第 2 次"). */
const Numbered = <T,>({ items, label, render }: { items: T[]; label: string; render: (item: T) => ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack divider={<Divider flexItem />} spacing={1.5}>
      {items.map((item, index) => (
        <Fragment key={index}>
          <Box>
            {items.length > 1 && (
              <Typography variant="overline" color="text.secondary">
                {translate(label, { n: index + 1 })}
              </Typography>
            )}
            {render(item)}
          </Box>
        </Fragment>
      ))}
    </Stack>
  );
};

export const TriageView = ({ triage }: { triage: TriageRecord }) => (
  <Section title="desk.show.triage">
    <ByLine by={triage.by} at={triage.at} />
    <InfoGrid
      items={[
        { label: 'desk.fields.category', value: <ChoiceText group="category" value={triage.category} /> },
        { label: 'desk.fields.maintenanceType', value: <ChoiceText group="maintenanceType" value={triage.maintenanceType} /> },
        { label: 'desk.fields.faultLevel', value: <ChoiceText group="faultLevel" value={triage.faultLevel} /> },
        { label: 'desk.fields.route', value: <ChoiceText group="route" value={triage.route} /> },
        { label: 'desk.fields.assigneeId', value: <UserName id={triage.assigneeId} /> },
        { label: 'desk.fields.analysis', value: triage.analysis, wide: true },
        { label: 'desk.fields.plan', value: triage.plan, wide: true },
      ]}
    />
  </Section>
);

export const RemoteAttemptsView = ({ attempts }: { attempts: RemoteAttempt[] }) => (
  <Section title="desk.show.remoteAttempts">
    <Numbered
      items={attempts}
      label="desk.show.attempt"
      render={(a) => (
        <>
          <ByLine by={a.by} at={a.at} />
          <InfoGrid
            items={[
              { label: 'desk.fields.outcome', value: <ChoiceText group="remoteOutcome" value={a.outcome} />, wide: true },
              { label: 'desk.fields.actions', value: a.actions, wide: true },
              ...(a.solution ? [{ label: 'desk.fields.solution', value: a.solution, wide: true }] : []),
              ...(a.reason ? [{ label: 'desk.fields.reason', value: a.reason, wide: true }] : []),
            ]}
          />
        </>
      )}
    />
  </Section>
);

export const DispatchDecisionsView = ({ decisions }: { decisions: DispatchDecision[] }) => (
  <Section title="desk.show.dispatchDecisions">
    <Numbered
      items={decisions}
      label="desk.show.attempt"
      render={(d) => (
        <>
          <ByLine by={d.by} at={d.at} />
          <InfoGrid
            items={[
              { label: 'desk.fields.decision', value: <ChoiceText group="dispatchDecision" value={d.decision} /> },
              ...(d.engineerId ? [{ label: 'desk.fields.engineerId', value: <UserName id={d.engineerId} /> }] : []),
              ...(d.plan ? [{ label: 'desk.fields.plan', value: d.plan, wide: true }] : []),
              ...(d.reason ? [{ label: 'desk.fields.reason', value: d.reason, wide: true }] : []),
            ]}
          />
        </>
      )}
    />
  </Section>
);

export const CheckInsView = ({ checkIns }: { checkIns: CheckIn[] }) => (
  <Section title="desk.show.checkIns">
    <Numbered
      items={checkIns}
      label="desk.show.attempt"
      render={(c) => (
        <>
          <ByLine by={c.by} at={c.at} />
          {c.note && <Typography variant="body2">{c.note}</Typography>}
        </>
      )}
    />
  </Section>
);

export const RepairFormFields = ({ form }: { form: Omit<RepairForm, 'by' | 'at'> }) => {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <InfoGrid
      items={[
        { label: 'desk.fields.faultDescription', value: form.faultDescription, wide: true },
        { label: 'desk.fields.cause', value: form.cause, wide: true },
        { label: 'desk.fields.handling', value: form.handling, wide: true },
        { label: 'desk.fields.result', value: form.result, wide: true },
        { label: 'desk.fields.partsReplaced', value: form.partsReplaced ?? null },
        { label: 'desk.fields.startedAt', value: formatDateTime(form.startedAt, locale) },
        { label: 'desk.fields.finishedAt', value: formatDateTime(form.finishedAt, locale) },
        { label: 'desk.show.formHash', value: <Verified value={form.hash} />, wide: true },
      ]}
    />
  );
};

export const RepairFormsView = ({ forms }: { forms: RepairForm[] }) => (
  <Section title="desk.show.repairForms">
    <Numbered
      items={forms}
      label="desk.show.form"
      render={(f) => (
        <>
          <ByLine by={f.by} at={f.at} />
          <RepairFormFields form={f} />
        </>
      )}
    />
  </Section>
);

export const SignatureView = ({ signature }: { signature: Signature }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const hasImage = signature.image?.startsWith('data:image/');
  return (
    <Section title="desk.show.signature">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        {hasImage && (
          <Box
            component="img"
            src={signature.image}
            alt={translate('desk.fields.image')}
            sx={{ width: 240, maxWidth: '100%', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
          />
        )}
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <InfoGrid
            items={[
              { label: 'desk.fields.signerName', value: signature.signerName },
              { label: 'desk.fields.signerDepartment', value: signature.signerDepartment },
              { label: 'desk.fields.signedAt', value: formatDateTime(signature.at, locale) },
              { label: 'desk.fields.by', value: <ActorName actor={signature.by} /> },
              { label: 'desk.show.signedForm', value: <Verified value={signature.formHash} />, wide: true },
            ]}
          />
        </Box>
      </Stack>
    </Section>
  );
};

export const RefusalsView = ({ refusals }: { refusals: Refusal[] }) => (
  <Section title="desk.show.refusals">
    <Numbered
      items={refusals}
      label="desk.show.attempt"
      render={(r) => (
        <>
          <ByLine by={r.by} at={r.at} />
          <InfoGrid
            items={[
              { label: 'desk.fields.reason', value: r.reason, wide: true },
              { label: 'desk.show.formHash', value: <Verified value={r.formHash} />, wide: true },
            ]}
          />
        </>
      )}
    />
  </Section>
);

/** Every record the workflow kept, in the order the work happened; empty kinds are left out. */
export const TicketRecords = ({ detail }: { detail: TicketWorkRecord }) => (
  <>
    {detail.triage && <TriageView triage={detail.triage} />}
    {detail.remoteAttempts.length > 0 && <RemoteAttemptsView attempts={detail.remoteAttempts} />}
    {detail.dispatchDecisions.length > 0 && <DispatchDecisionsView decisions={detail.dispatchDecisions} />}
    {detail.checkIns.length > 0 && <CheckInsView checkIns={detail.checkIns} />}
    {detail.repairForms.length > 0 && <RepairFormsView forms={detail.repairForms} />}
    {detail.refusals.length > 0 && <RefusalsView refusals={detail.refusals} />}
    {detail.signature && <SignatureView signature={detail.signature} />}
  </>
);

export const ArchivedChip = ({ hash }: { hash: string | null }) => (hash ? <VerifiedChip code={hash} what="desk.show.archiveHash" /> : null);
