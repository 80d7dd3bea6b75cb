import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/Check';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import { maxLength, RadioButtonGroupInput, required, SaveButton, TextInput, useGetIdentity, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { signatureDecisionChoices } from '../choices';
import { RepairFormFields } from '../tickets/TicketRecords';
import type { TicketDetail } from '../tickets/types';
import { SignaturePadInput } from './SignaturePad';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

const name = [required(), maxLength(LIMITS.name)];
const validateImage = required('desk.signature.empty');

const DecisionDetail = () => {
  const decision = useWatch({ name: 'decision' });
  if (decision === 'refuse') {
    return <TextInput key="reason" source="reason" label="desk.fields.reason" multiline minRows={3} validate={[required(), maxLength(LIMITS.reason)]} fullWidth />;
  }
  return (
    <>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="signerName" label="desk.fields.signerName" validate={name} sx={{ flex: 1, minWidth: 200 }} />
        <TextInput source="signerDepartment" label="desk.fields.signerDepartment" validate={name} sx={{ flex: 1, minWidth: 200 }} />
      </Box>
      <SignaturePadInput source="image" validate={validateImage} />
    </>
  );
};

/** Confirm is only possible with a signature on the pad; refusing needs a reason instead. */
const SubmitButton = () => {
  const decision = useWatch({ name: 'decision' });
  const image = useWatch({ name: 'image' });
  return decision === 'refuse' ? (
    <SaveButton label="desk.signature.refuse" icon={<DoNotDisturbIcon />} color="warning" alwaysEnable />
  ) : (
    <SaveButton label="desk.signature.accept" icon={<CheckIcon />} disabled={!image} />
  );
};

/** 医院签字确认: the hospital checks the repair form it is shown and signs it, or refuses with a reason. */
export const SignatureForm = ({ task, ticket }: { task: Task; ticket: TicketDetail }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const complete = useCompleteTask(task);
  const form = ticket.detail?.repairForms.at(-1);
  const submit = (v: Record<string, unknown>) =>
    v.decision === 'refuse'
      ? complete({ decision: 'refuse', reason: v.reason }, 'desk.signature.refused')
      : complete({ decision: 'accept', signerName: v.signerName, signerDepartment: v.signerDepartment, image: v.image }, 'desk.signature.signed');
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('desk.signature.review')}
      </Alert>
      {form && (
        <Box sx={{ mb: 3, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
            {translate('desk.show.repairForms')}
          </Typography>
          <RepairFormFields form={form} />
        </Box>
      )}
      <StepForm
        onSubmit={submit}
        defaultValues={{ decision: 'accept', signerName: identity?.fullName ?? '', signerDepartment: '', image: null }}
        toolbar={<SubmitButton />}
      >
        <RadioButtonGroupInput source="decision" label="desk.fields.signatureDecision" choices={signatureDecisionChoices} validate={required()} />
        <DecisionDetail />
      </StepForm>
    </>
  );
};
