import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { applyProjections } from '../../db/projector';
import type { Orm } from '../../db/orm';
import type { ProjectionBatch, StepResult } from '../../domain/projection';
import { ticketWorkflowId, type TicketIntake, type TicketState, type TicketWorkflowOptions } from '../../domain/ticket';
import { intakeUpdate, stateQuery } from '../../workflows/ticket/messages';
import { startSearchAttributes } from '../../workflows/ticket/search-attributes';
import type { ticketWorkflow } from '../../workflows/ticket/workflow';

export interface GatewayDeps {
  temporal: Client;
  orm: Orm;
  taskQueue: string;
  /**
   * How long one call may wait on Temporal before it fails (a 503 to the user). A started ticket
   * is not lost when this runs out: a retry with the same Idempotency-Key finds it.
   */
  timeoutMs?: number;
  /** Where an Update's events go; the default writes them to PostgreSQL (a test may play an API that died first). */
  writeEvents?: (batch: ProjectionBatch) => Promise<void>;
}

/** Times the parts of a call (Server-Timing): the Temporal round trip, then the write of its events. */
export type Timed = <T>(part: 'temporal' | 'projection', fn: () => Promise<T>) => Promise<T>;
const untimed: Timed = (_part, fn) => fn();

export type TicketGateway = ReturnType<typeof ticketGateway>;

/**
 * The one caller of the ticket workflow's Updates. Every Update answers with the events it made,
 * and they are in PostgreSQL when a call returns: the step is already in the workflow's history,
 * so the database never shows what the history does not hold.
 */
export function ticketGateway(deps: GatewayDeps) {
  const write = deps.writeEvents ?? ((batch: ProjectionBatch) => applyProjections(deps.orm.em.fork(), batch));
  const handle = (ticketNo: string) => deps.temporal.workflow.getHandle<typeof ticketWorkflow>(ticketWorkflowId(ticketNo));
  // A dead server is a prompt failure, not a hang.
  const bounded = <T>(fn: () => Promise<T>) => deps.temporal.connection.withDeadline(Date.now() + (deps.timeoutMs ?? 15_000), fn);

  async function written(result: StepResult, timed: Timed): Promise<StepResult> {
    const { projected } = result;
    if (projected.intake || projected.projections.length) await timed('projection', () => write(projected));
    return result;
  }

  return {
    /**
     * Starts the ticket's workflow and, in the same call (update-with-start), writes its first row
     * and task. A ticket number runs once: a second start fails, unless `USE_EXISTING` attaches a
     * retry to the workflow its first attempt started (it answers with the same first row).
     */
    async start(intake: TicketIntake, options: TicketWorkflowOptions, conflictPolicy: 'FAIL' | 'USE_EXISTING' = 'FAIL'): Promise<StepResult> {
      const result = await bounded(() =>
        deps.temporal.workflow.executeUpdateWithStart(intakeUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', {
            workflowId: ticketWorkflowId(intake.ticketNo),
            taskQueue: deps.taskQueue,
            args: [intake, options],
            workflowIdConflictPolicy: conflictPolicy,
            // Not even after its first run has closed.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: startSearchAttributes(intake, options.slaTargets),
          }),
        }),
      );
      return written(result, untimed);
    },

    /**
     * One step of a ticket. The same `updateId` again is the same Update: Temporal answers it from
     * the history and its events are written again (harmlessly), so a retry is always safe.
     */
    async update<A>(ticketNo: string, update: UpdateDefinition<StepResult, [A]>, arg: A, opts: { updateId?: string; timed?: Timed } = {}): Promise<StepResult> {
      const timed = opts.timed ?? untimed;
      const result = await timed('temporal', () => bounded(() => handle(ticketNo).executeUpdate(update, { args: [arg], updateId: opts.updateId })));
      return written(result, timed);
    },

    /** The ticket's whole state, signature image included, from its running workflow. */
    state(ticketNo: string): Promise<TicketState> {
      return bounded(() => handle(ticketNo).query(stateQuery));
    },

    /** The workflow's own history, while Temporal keeps it. */
    history(ticketNo: string) {
      return bounded(() => handle(ticketNo).fetchHistory());
    },

    /** What the workflow returned, once the ticket is archived (or cancelled). */
    result(ticketNo: string): Promise<TicketState> {
      return handle(ticketNo).result();
    },
  };
}
