import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import type { Role } from '../../domain/roles';
import type { TaskKind } from '../../domain/ticket';
import type { SessionUser } from '../env';
import type { TaskDto } from './task.dto';

interface TaskRow {
  id: string;
  ticket_id: string;
  kind: TaskKind;
  candidate_role: Role;
  assignee_id: number | null;
  assignee_name: string | null;
  status: 'open' | 'done' | 'cancelled';
  due_at: Date | string | null;
  outcome: string | null;
  completed_by_id: number | null;
  completed_at: Date | string | null;
  created_at: Date | string;
  title: string;
  step: NonNullable<TaskDto['ticketStep']>;
  fault_level: number | null;
  hospital_id: number;
}

// The ORM's connection hands timestamps back as strings, a plain pg client as Dates.
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The same rule as `tasksVisibleTo`, as SQL over `tasks t join tickets k`. */
function visibleSql(user: SessionUser): { where: string; params: unknown[] } {
  switch (user.role) {
    case 'hospital_contact':
      return { where: `t.kind = 'signature' and k.hospital_id = ?`, params: [user.hospitalId ?? -1] };
    case 'engineer':
      return { where: `(t.assignee_id = ? or (t.assignee_id is null and t.candidate_role = 'engineer'))`, params: [user.id] };
    default:
      return { where: 'true', params: [] };
  }
}

/**
 * One task as its list shows it, if this user may see it. Plain SQL: it runs before every step a
 * person completes, and the ORM's entity building cost more than the query (docs/benchmarks.md).
 */
export async function findVisibleTask(em: EntityManager, user: SessionUser, id: string): Promise<TaskDto | undefined> {
  const visible = visibleSql(user);
  const [r] = await sql<TaskRow>(
    em,
    `select t.id, t.ticket_id, t.kind, t.candidate_role, t.assignee_id, a.display_name as assignee_name, t.status, t.due_at,
            t.outcome, t.completed_by_id, t.completed_at, t.created_at, k.title, k.step, k.fault_level, k.hospital_id
     from tasks t join tickets k on k.id = t.ticket_id left join users a on a.id = t.assignee_id
     where t.id = ? and ${visible.where}`,
    [id, ...visible.params],
  );
  if (!r) return undefined;
  return {
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind,
    candidateRole: r.candidate_role,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    dueAt: iso(r.due_at),
    outcome: r.outcome,
    completedById: r.completed_by_id,
    completedAt: iso(r.completed_at),
    createdAt: new Date(r.created_at).toISOString(),
    ticketTitle: r.title,
    ticketStep: r.step,
    faultLevel: r.fault_level,
    hospitalId: r.hospital_id,
  };
}
