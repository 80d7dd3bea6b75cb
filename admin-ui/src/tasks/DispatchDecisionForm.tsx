import { maxLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { dispatchDecisionChoices } from '../choices';
import { UserSelectInput } from '../common/UserSelectInput';
import type { TicketDetail } from '../tickets/types';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

const isRequired = required();
const text = [required(), maxLength(LIMITS.reason)];

const DecisionDetail = ({ proposed }: { proposed?: string }) => {
  const translate = useTranslate();
  const decision = useWatch({ name: 'decision' });
  if (decision === 'send_back') return <TextInput key="reason" source="reason" label="desk.fields.reason" multiline minRows={2} validate={text} fullWidth />;
  return (
    <>
      <UserSelectInput
        source="engineerId"
        label="desk.fields.engineerId"
        roles={['engineer']}
        validate={isRequired}
        helperText={proposed ? translate('desk.hints.proposed', { name: proposed }) : false}
      />
      <TextInput key="plan" source="plan" label="desk.fields.plan" multiline minRows={2} validate={text} fullWidth />
    </>
  );
};

/** 派工审批: a dispatcher sends an engineer on site with a plan, or sends the work back to remote handling. */
export const DispatchDecisionForm = ({ task, ticket }: { task: Task; ticket: TicketDetail }) => {
  const complete = useCompleteTask(task);
  const triage = ticket.detail?.triage;
  // The engineer proposed at triage (on-site route) is the natural default.
  const proposedId = triage?.route === 'onsite' ? triage.assigneeId : undefined;
  const proposedName = proposedId ? ticket.tasks?.find((t) => t.assigneeId === proposedId)?.assigneeName ?? undefined : undefined;
  const submit = (v: Record<string, unknown>) =>
    complete(v.decision === 'approve' ? { decision: 'approve', engineerId: v.engineerId, plan: v.plan } : { decision: 'send_back', reason: v.reason });
  return (
    <StepForm onSubmit={submit} defaultValues={{ decision: 'approve', engineerId: proposedId }}>
      <RadioButtonGroupInput source="decision" label="desk.fields.decision" choices={dispatchDecisionChoices} validate={isRequired} />
      <DecisionDetail proposed={proposedName} />
    </StepForm>
  );
};
