import { ApiSession } from '../../harness/http-session';
import { useStack } from '../../harness/use-stack';
import { addDays, localDate } from '../../domain/inspection/occurrence';
import { addMonths, periodOf, type Period } from '../../domain/inspection/period';
import type { Recurrence } from '../../domain/inspection/plan.schemas';

/**
 * 巡检看板 (issue 16, item 6): hospitals × months × plans, each cell's state from the plans and
 * their inspections. Plans and inspections are written as rows (no schedules: the board reads
 * only the tables), on a database of the file's own so no other file's plans are on the board.
 */
const { stack, a } = useStack({ ownDatabase: true });
const TZ = 'Asia/Shanghai';

interface Board {
  from: string;
  to: string;
  months: string[];
  today: string;
  hospitals: { id: number; name: string; months: { period: string; state: string }[]; plans: { id: number; templateCode: string; paused: boolean; cells: { period: string; state: string; inspectionId: number | null }[] }[] }[];
}

let manager: ApiSession;
let engineer: ApiSession;
let cdphc: ApiSession;
let demo2: ApiSession;
const hospitals: Record<string, number> = {};
// Four months: three before this one and this one; the board asked through next month.
const thisMonth = periodOf(new Date(), TZ);
const [m0, m1, m2, m3] = [-3, -2, -1, 0].map((n) => addMonths(thisMonth, n));
const next = addMonths(thisMonth, 1);
const today = localDate(new Date(), TZ);

const execute = (query: string, params: unknown[] = []) => stack.orm.em.getConnection().execute(query, params);

/** A plan row as the API would have written it (its schedule is not the board's business). */
async function plan(hospitalId: number, templateCode: string, recurrence: Recurrence, startDate: string, paused = false): Promise<number> {
  const [row] = await execute(
    `insert into inspection_plans (hospital_id, template_code, system_codes, recurrence, engineer_id, report_days, start_date, catchup_days, paused, pause_note, created_by_id, created_at, updated_at)
     values (?, ?, '["mnis"]', ?::jsonb, ?, 7, ?, 7, ?, ?, ?, now(), now()) returning id`,
    [hospitalId, templateCode, JSON.stringify(recurrence), a.engineer.userId, startDate, paused, paused ? '信息中心机房搬迁，暂停巡检' : null, a.manager.userId],
  );
  return Number(row.id);
}

/** An occurrence row as openInspection and the steps would have left it. */
async function inspection(planId: number, hospitalId: number, period: Period, status: string, reportDueDate: string): Promise<number> {
  const [row] = await execute(
    `insert into inspections (plan_id, period, hospital_id, workflow_id, template_code, template_version, engineer_id, status, planned_date, visit_date, report_due_date, started_by, created_at, updated_at)
     select ?, ?, ?, ?, template_code, 1, ?, ?, ?, ?, ?, 'schedule', now(), now() from inspection_plans where id = ? returning id`,
    [planId, period, hospitalId, `inspection-${planId}-${period}`, a.engineer.userId, status, `${period}-01`, `${period}-01`, reportDueDate, planId],
  );
  return Number(row.id);
}

const board = (s: ApiSession, from: string, to: string) => s.request<Board>('GET', `/api/inspections/board?from=${from}&to=${to}`);
const row = (b: Board, hospitalId: number) => b.hospitals.find((h) => h.id === hospitalId)!;
const states = (b: Board, hospitalId: number, planId: number) => row(b, hospitalId).plans.find((p) => p.id === planId)!.cells.map((c) => c.state);

const MONTHLY_AT_MIDNIGHT = { dayOfMonth: 1, hour: 0, minute: 0, everyMonths: 1 } as const;
const ids: Record<string, number> = {};

