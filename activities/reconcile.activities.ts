import { Context } from '@temporalio/activity';
import { sql } from '../db/sql';
import { clearWorkflowLost, markWorkflowLost } from '../db/workflow-state';
import { ticketWorkflowId } from '../domain/ticket';
import type { ActivityDeps } from './deps';
import { ticketWorkflowStatus } from './workflow-status';

/** What one reconciliation found; the workflow returns it, so each run's figures are in its history. */
export interface ReconcileReport {
  /** Tickets PostgreSQL shows open (or resolved, being archived). */
  open: number;
  /** Ticket workflows visibility lists as running. */
  running: number;
  /** Open tickets not listed as running (or marked before), described one by one. */
  described: number;
  missing: string[];
  failed: string[];
  /** Of those, the ones this run marked and raised a manager task for (the others were marked before). */
  newlyMarked: string[];
  /** Marked tickets whose workflow runs again: the mark was cleared. */
  cleared: string[];
}

/** How many workflows are described at once. */
const DESCRIBE_CONCURRENCY = 8;

export function createReconcileActivities({ orm, temporal }: ActivityDeps) {
  return {
    /**
     * Compares the tickets PostgreSQL shows open with their workflows. One paged visibility listing
     * of the running ticket workflows sorts out the thousands that are fine; only the others (and
     * the ones marked before) are described one by one, as visibility may lag a start by a moment
     * and a describe is the truth. A missing or failed one is marked and raised to the managers,
     * once (db/workflow-state.ts).
     */
    async reconcileTickets(): Promise<ReconcileReport> {
      const em = orm.em.fork();
      const rows = await sql<{ id: string; workflow_state: string | null }>(em, `select id, workflow_state from tickets where status in ('open', 'resolved')`);
      const report: ReconcileReport = { open: rows.length, running: 0, described: 0, missing: [], failed: [], newlyMarked: [], cleared: [] };
      if (!rows.length) return report;
      const running = new Set<string>();
      let listed = 0;
      for await (const w of temporal.workflow.list({ query: `WorkflowType = 'ticketWorkflow' AND ExecutionStatus = 'Running'` })) {
        running.add(w.workflowId);
        if (++listed % 1000 === 0) Context.current().heartbeat({ listed });
      }
      report.running = running.size;
      const suspects = rows.filter((r) => r.workflow_state !== null || !running.has(ticketWorkflowId(r.id)));
      report.described = suspects.length;
      let next = 0;
      const one = async () => {
        while (next < suspects.length) {
          const row = suspects[next++];
          const status = await ticketWorkflowStatus(temporal, row.id);
          if (status === 'missing' || status === 'failed') {
            report[status].push(row.id);
            if (await markWorkflowLost(orm.em.fork(), row.id, status)) report.newlyMarked.push(row.id);
          } else if (status === 'running' && row.workflow_state !== null) {
            await clearWorkflowLost(orm.em.fork(), row.id);
            report.cleared.push(row.id);
          }
          Context.current().heartbeat({ described: next });
        }
      };
      await Promise.all(Array.from({ length: DESCRIBE_CONCURRENCY }, one));
      return report;
    },
  };
}
