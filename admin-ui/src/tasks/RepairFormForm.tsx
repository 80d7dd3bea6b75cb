import { DateTimeInput, maxLength, required, TextInput } from 'react-admin';
import type { TicketDetail } from '../tickets/types';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { orNull, toLocalInput, toOffsetIso, useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';
import { PendingAttachments, usePendingFiles } from '../attachments/PendingAttachments';
import { useServerErrorHandler } from '../common/errors';

const text = (max: number) => [required(), maxLength(max)];

/** Finish cannot be before start (the server checks too, and says so on the same field). */
const notBeforeStart = (value: unknown, values: Record<string, unknown>) => {
  const start = Date.parse(String(values.startedAt ?? ''));
  const finish = Date.parse(String(value ?? ''));
  return !Number.isNaN(start) && !Number.isNaN(finish) && finish < start ? 'desk.hints.finishedAfterStart' : undefined;
};
const validateFinish = [required(), notBeforeStart];

/** 系统维修单: what the engineer found and did on site, which the hospital then signs. */
export const RepairFormForm = ({ task, ticket }: { task: Task; ticket: TicketDetail }) => {
  const complete = useCompleteTask(task);
  const arrived = ticket.detail?.checkIns.at(-1)?.at;
  const pending = usePendingFiles(ticket.id);
  const handleError = useServerErrorHandler();
  const submit = async (v: Record<string, unknown>) => {
    // On-site photos first: a refused file keeps the form open, with nothing filed yet.
    try {
      await pending.send({ attachedTo: 'repairForm', ref: task.id });
    } catch (error) {
      return handleError(error);
    }
    return complete({
      faultDescription: v.faultDescription,
      cause: v.cause,
      handling: v.handling,
      result: v.result,
      partsReplaced: orNull(v.partsReplaced),
      startedAt: toOffsetIso(v.startedAt),
      finishedAt: toOffsetIso(v.finishedAt),
    });
  };
  return (
    <StepForm
      onSubmit={submit}
      defaultValues={{
        faultDescription: ticket.description,
        startedAt: toLocalInput(arrived ?? Date.now()),
        finishedAt: toLocalInput(Date.now()),
      }}
    >
      <TextInput source="faultDescription" label="desk.fields.faultDescription" multiline minRows={2} validate={text(LIMITS.text)} fullWidth />
      <TextInput source="cause" label="desk.fields.cause" multiline minRows={2} validate={text(LIMITS.text)} fullWidth />
      <TextInput source="handling" label="desk.fields.handling" multiline minRows={3} validate={text(LIMITS.handling)} fullWidth />
      <TextInput source="result" label="desk.fields.result" multiline minRows={2} validate={text(LIMITS.text)} fullWidth />
      <TextInput source="partsReplaced" label="desk.fields.partsReplaced" validate={maxLength(LIMITS.short)} fullWidth />
      <DateTimeInput source="startedAt" label="desk.fields.startedAt" validate={required()} />
      <DateTimeInput source="finishedAt" label="desk.fields.finishedAt" validate={validateFinish} />
      <PendingAttachments pending={pending} />
    </StepForm>
  );
};
