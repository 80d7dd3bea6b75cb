import { maxLength, RadioButtonGroupInput, required, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { remoteOutcomeChoices } from '../choices';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

const isRequired = required();
const longText = [required(), maxLength(LIMITS.text)];

const OutcomeDetail = () => {
  const outcome = useWatch({ name: 'outcome' });
  if (outcome === 'resolved') return <TextInput key="solution" source="solution" label="desk.fields.solution" multiline minRows={2} validate={longText} fullWidth />;
  if (outcome === 'escalate') return <TextInput key="reason" source="reason" label="desk.fields.reason" multiline minRows={2} validate={[required(), maxLength(LIMITS.reason)]} fullWidth />;
  return null;
};

/** 远程处理: solved remotely (the ticket is archived), or on-site service is needed (goes to dispatch approval). */
export const RemoteAttemptForm = ({ task }: { task: Task }) => {
  const complete = useCompleteTask(task);
  const submit = (v: Record<string, unknown>) =>
    complete(v.outcome === 'resolved' ? { outcome: 'resolved', actions: v.actions, solution: v.solution } : { outcome: 'escalate', actions: v.actions, reason: v.reason });
  return (
    <StepForm onSubmit={submit}>
      <TextInput source="actions" label="desk.fields.actions" multiline minRows={3} validate={longText} fullWidth />
      <RadioButtonGroupInput source="outcome" label="desk.fields.outcome" choices={remoteOutcomeChoices} validate={isRequired} />
      <OutcomeDetail />
    </StepForm>
  );
};
