import type { AppDeps } from '../env';
import { newRouter, route } from '../route';

/**
 * The manager's view (服务经理): open work by level and step, this month's SLA compliance by
 * level, breaches, where requests come from, and who carries the load. "This month" is the
 * hospital's calendar month.
 */
const get = route({ method: 'get', path: '/', operationId: 'getDashboard', tag: 'sla', summary: 'Manager dashboard figures', access: ['admin', 'manager', 'dispatcher'] });

export function dashboardRoutes(deps: AppDeps) {
  return newRouter().openapi(get, async (c) => {
    const conn = c.get('em').getConnection();
    const tz = deps.timeZone;
    const monthStart = `(date_trunc('month', now() at time zone '${tz.replace(/'/g, "''")}') at time zone '${tz.replace(/'/g, "''")}')`;
    const num = (v: unknown) => Number(v);
    const [open, compliance, breaches, escalations, bySystem, byCategory, workload, lost] = await Promise.all([
      conn.execute(`select fault_level as level, step, count(*) as count from tickets where status = 'open' group by 1, 2 order by 1, 2`),
      conn.execute(`
        select fault_level as level, clock,
          count(*) filter (where satisfied is not null and satisfied <= due) as met,
          count(*) filter (where breached or satisfied > due) as missed,
          count(*) filter (where satisfied is null and not breached) as pending
        from (
          select fault_level, 'reply' as clock, reply_due_at as due, reply_satisfied_at as satisfied, reply_breached as breached
            from tickets where received_at >= ${monthStart} and status <> 'cancelled' and reply_due_at is not null
          union all
          select fault_level, 'firstSolution', solution_due_at, solution_satisfied_at, solution_breached
            from tickets where received_at >= ${monthStart} and status <> 'cancelled' and solution_due_at is not null
        ) c group by 1, 2 order by 1, 2`),
      conn.execute(`select count(*) as n from escalations where breached_at >= ${monthStart}`),
      conn.execute(`select count(*) as n from escalations where acknowledged_at is null`),
      conn.execute(`select system_code as "systemCode", count(*) as count from tickets where received_at >= ${monthStart} group by 1 order by 2 desc`),
      conn.execute(`select coalesce(category, 'untriaged') as category, count(*) as count from tickets where received_at >= ${monthStart} group by 1 order by 2 desc`),
      conn.execute(`
        select u.id as "userId", u.display_name as "displayName", count(t.id) as open
        from users u left join tasks t on t.assignee_id = u.id and t.status = 'open'
        where u.role = 'engineer' and u.active group by 1, 2 order by 3 desc, 2`),
      // Open tickets whose workflow was lost (reconciliation): nothing moves them until a manager restarts them.
      conn.execute(`select count(*) as n from tickets where workflow_state is not null and status in ('open', 'resolved')`),
    ]);
    return c.json({
      openByLevelAndStep: open.map((r) => ({ level: r.level === null ? null : num(r.level), step: r.step, count: num(r.count) })),
      complianceThisMonth: compliance.map((r) => ({ level: r.level === null ? null : num(r.level), clock: r.clock, met: num(r.met), missed: num(r.missed), pending: num(r.pending) })),
      breachesThisMonth: num(breaches[0].n),
      openEscalations: num(escalations[0].n),
      workflowsLost: num(lost[0].n),
      bySystem: bySystem.map((r) => ({ systemCode: r.systemCode, count: num(r.count) })),
      byCategory: byCategory.map((r) => ({ category: r.category, count: num(r.count) })),
      engineerWorkload: workload.map((r) => ({ userId: num(r.userId), displayName: r.displayName, open: num(r.open) })),
    });
  });
}
