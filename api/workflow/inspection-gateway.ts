import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { WRITE_REFUSED } from '../../activities/refused-write';
import { said, type FieldMessages, type Said } from '../../domain/messages';
import type { InspectionActor } from '../../domain/inspection/steps';
import type { OccurrenceStart, OccurrenceState } from '../../domain/inspection/record';
import { INVALID_INPUT, STEP_REJECTED } from '../../workflows/ticket/messages';
import { occurrenceStateQuery, restartUpdate } from '../../workflows/inspection/messages';
import { ApiError, unprocessable } from '../errors';

export interface InspectionGatewayDeps {
  temporal: Client;
  /** Where a restarted run is started (the worker's task queue). */
  taskQueue: string;
  /** How long one step may wait on Temporal before it fails (a 503 to the user). */
  timeoutMs?: number;
  /** Whether a worker polls the task queue; without one a step is 503 at once. */
  workerAlive?: () => Promise<boolean>;
}

export type InspectionGateway = ReturnType<typeof inspectionGateway>;

/**
 * The one caller of the inspection workflow's Updates. Each Update writes the inspections row
 * through an activity before it completes, so when a call returns the row says what the answer says.
 */
export function inspectionGateway(deps: InspectionGatewayDeps) {
  const bounded = <T>(fn: () => Promise<T>, ms = deps.timeoutMs ?? 15_000) => deps.temporal.connection.withDeadline(Date.now() + ms, fn);
  const assertWorker = async () => {
    if (deps.workerAlive && !(await deps.workerAlive())) throw new ApiError(503, said('inspection.no_worker'));
  };
  return {
    /** One step. The same `updateId` again is the same Update: Temporal answers it from the history. */
    async update<A>(workflowId: string, update: UpdateDefinition<OccurrenceState, [A]>, arg: A, updateId: string): Promise<OccurrenceState> {
      await assertWorker();
      return bounded(() => deps.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg], updateId })).catch(refusal);
    },

    /**
     * A new run of a failed occurrence under the same workflow ID, carrying on from `resumeFrom`,
     * started with its `restart` Update (update-with-start): Temporal starts it only when the last
     * run failed; a retry (same `updateId`) while the new run goes on reaches that run and gets its
     * answer again. The run writes its `restarted` event and clears the row's mark before this returns.
     */
    async restart(start: OccurrenceStart, resumeFrom: OccurrenceState, actor: InspectionActor, updateId: string): Promise<OccurrenceState> {
      await assertWorker();
      const startWorkflowOperation = new WithStartWorkflowOperation('inspectionWorkflow', {
        workflowId: start.workflowId,
        taskQueue: deps.taskQueue,
        args: [start, resumeFrom],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      });
      return bounded(() => deps.temporal.workflow.executeUpdateWithStart(restartUpdate, { args: [{ actor }], updateId, startWorkflowOperation })).catch(refusal);
    },

    /** The run's state (signature image aside), for what the row does not hold. */
    state(workflowId: string): Promise<OccurrenceState> {
      return bounded(() => deps.temporal.workflow.getHandle(workflowId).query(occurrenceStateQuery), 3000);
    },
  };
}

/** How the workflow's or Temporal's answer to a step becomes the HTTP one. */
function refusal(e: unknown): never {
  // The workflow's refusal: 409 with the reason when the step is not allowed now, 422 with the fields.
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    if (e.cause.type === STEP_REJECTED) throw new ApiError(409, e.cause.details?.[0] as Said);
    if (e.cause.type === INVALID_INPUT) throw unprocessable(e.cause.details?.[0] as FieldMessages);
  }
  // PostgreSQL refused what the step wrote: the run ends failed, the row is marked and the managers told.
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ActivityFailure && e.cause.cause instanceof ApplicationFailure && e.cause.cause.type === WRITE_REFUSED) {
    throw new ApiError(409, said('inspection.write_refused'));
  }
  // A closed run that did not fail (archived, cancelled) is not started again.
  if (e instanceof WorkflowNotFoundError || e instanceof WorkflowExecutionAlreadyStartedError || /workflow execution already completed/i.test((e as Error).message ?? '')) throw new ApiError(409, said('inspection.closed'));
  throw e;
}
