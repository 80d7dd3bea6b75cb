import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import type { ListQuery } from '../list-query';
import type { Role } from '../../domain/roles';
import { TASK_KINDS, TASK_STATUSES, type DeskTaskKind, type TaskKind } from '../../domain/ticket';
import type { SessionUser } from '../env';
import type { TaskDto } from './task.dto';
import { said } from '../../domain/messages';
import { dateBound, oneOfError, queryError, unknownFilter } from '../list-query';
import { breachedSql, runningDueSql, urgencyOrderSql } from '../urgency';

interface TaskRow {
  id: string;
  ticket_id: string;
  kind: TaskKind | DeskTaskKind;
  candidate_role: Role;
  assignee_id: number | null;
  assignee_name: string | null;
  status: 'open' | 'done' | 'cancelled';
  due_at: Date | string | null;
  outcome: string | null;
  completed_by_id: number | null;
  completed_by_name: string | null;
  completed_at: Date | string | null;
  created_at: Date | string;
  title: string;
  step: NonNullable<TaskDto['ticketStep']>;
  fault_level: number | null;
  hospital_id: number;
  hospital_name: string;
  breached: boolean;
  running_due_at: Date | string | null;
}

/** A task as the lists show it: with what the queue sorts by (its ticket's SLA) and its hospital. */
export type TaskRowDto = TaskDto & { hospitalName: string; ticketBreached: boolean; ticketDueAt: string | null };

// The ORM's connection hands timestamps back as strings, a plain pg client as Dates.
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Who sees which tasks, the one place the rule is written: vendor coordinators all; engineers
 * theirs and their role's unclaimed ones; hospital contacts their own hospital's signatures.
 * SQL over `tasks t join tickets k`.
 */
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

const TASK_FROM = `from tasks t join tickets k on k.id = t.ticket_id join hospitals h on h.id = k.hospital_id
            left join users a on a.id = t.assignee_id left join users cb on cb.id = t.completed_by_id`;
const TASK_COLUMNS = `t.id, t.ticket_id, t.kind, t.candidate_role, t.assignee_id, a.display_name as assignee_name, t.status, t.due_at,
            t.outcome, t.completed_by_id, cb.display_name as completed_by_name, t.completed_at, t.created_at, k.title, k.step, k.fault_level, k.hospital_id, h.name as hospital_name,
            ${breachedSql('k')} as breached, ${runningDueSql('k')} as running_due_at`;

function toDto(r: TaskRow): TaskRowDto {
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
    completedByName: r.completed_by_name,
    completedAt: iso(r.completed_at),
    createdAt: new Date(r.created_at).toISOString(),
    ticketTitle: r.title,
    ticketStep: r.step,
    faultLevel: r.fault_level,
    hospitalId: r.hospital_id,
    hospitalName: r.hospital_name,
    ticketBreached: r.breached,
    ticketDueAt: iso(r.running_due_at),
  };
}

/**
 * One task as its list shows it, if this user may see it. Plain SQL: it runs before every step a
 * person completes, and the ORM's entity building cost more than the query (docs/benchmarks.md).
 */
export async function findVisibleTask(em: EntityManager, user: SessionUser, id: string): Promise<TaskRowDto | undefined> {
  const visible = visibleSql(user);
  const [r] = await sql<TaskRow>(em, `select ${TASK_COLUMNS} ${TASK_FROM} where t.id = ? and ${visible.where}`, [id, ...visible.params]);
  return r && toDto(r);
}

/** The list's sort fields and their columns: only these names ever reach the SQL. */
const SORT_COLUMNS = { urgency: 'urgency', createdAt: 't.created_at', dueAt: 't.due_at', kind: 't.kind', status: 't.status', id: 't.id' } as const;
export const TASK_SORTABLE = Object.keys(SORT_COLUMNS) as (keyof typeof SORT_COLUMNS)[];


