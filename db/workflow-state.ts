import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkflowState } from '../domain/ticket';
import { sql } from './sql';

/**
 * Marks an open ticket whose workflow is lost (`missing`: Temporal does not know it; `failed`: it
 * ended without closing the ticket) and, in the same statement, raises the manager's
 * `workflow_lost` task: once per loss, as only an unmarked ticket is marked. A marked ticket whose
 * state is learnt better (missing → failed) is corrected without a second task. Returns whether
 * this call marked it.
 */
export async function markWorkflowLost(em: EntityManager, ticketNo: string, state: WorkflowState): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `with marked as (
       update tickets set workflow_state = ?, workflow_state_at = now(), updated_at = now()
       where id = ? and status in ('open', 'resolved') and workflow_state is null
       returning id
     ), corrected as (
       update tickets set workflow_state = ? where id = ? and workflow_state is not null and workflow_state <> ? and status in ('open', 'resolved')
     )
     insert into tasks (id, ticket_id, kind, candidate_role, status, created_at)
     select m.id || '-W' || (select count(*) + 1 from tasks t where t.ticket_id = m.id and t.kind = 'workflow_lost'), m.id, 'workflow_lost', 'manager', 'open', now()
     from marked m
     on conflict (id) do nothing
     returning ticket_id as id`,
    [state, ticketNo, state, ticketNo, state],
  );
  return rows.length > 0;
}

/** The ticket runs again (restart): the mark goes. Its `workflow_lost` task is closed by the new run's `restarted` event. */
export async function clearWorkflowLost(em: EntityManager, ticketNo: string): Promise<void> {
  await sql(em, `update tickets set workflow_state = null, workflow_state_at = null, updated_at = now() where id = ?`, [ticketNo]);
}

/** The open `workflow_lost` tasks of a ticket, which its restart closes. */
export async function openLostTasks(em: EntityManager, ticketNo: string): Promise<{ id: string; createdAt: number }[]> {
  const rows = await sql<{ id: string; created_at: Date | string }>(
    em,
    `select id, created_at from tasks where ticket_id = ? and kind = 'workflow_lost' and status = 'open' order by created_at`,
    [ticketNo],
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at).getTime() }));
}