beforeAll(async () => {
  [manager, engineer, cdphc, demo2] = await Promise.all(['manager', 'engineer', 'cdphc', 'demo2'].map((u) => ApiSession.login(stack.baseUrl, u)));
  for (const r of await execute('select id, code from hospitals')) hospitals[r.code] = Number(r.id);
  const [third] = await execute(`insert into hospitals (code, name, address, created_at) values ('XJYY', '新疆维吾尔自治区人民医院（南院区）护理信息化示范病区', '乌鲁木齐市天池路 91 号', now()) returning id`);
  hospitals.XJYY = Number(third.id);

  // 成都: a monthly inspection with one occurrence in each state, and a quarterly security check never run.
  ids.cdMonthly = await plan(hospitals.CDPHC, 'monthly_inspection', MONTHLY_AT_MIDNIGHT, `${m0}-01`);
  ids.cdDone = await inspection(ids.cdMonthly, hospitals.CDPHC, m0, 'archived', `${m0}-08`);
  ids.cdSign = await inspection(ids.cdMonthly, hospitals.CDPHC, m1, 'signature', addDays(today, 3));
  ids.cdLate = await inspection(ids.cdMonthly, hospitals.CDPHC, m2, 'on_site', addDays(today, -1));
  ids.cdNow = await inspection(ids.cdMonthly, hospitals.CDPHC, m3, 'planned', addDays(today, 10));
  ids.cdQuarterly = await plan(hospitals.CDPHC, 'security_check', { ...MONTHLY_AT_MIDNIGHT, everyMonths: 3 }, `${m0}-01`);
  await inspection(ids.cdQuarterly, hospitals.CDPHC, m0, 'review', addDays(today, 0));

  // 示范: a plan that started before anyone backfilled it, and a paused one.
  ids.demoMonthly = await plan(hospitals.DEMO2, 'monthly_inspection', MONTHLY_AT_MIDNIGHT, `${m0}-01`);
  ids.demoDone = await inspection(ids.demoMonthly, hospitals.DEMO2, m1, 'archived', `${m1}-08`);
  ids.demoReview = await inspection(ids.demoMonthly, hospitals.DEMO2, m2, 'review', addDays(today, 2));
  ids.demoCancelled = await inspection(ids.demoMonthly, hospitals.DEMO2, next, 'cancelled', addDays(today, 40));
  ids.demoPaused = await plan(hospitals.DEMO2, 'performance_analysis', MONTHLY_AT_MIDNIGHT, `${m0}-01`, true);
});

