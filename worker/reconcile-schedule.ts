import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import type { reconcileWorkflow } from '../workflows/reconcile/workflow';

/** How often reconciliation runs: a lost ticket is noticed within this (and at every worker start). */
export const RECONCILE_EVERY = '3 minutes';

/** One schedule per task queue: the workers of that queue run it, and the same ID is the same schedule. */
export const reconcileScheduleId = (taskQueue: string) => `desk-reconcile-${taskQueue}`;

/**
 * Creates the reconciliation schedule, or brings an existing one to this code's settings (a
 * second worker, a restart, a changed interval: idempotent), then runs it once now, so a worker
 * started after Temporal lost its state reports the lost tickets at once (docs/design.md).
 */
export async function ensureReconcileSchedule(client: Client, taskQueue: string, opts: { every?: string; runNow?: boolean } = {}): Promise<void> {
  const scheduleId = reconcileScheduleId(taskQueue);
  const spec: ScheduleSpec = { intervals: [{ every: (opts.every ?? RECONCILE_EVERY) as '3 minutes' }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof reconcileWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'reconcileWorkflow',
    workflowId: scheduleId,
    taskQueue,
    args: [],
    // A run nobody picks up (no worker) does not pile up behind the next.
    workflowRunTimeout: '15 minutes',
  };
  // Never two at once; a run missed while the server was down is not made up (the next one comes soon).
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' } as const;
  let handle = client.schedule.getHandle(scheduleId);
  try {
    handle = await client.schedule.create({ scheduleId, spec, action, policies });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await handle.update((prev) => ({ ...prev, spec, action, policies: { ...prev.policies, ...policies } }));
  }
  if (opts.runNow ?? true) await handle.trigger(ScheduleOverlapPolicy.SKIP);
}
