/**
 * The queue's order, one statement for the ticket list, the task list and the home page: breached
 * first (among them L1 first: a missed L1 outranks a missed L2 missed earlier), then the running
 * clock's deadline (earliest first), then the fault level (L1 first).
 * SQL fragments over a `tickets` alias; only these fixed texts ever reach the ORDER BY.
 */

/** The deadline of the clock still running on an open ticket: the reply until replied, then the first solution. */
export const runningDueSql = (k: string) =>
  `(case when ${k}.status = 'open' then least(case when ${k}.reply_satisfied_at is null then ${k}.reply_due_at end, case when ${k}.solution_satisfied_at is null then ${k}.solution_due_at end) end)`;

/** An open ticket that missed a commitment, or is missing one right now (as the list's 已超时 badge). */
export const breachedSql = (k: string) =>
  `(${k}.status = 'open' and (${k}.reply_breached or ${k}.solution_breached or coalesce(${runningDueSql(k)} < now(), false)))`;

/** The three keys of the urgency order, most urgent first when ascending; each reversed when descending. */
export function urgencyKeys(order: 'asc' | 'desc'): { sql: (k: string) => string; order: 'asc' | 'desc' | 'asc nulls last' | 'desc nulls first' }[] {
  const asc = order === 'asc';
  return [
    { sql: (k) => `(case when ${breachedSql(k)} then 0 else 1 end)`, order: asc ? 'asc' : 'desc' },
    { sql: (k) => `(case when ${breachedSql(k)} then ${k}.fault_level end)`, order: asc ? 'asc nulls last' : 'desc nulls first' },
    { sql: runningDueSql, order: asc ? 'asc nulls last' : 'desc nulls first' },
    { sql: (k) => `${k}.fault_level`, order: asc ? 'asc nulls last' : 'desc nulls first' },
  ];
}

/** `… order by` text for plain SQL. */
export const urgencyOrderSql = (k: string, order: 'asc' | 'desc') =>
  urgencyKeys(order)
    .map((key) => `${key.sql(k)} ${key.order}`)
    .join(', ');
