import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './sql';

/**
 * Marks an inspection whose run ended failed (PostgreSQL refused one of its writes) and, in the
 * same statement, tells every manager (`inspection_failed`): once per failure, as only an unmarked
 * row is marked (a restart clears the mark; a later failure is told again). Returns whether this call marked it.
 */
export async function markInspectionFailed(em: EntityManager, inspectionId: number): Promise<boolean> {
  const rows = await sql<{ id: number }>(
    em,
    `with marked as (
       update inspections set workflow_state = 'failed', workflow_state_at = now(), updated_at = now()
       where id = ? and workflow_state is null
       returning id, workflow_id, hospital_id, period, projection_seq
     )
     insert into notifications (id, inspection_id, recipient_role, kind, params, created_at)
     select m.workflow_id || ':failed:' || m.projection_seq, m.id, 'manager', 'inspection_failed', jsonb_build_object('hospital', h.name, 'period', m.period), now()
     from marked m join hospitals h on h.id = m.hospital_id
     on conflict (id) do nothing
     returning inspection_id as id`,
    [inspectionId],
  );
  return rows.length > 0;
}