/** The list's filters as SQL over `tasks t` only, so the count can skip the users join. */
function filterSql(user: SessionUser, filter: Record<string, unknown>, timeZone: string): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const oneOf = (column: string, values: unknown[]) => {
    // `in ()` is a syntax error; an empty list matches nothing, as the ORM's `$in: []` did.
    if (values.length === 0) {
      where.push('false');
    } else {
      where.push(`${column} in (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  };
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    switch (key) {
      case 'id':
        oneOf('t.id', values.map(String));
        break;
      case 'status':
        if (!values.every((v) => (TASK_STATUSES as readonly unknown[]).includes(v))) throw queryError('status', said('request.filter_task_status'));
        oneOf('t.status', values);
        break;
      case 'kind':
        if (!values.every((v) => (TASK_KINDS as readonly unknown[]).includes(v))) throw oneOfError('kind', TASK_KINDS);
        oneOf('t.kind', values);
        break;
      case 'ticketId':
        if (typeof value !== 'string') throw queryError('ticketId', said('request.filter_ticket_number', { field: 'ticketId' }));
        where.push('t.ticket_id = ?');
        params.push(value);
        break;
      case 'assigneeId':
      case 'hospitalId': {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw queryError(key, said('request.filter_number', { field: key }));
        // As bigint: a number beyond the int column's range matches nothing rather than failing.
        where.push(`${key === 'assigneeId' ? 't.assignee_id' : 'k.hospital_id'} = ?::bigint`);
        params.push(n);
        break;
      }
      case 'receivedFrom':
        where.push('k.received_at >= ?');
        params.push(dateBound(key, value, timeZone, false));
        break;
      case 'receivedTo':
        where.push('k.received_at < ?');
        params.push(dateBound(key, value, timeZone, true));
        break;
      case 'mine':
        if (value === true) {
          where.push('t.assignee_id = ?');
          params.push(user.id);
        }
        break;
      case 'queue':
        // Unclaimed work my role may take.
        if (value === true) {
          where.push(`t.assignee_id is null and t.candidate_role = ? and t.status = 'open'`);
          params.push(user.role);
        }
        break;
      default:
        throw unknownFilter(key);
    }
  }
  return { where: where.length ? where.join(' and ') : 'true', params };
}

/**
 * Every task of the list's filter this user may see, in the list's order: the list reads a page of
 * it, an export all of it through a cursor. Plain SQL like the single read, so `visibleSql` is the
 * one statement of who sees what.
 */
export function visibleTasksQuery(user: SessionUser, q: Pick<ListQuery, 'sort' | 'filter'>, timeZone: string): { sql: string; params: unknown[]; where: string; whereParams: unknown[] } {
  const visible = visibleSql(user);
  const filter = filterSql(user, q.filter, timeZone);
  if (!Object.hasOwn(SORT_COLUMNS, q.sort.field)) throw new Error(`Not a task sort field: ${q.sort.field}`);
  const column = SORT_COLUMNS[q.sort.field as keyof typeof SORT_COLUMNS];
  const order = q.sort.order === 'DESC' ? 'desc' : 'asc';
  // NULLS LAST ascending, FIRST descending (PostgreSQL's default), as the ORM ordered due dates.
  // By id no tie-breaker: the unique key needs none, and `t.id asc` after it must not undo a DESC.
  // Urgency: open tasks first, then the ticket's urgency, then the task's own deadline.
  const orderBy =
    column === 'urgency'
      ? `(t.status = 'open') ${order === 'asc' ? 'desc' : 'asc'}, ${urgencyOrderSql('k', order)}, t.due_at ${order} nulls last, t.created_at asc, t.id asc`
      : column === 't.id'
        ? `t.id ${order}`
        : `${column} ${order}, t.id asc`;
  const where = `${visible.where} and ${filter.where}`;
  const whereParams = [...visible.params, ...filter.params];
  return { sql: `select ${TASK_COLUMNS} ${TASK_FROM} where ${where} order by ${orderBy}`, params: whereParams, where, whereParams };
}

/** A task row as the API shows it. */
export const taskDtoOf = (r: unknown): TaskDto => toDto(r as TaskRow);

/** A page of the tasks this user may see, and how many there are. */
export async function listVisibleTasks(em: EntityManager, user: SessionUser, q: ListQuery, timeZone: string): Promise<{ rows: TaskRowDto[]; total: number }> {
  const query = visibleTasksQuery(user, q, timeZone);
  // As the ticket list: the page with its joins, the total without the users join, side by side.
  const [rows, [count]] = await Promise.all([
    sql<TaskRow>(em, `${query.sql} limit ? offset ?`, [...query.params, q.limit, q.offset]),
    sql<{ total: string | number }>(em, `select count(*) as total from tasks t join tickets k on k.id = t.ticket_id where ${query.where}`, query.whereParams),
  ]);
  return { rows: rows.map(toDto), total: Number(count.total) };
}

/** The Update that completed a task, if one did. */
export async function completedByUpdate(em: EntityManager, taskId: string): Promise<string | null> {
  const [row] = await sql<{ completed_update_id: string | null }>(em, 'select completed_update_id from tasks where id = ?', [taskId]);
  return row?.completed_update_id ?? null;
}
