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
