import { maxLength, required, TextInput } from 'react-admin';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

/** 超时升级: the manager records what was done about a breached commitment. */
export const EscalationAckForm = ({ task }: { task: Task }) => {
  const complete = useCompleteTask(task);
  return (
    <StepForm onSubmit={(v) => complete({ note: v.note })}>
      <TextInput source="note" label="desk.fields.note" multiline minRows={3} validate={[required(), maxLength(LIMITS.reason)]} fullWidth />
    </StepForm>
  );
};
