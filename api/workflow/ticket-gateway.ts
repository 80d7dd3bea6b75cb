import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { ticketWorkflowStatus } from '../../activities/workflow-status';
import { applyProjections } from '../../db/projector';
import { sql } from '../../db/sql';
import { markWorkflowLost } from '../../db/workflow-state';
import { said } from '../../domain/messages';
import { ApiError } from '../errors';
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
  /**
   * Whether a worker polls the ticket task queue (the app's: worker heartbeats, cached a moment).
   * When none does, a step fails at once with 503 `workflow.no_worker` instead of waiting out the
   * deadline, and the state query is not even tried. Omitted: always assumed (tests, benchmarks).
   */
  workerAlive?: () => Promise<boolean>;
  /** How long the state query may take before a page falls back to PostgreSQL's record (default 3 s). */
  queryTimeoutMs?: number;
}

/** 503 at once: nobody would run the step (docs/design.md, "Worker liveness"). */
export const noWorker = () => new ApiError(503, said('workflow.no_worker'));

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
  const bounded = <T>(fn: () => Promise<T>, ms = deps.timeoutMs ?? 15_000) => deps.temporal.connection.withDeadline(Date.now() + ms, fn);
  const assertWorker = async () => {
    if (deps.workerAlive && !(await deps.workerAlive())) throw noWorker();
  };

  /**
   * A step found no workflow, or a closed one. For a ticket PostgreSQL shows closed that is the
   * usual "closed" (the caller's 409); for one it shows open the workflow is lost: the ticket is
   * marked (with its manager task, once) and the answer says so (409 `ticket.workflow_lost`).
   */
  async function lostOrRethrow(ticketNo: string, e: unknown): Promise<never> {
    const gone = e instanceof WorkflowNotFoundError || /workflow execution already completed/i.test((e as Error)?.message ?? '');
    if (!gone) throw e;
    const em = deps.orm.em.fork();
    const [row] = await sql<{ status: string }>(em, 'select status from tickets where id = ?', [ticketNo]);
    if (!row || (row.status !== 'open' && row.status !== 'resolved')) throw e;
    const status = await bounded(() => ticketWorkflowStatus(deps.temporal, ticketNo), 3000).catch(() => null);
    if (status !== 'missing' && status !== 'failed') throw e;
    await markWorkflowLost(em, ticketNo, status);
    throw new ApiError(409, said('ticket.workflow_lost'));
  }

  async function written(result: StepResult, timed: Timed): Promise<StepResult> {
    const { projected } = result;
    if (projected.intake || projected.projections.length) await timed('projection', () => write(projected));
    return result;
  }

  /** A run of the ticket's workflow started with its first Update (update-with-start), whose events are written before it returns. */
  async function startRun(
    intake: TicketIntake,
    options: TicketWorkflowOptions,
    workflowIdConflictPolicy: 'FAIL' | 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE_FAILED_ONLY',
  ): Promise<StepResult> {
    const result = await bounded(() =>
      deps.temporal.workflow.executeUpdateWithStart(intakeUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', runOptions(intake, options, workflowIdConflictPolicy, workflowIdReusePolicy)),
      }),
    );
    return written(result, untimed);
  }

  function runOptions(
    intake: TicketIntake,
    options: TicketWorkflowOptions,
    workflowIdConflictPolicy: 'FAIL' | 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE_FAILED_ONLY',
  ) {
    return {
      workflowId: ticketWorkflowId(intake.ticketNo),
      taskQueue: deps.taskQueue,
      args: [intake, options] as [TicketIntake, TicketWorkflowOptions],
      workflowIdConflictPolicy,
      workflowIdReusePolicy,
      typedSearchAttributes: startSearchAttributes(intake, options.slaTargets, options.resumeFrom?.state),
    };
  }

  return {
    /**
     * Starts the ticket's workflow and, in the same call (update-with-start), writes its first row
     * and task. A ticket number runs once: a second start fails, unless `USE_EXISTING` attaches a
     * retry to the workflow its first attempt started (it answers with the same first row).
     */
    async start(intake: TicketIntake, options: TicketWorkflowOptions, conflictPolicy: 'FAIL' | 'USE_EXISTING' = 'FAIL'): Promise<StepResult> {
      // Not even after its first run has closed.
      if (!deps.workerAlive || (await deps.workerAlive())) return startRun(intake, options, conflictPolicy, 'REJECT_DUPLICATE');
      // No worker: the request is kept (its run waits for one) and the caller is told at once; a
      // retry with the same key attaches to that run instead of waiting out the deadline now.
      await bounded(() => deps.temporal.workflow.start('ticketWorkflow', runOptions(intake, options, 'USE_EXISTING', 'REJECT_DUPLICATE')));
      throw noWorker();
    },

    /**
     * One step of a ticket. The same `updateId` again is the same Update: Temporal answers it from
     * the history and its events are written again (harmlessly), so a retry is always safe.
     */
    async update<A>(ticketNo: string, update: UpdateDefinition<StepResult, [A]>, arg: A, opts: { updateId?: string; timed?: Timed } = {}): Promise<StepResult> {
      const timed = opts.timed ?? untimed;
      await assertWorker();
      const result = await timed('temporal', () =>
        bounded(() => handle(ticketNo).executeUpdate(update, { args: [arg], updateId: opts.updateId })).catch((e) => lostOrRethrow(ticketNo, e)),
      );
      return written(result, timed);
    },

    /**
     * Starts a new run of a ticket whose workflow was lost, carrying on from `options.resumeFrom`
     * (rebuilt from PostgreSQL's events), under the same workflow ID: allowed only when Temporal
     * knows no run of it or its last run failed. Its `restarted` event (the open tasks shown again,
     * the manager's task closed) is written before this returns.
     */
    async restart(intake: TicketIntake, options: TicketWorkflowOptions & { resumeFrom: NonNullable<TicketWorkflowOptions['resumeFrom']> }): Promise<StepResult> {
      await assertWorker();
      return startRun(intake, options, 'FAIL', 'ALLOW_DUPLICATE_FAILED_ONLY');
    },

    /**
     * The ticket's whole state, signature image included, from its running workflow. Bounded
     * tightly (a page falls back to PostgreSQL's record), and not tried at all without a worker.
     */
    async state(ticketNo: string): Promise<TicketState> {
      await assertWorker();
      return bounded(() => handle(ticketNo).query(stateQuery), deps.queryTimeoutMs ?? 3000);
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