describe('the board', () => {
  it('tells every cell’s state: done, waiting for signature, late, in progress, missing, scheduled, paused, none', async () => {
    const res = await board(manager, m0, next);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.months).toEqual([m0, m1, m2, m3, next]);
    expect(b.today).toBe(today);

    expect(states(b, hospitals.CDPHC, ids.cdMonthly)).toEqual(['done', 'signature', 'late', 'in_progress', 'scheduled']);
    // Quarterly from the first month: due in m0 and m3 only; m3's firing (the 1st, 00:00) has passed and nothing opened.
    expect(states(b, hospitals.CDPHC, ids.cdQuarterly)).toEqual(['in_progress', 'none', 'none', 'missing', 'none']);
    expect(states(b, hospitals.DEMO2, ids.demoMonthly)).toEqual(['missing', 'done', 'in_progress', 'missing', 'cancelled']);
    expect(states(b, hospitals.DEMO2, ids.demoPaused)).toEqual(['paused', 'paused', 'paused', 'paused', 'paused']);
    expect(row(b, hospitals.XJYY)).toMatchObject({ name: '新疆维吾尔自治区人民医院（南院区）护理信息化示范病区', plans: [] });
    expect(row(b, hospitals.XJYY).months.map((m) => m.state)).toEqual(['none', 'none', 'none', 'none', 'none']);

    // Each cell with an occurrence names it; the others name none.
    const cells = row(b, hospitals.CDPHC).plans.find((p) => p.id === ids.cdMonthly)!.cells;
    expect(cells.map((c) => c.inspectionId)).toEqual([ids.cdDone, ids.cdSign, ids.cdLate, ids.cdNow, null]);
    // A hospital's month shows its most pressing plan.
    expect(row(b, hospitals.CDPHC).months.map((m) => m.state)).toEqual(['in_progress', 'signature', 'late', 'missing', 'scheduled']);
    expect(row(b, hospitals.DEMO2).months.map((m) => m.state)).toEqual(['missing', 'paused', 'in_progress', 'missing', 'paused']);
  });

  it('is the same for an engineer; a hospital contact sees only their own hospital', async () => {
    const vendor = (await board(engineer, m0, next)).body;
    expect(vendor.hospitals.map((h) => h.id).sort()).toEqual([hospitals.CDPHC, hospitals.DEMO2, hospitals.XJYY].sort());
    const own = await board(cdphc, m0, next);
    expect(own.status).toBe(200);
    expect(own.body.hospitals.map((h) => h.id)).toEqual([hospitals.CDPHC]);
    expect(states(own.body, hospitals.CDPHC, ids.cdMonthly)).toEqual(['done', 'signature', 'late', 'in_progress', 'scheduled']);
    const other = (await board(demo2, m0, next)).body;
    expect(other.hospitals.map((h) => h.id)).toEqual([hospitals.DEMO2]);
    expect(other.hospitals.flatMap((h) => h.plans.map((p) => p.id))).toEqual([ids.demoMonthly, ids.demoPaused]);
  });

  it('refuses a bad month range, naming the parameter', async () => {
    const malformed = await manager.request<{ errors: Record<string, { code: string }> }>('GET', '/api/inspections/board?from=2026-13&to=2026-12');
    expect([malformed.status, malformed.body.errors.from?.code]).toEqual([400, 'plan.period']);
    const tooLong = await manager.request<{ errors: Record<string, { code: string }> }>('GET', '/api/inspections/board?from=2024-01&to=2026-12');
    expect([tooLong.status, tooLong.body.errors.to?.code]).toEqual([400, 'board.range']);
    const reversed = await manager.request<{ errors: Record<string, { code: string }> }>('GET', `/api/inspections/board?from=${m3}&to=${m0}`);
    expect([reversed.status, reversed.body.errors.to?.code]).toEqual([400, 'board.range']);
    // Without a range: twelve months, nine back and two ahead.
    const plain = await manager.request<Board>('GET', '/api/inspections/board');
    expect(plain.body.months).toHaveLength(12);
    expect(plain.body.months[9]).toBe(thisMonth);
  });

  it('answers sixty hospitals × twelve months with their plans and inspections promptly', async () => {
    // 57 more hospitals, each with a monthly inspection archived every month of the last year.
    await execute(
      `insert into hospitals (code, name, address, created_at)
       select 'H' || g, '第' || g || '人民医院（' || g || '号院区）护理部移动护理信息系统巡检示范单位', null, now() from generate_series(1, 57) g`,
    );
    await execute(
      `insert into inspection_plans (hospital_id, template_code, system_codes, recurrence, engineer_id, report_days, start_date, catchup_days, paused, created_by_id, created_at, updated_at)
       select id, 'monthly_inspection', '["mnis"]', ?::jsonb, ?, 7, ?, 7, false, ?, now(), now() from hospitals where code like 'H%'`,
      [JSON.stringify(MONTHLY_AT_MIDNIGHT), a.engineer.userId, `${addMonths(thisMonth, -11)}-01`, a.manager.userId],
    );
    await execute(
      `insert into inspections (plan_id, period, hospital_id, workflow_id, template_code, template_version, engineer_id, status, planned_date, visit_date, report_due_date, started_by, created_at, updated_at)
       select p.id, m.period, p.hospital_id, 'inspection-' || p.id || '-' || m.period, 'monthly_inspection', 1, p.engineer_id, 'archived', m.period || '-01', m.period || '-01', m.period || '-08', 'schedule', now(), now()
       from inspection_plans p join hospitals h on h.id = p.hospital_id and h.code like 'H%'
       cross join (select to_char(date_trunc('month', ?::date) - make_interval(months => g), 'YYYY-MM') as period from generate_series(1, 11) g) m`,
      [`${thisMonth}-01`],
    );
    const started = Date.now();
    const res = await board(manager, addMonths(thisMonth, -11), thisMonth);
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.hospitals).toHaveLength(60);
    const big = res.body.hospitals.filter((h) => h.name.includes('巡检示范单位'));
    expect(big).toHaveLength(57);
    // Eleven archived months, and this month's firing passed with nothing opened.
    expect(big.every((h) => h.plans[0].cells.map((c) => c.state).join() === [...Array(11).fill('done'), 'missing'].join())).toBe(true);
    expect(took).toBeLessThan(3000);
  });
});
