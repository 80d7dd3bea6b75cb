import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import type { ReconcileReport } from '../../activities/reconcile.activities';

type Activities = ReturnType<typeof createActivities>;

// Heartbeats: a dead worker is noticed in 30 s; the next scheduled run starts over anyway.
const { reconcileTickets } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

/**
 * Reconciliation (docs/design.md, "Reconciliation"): started every few minutes by a Temporal
 * Schedule, it compares the tickets PostgreSQL shows open with their workflows and marks the lost
 * ones for a manager to restart. The work is the activity's; this only runs it.
 */
export async function reconcileWorkflow(): Promise<ReconcileReport> {
  return reconcileTickets();
}
