import type { z } from 'zod';
import type { TaskKind } from '../../domain/ticket';
import {
  checkInInput,
  dispatchDecisionInput,
  escalationAckInput,
  remoteAttemptInput,
  repairFormInput,
  signatureInput,
  triageInput,
} from '../../domain/ticket.schemas';
import {
  acknowledgeEscalationUpdate,
  checkInUpdate,
  dispatchDecisionUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  signatureUpdate,
  triageUpdate,
  type StepArgs,
} from '../../workflows/ticket/messages';
import type { StepResult } from '../../domain/projection';
import type { UpdateDefinition } from '@temporalio/common';

/** For each kind of task: the form it takes and the workflow Update that completes it. */
// The Update's data type is erased here; the schema beside it is what checks the data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStepUpdate = UpdateDefinition<StepResult, [StepArgs<any>]>;

export const TASK_STEPS: Record<TaskKind, { schema: z.ZodType; update: AnyStepUpdate }> = {
  triage: { schema: triageInput, update: triageUpdate },
  remote: { schema: remoteAttemptInput, update: remoteAttemptUpdate },
  dispatch: { schema: dispatchDecisionInput, update: dispatchDecisionUpdate },
  checkin: { schema: checkInInput, update: checkInUpdate },
  repair_form: { schema: repairFormInput, update: repairFormUpdate },
  signature: { schema: signatureInput, update: signatureUpdate },
  escalation: { schema: escalationAckInput, update: acknowledgeEscalationUpdate },
};

/** The forms as the document names them (`repair_form` → RepairFormStep), the same schema objects as above. */
export const STEP_BODIES = Object.entries(TASK_STEPS).map(
  ([kind, step]) => [`${kind.replace(/(^|_)(\w)/g, (_, _s: string, ch: string) => ch.toUpperCase())}Step`, step.schema] as const,
);

/**
 * Completion's body as documented: one of the forms. The route does not validate it: which form
 * applies is known only once the task is read, so the handler parses it with TASK_STEPS[kind].schema.
 */
export const stepBodies = {
  required: true,
  description: 'The form of the task’s kind: triage, remote, dispatch, checkin, repair_form, signature or escalation',
  content: { 'application/json': { schema: { oneOf: STEP_BODIES.map(([name]) => ({ $ref: `#/components/schemas/${name}` })) } } },
};
