import CheckIcon from '@mui/icons-material/Check';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import UndoIcon from '@mui/icons-material/Undo';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { CheckboxGroupInput, maxLength, RadioButtonGroupInput, required, SaveButton, TextInput, useGetIdentity, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { LIMITS } from '../../../domain/limits';
import { systemChoices } from '../choices';
import { StepForm } from '../tasks/StepForm';
import { SignaturePadInput } from '../tasks/SignaturePad';
import type { InspectionDetail } from './types';
import { useInspectionStep } from './useInspectionStep';

const big = { minHeight: 48 };

/** 确认巡检计划: the visit date and the systems covered. */
export const ConfirmForm = ({ inspection }: { inspection: InspectionDetail }) => {
  const step = useInspectionStep(inspection.id);
  return (
    <StepForm
      defaultValues={{ visitDate: inspection.visitDate, systemCodes: inspection.systemCodes, note: '' }}
      onSubmit={(v) => step('confirm', { visitDate: v.visitDate, systemCodes: v.systemCodes, note: v.note || null }, 'desk.inspection.confirm.done')}
      toolbar={<SaveButton label="desk.inspection.confirm.submit" icon={<CheckIcon />} alwaysEnable sx={big} />}
    >
      <TextInput source="visitDate" type="date" label="resources.inspections.fields.visitDate" validate={required()} slotProps={{ inputLabel: { shrink: true } }} fullWidth />
      <CheckboxGroupInput source="systemCodes" label="desk.inspection.systems" choices={systemChoices} validate={required()} row={false} />
      <TextInput source="note" label="desk.inspection.note" multiline fullWidth validate={maxLength(LIMITS.short)} />
    </StepForm>
  );
};

const ReviewButtons = ({ onDecide }: { onDecide: (decision: 'approve' | 'send_back', note: string) => Promise<unknown> }) => {
  const translate = useTranslate();
  const { getValues, setError, clearErrors, formState } = useFormContext();
  const sendBack = async () => {
    const note = String(getValues('note') ?? '').trim();
    if (!note) return setError('note', { type: 'required', message: 'desk.inspection.review.noteRequired' });
    clearErrors('note');
    await onDecide('send_back', note);
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1.5 }}>
      <Button variant="contained" color="success" size="large" startIcon={<CheckIcon />} disabled={formState.isSubmitting} onClick={() => onDecide('approve', String(getValues('note') ?? '').trim())} sx={big}>
        {translate('desk.inspection.review.approve')}
      </Button>
      <Button variant="outlined" color="warning" size="large" startIcon={<UndoIcon />} disabled={formState.isSubmitting} onClick={sendBack} sx={big}>
        {translate('desk.inspection.review.sendBack')}
      </Button>
    </Stack>
  );
};

/** 审核巡检报告: 通过, or 退回 with what to change (the note stays vendor-internal). */
export const ReviewForm = ({ inspection }: { inspection: InspectionDetail }) => {
  const step = useInspectionStep(inspection.id);
  const decide = (decision: 'approve' | 'send_back', note: string) =>
    step('review', { decision, note: note || null }, decision === 'approve' ? 'desk.inspection.review.approved' : 'desk.inspection.review.sentBack');
  return (
    <StepForm defaultValues={{ note: '' }} onSubmit={async () => undefined} toolbar={<ReviewButtons onDecide={decide} />}>
      <TextInput source="note" label="desk.inspection.review.note" multiline minRows={2} fullWidth validate={maxLength(LIMITS.reason)} helperText="desk.inspection.review.noteHint" />
    </StepForm>
  );
};

const decisionChoices = [
  { id: 'signed', name: 'desk.inspection.sign.sign' },
  { id: 'refused', name: 'desk.inspection.sign.refuse' },
];

const SignDetail = () => {
  const decision = useWatch({ name: 'decision' });
  if (decision === 'refused') return <TextInput key="reason" source="reason" label="desk.inspection.sign.reason" multiline minRows={3} fullWidth validate={[required(), maxLength(LIMITS.reason)]} />;
  return (
    <>
      <TextInput source="signerName" label="desk.inspection.sign.signerName" validate={[required(), maxLength(LIMITS.name)]} fullWidth />
      <SignaturePadInput source="signature" validate={required('desk.signature.empty')} />
    </>
  );
};

const SignButton = () => {
  const decision = useWatch({ name: 'decision' });
  const signature = useWatch({ name: 'signature' });
  return decision === 'refused' ? (
    <SaveButton label="desk.inspection.sign.refuse" icon={<DoNotDisturbIcon />} color="warning" alwaysEnable sx={big} />
  ) : (
    <SaveButton label="desk.inspection.sign.sign" icon={<CheckIcon />} disabled={!signature} sx={big} />
  );
};

/** 签字确认: the contact has the report below (and its PDF); signs on the pad for the hash shown, or refuses with a reason. */
export const SignForm = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const step = useInspectionStep(inspection.id);
  const submit = (v: Record<string, unknown>) =>
    v.decision === 'refused'
      ? step('sign', { decision: 'refused', signerName: v.signerName || identity?.fullName, reason: v.reason, reportHash: inspection.reportHash }, 'desk.inspection.sign.refused')
      : step('sign', { decision: 'signed', signerName: v.signerName, signature: v.signature, reportHash: inspection.reportHash }, 'desk.inspection.sign.signed');
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('desk.inspection.sign.explain')}
      </Alert>
      <StepForm defaultValues={{ decision: 'signed', signerName: identity?.fullName ?? '', signature: null }} onSubmit={submit} toolbar={<SignButton />}>
        <RadioButtonGroupInput source="decision" label="desk.inspection.sign.decision" choices={decisionChoices} validate={required()} />
        <SignDetail />
      </StepForm>
    </>
  );
};
