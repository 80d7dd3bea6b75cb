import { AutocompleteInput, maxLength, RadioButtonGroupInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { categoryChoices, faultLevelChoices, maintenanceTypeChoices, routeChoices } from '../choices';
import { UserSelectInput } from '../common/UserSelectInput';
import type { TicketDetail } from '../tickets/types';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { orNull, useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

const isRequired = required();
const longText = [required(), maxLength(LIMITS.text)];

/** Remote work may go to an engineer or a dispatcher; on-site work is proposed to an engineer. */
const AssigneeInput = () => {
  const route = useWatch({ name: 'route' });
  return route === 'onsite' ? (
    <UserSelectInput key="onsite" source="assigneeId" label="desk.fields.assigneeId" roles={['engineer']} validate={isRequired} helperText="desk.hints.onsiteAssignee" />
  ) : (
    <UserSelectInput key="remote" source="assigneeId" label="desk.fields.assigneeId" roles={['engineer', 'dispatcher']} validate={isRequired} helperText="desk.hints.remoteAssignee" />
  );
};

/** 分诊: the dispatcher completes the problem ticket — what it is, how bad, and who works it how. */
export const TriageForm = ({ task, ticket }: { task: Task; ticket: TicketDetail }) => {
  const complete = useCompleteTask(task);
  const submit = (v: Record<string, unknown>) =>
    complete({
      category: v.category,
      maintenanceType: v.maintenanceType,
      faultLevel: v.faultLevel,
      departmentId: orNull(v.departmentId),
      analysis: v.analysis,
      plan: v.plan,
      route: v.route,
      assigneeId: v.assigneeId,
    });
  return (
    <StepForm
      onSubmit={submit}
      defaultValues={{ faultLevel: ticket.faultLevel ?? undefined, departmentId: ticket.departmentId ?? null, route: 'remote', category: null, maintenanceType: null }}
    >
      <SelectInput source="category" label="desk.fields.category" choices={categoryChoices} validate={isRequired} fullWidth />
      <SelectInput source="maintenanceType" label="desk.fields.maintenanceType" choices={maintenanceTypeChoices} validate={isRequired} fullWidth />
      <RadioButtonGroupInput source="faultLevel" label="desk.fields.faultLevel" choices={faultLevelChoices} validate={isRequired} />
      <ReferenceInput source="departmentId" reference="departments" filter={{ hospitalId: ticket.hospitalId }} perPage={100}>
        <AutocompleteInput label="desk.fields.departmentId" fullWidth />
      </ReferenceInput>
      <TextInput source="analysis" label="desk.fields.analysis" multiline minRows={3} validate={longText} fullWidth />
      <TextInput source="plan" label="desk.fields.plan" multiline minRows={2} validate={longText} fullWidth />
      <RadioButtonGroupInput source="route" label="desk.fields.route" choices={routeChoices} validate={isRequired} />
      <AssigneeInput />
    </StepForm>
  );
};
