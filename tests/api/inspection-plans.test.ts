import { ApiSession } from '../../harness/http-session';
import { inspectionPlanBody } from '../../harness/inspections';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { periodOf } from '../../domain/inspection/period';
import { planScheduleId } from '../../api/inspections/plan-schedule';
import { Hospital } from '../../db/entities';

/**
 * Inspection plans as Temporal Schedules (issue 16, items 1–2), against the real dev server: each
 * plan one schedule; each month at most one occurrence, whoever starts it.
 */
const { stack, a } = useStack();
let manager: ApiSession;
let engineer: ApiSession;
let contact: ApiSession;
let hospitals: Record<string, number>;

interface Plan {
  id: number;
  paused: boolean;
  pauseNote: string | null;
  nextRuns: string[];
}
interface Inspection {
  id: number;
  planId: number;
  period: string;
  hospitalId: number;
  status: string;
  plannedDate: string;
  visitDate: string;
  reportDueDate: string;
  startedBy: string;
  workflowId: string;
}
interface Opened {
  inspectionId: number;
  period: string;
  workflowId: string;
  created: boolean;
}

const planBody = (over: Record<string, unknown> = {}) => inspectionPlanBody(hospitals.CDPHC, a.engineer.userId, over);

const inspectionsOf = async (planId: number) => (await manager.get<Inspection[]>('/api/inspections', { filter: { planId }, sort: ['period', 'ASC'] })).body;

/** Polls until the plan has `count` occurrences (a schedule's runs land asynchronously). */
async function waitForInspections(planId: number, count: number, ms = 30_000): Promise<Inspection[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await inspectionsOf(planId);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await sleep(250);
  }
}

/** Waits until every run the plan's schedule started has closed, so "nothing new" is a fact, not a race. */
async function schedulesRunsSettled(planId: number, started: number): Promise<void> {
  // Generous: on a loaded 2-core machine the last backfill run was seen closing after 30 s.
  const deadline = Date.now() + 90_000;
  for (;;) {
    let closed = 0;
    for await (const w of stack.client.workflow.list({ query: `WorkflowType = 'inspectionDueWorkflow' AND ExecutionStatus != 'Running' AND WorkflowId STARTS_WITH '${planScheduleId(planId)}-'` })) if (w) closed++;
    if (closed >= started) return;
    if (Date.now() > deadline) throw new Error(`only ${closed} of ${started} schedule runs closed`);
    await sleep(500);
  }
}

beforeAll(async () => {
  [manager, engineer, contact] = await Promise.all(['manager', 'engineer', 'cdphc'].map((u) => ApiSession.login(stack.baseUrl, u)));
  hospitals = Object.fromEntries((await stack.orm.em.fork().find(Hospital, {})).map((h) => [h.code, h.id]));
});

describe('an inspection plan is a Temporal Schedule', () => {
  let plan: Plan;

  it('is created by a manager and shows its next runs as Temporal has them', async () => {
    const created = await manager.post<Plan>('/api/inspection-plans', planBody());
    expect(created.status).toBe(201);
    plan = (await manager.get<Plan>(`/api/inspection-plans/${created.body.id}`)).body;
    // Day 1 at 09:00 in Shanghai is 01:00 UTC, from next month on.
    const now = new Date();
    expect(plan.nextRuns.length).toBeGreaterThanOrEqual(3);
    for (const run of plan.nextRuns) {
      expect(run).toMatch(/^\d{4}-\d{2}-(01|0[1-9])T01:00:00\.000Z$/);
      expect(new Date(run).getTime()).toBeGreaterThan(now.getTime());
    }
    const described = await stack.client.schedule.getHandle(planScheduleId(plan.id)).describe();
    expect(described.policies.overlap).toBe('ALLOW_ALL');
    expect(described.policies.catchupWindow).toBe(7 * 24 * 3600 * 1000);
  });

  it('refuses bad plans field by field and other roles outright', async () => {
    const bad = await manager.post<{ errors: Record<string, { code: string }> }>('/api/inspection-plans', planBody({ recurrence: { dayOfMonth: 30, hour: 9, minute: 0, everyMonths: 1 }, startDate: '2026-02-30x' }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['recurrence.dayOfMonth', 'startDate']);
    const notRun = await manager.post<{ errors: Record<string, { code: string }> }>('/api/inspection-plans', planBody({ hospitalId: hospitals.DEMO2, systemCodes: ['whiteboard'] }));
    expect([notRun.status, notRun.body.errors.systemCodes?.code]).toEqual([422, 'plan.system_not_run']);
    const notEngineer = await manager.post<{ errors: Record<string, { code: string }> }>('/api/inspection-plans', planBody({ engineerId: a.dispatcher.userId }));
    expect([notEngineer.status, notEngineer.body.errors.engineerId?.code]).toEqual([422, 'plan.engineer']);
    expect((await engineer.post('/api/inspection-plans', planBody())).status).toBe(403);
    expect((await contact.get('/api/inspection-plans')).status).toBe(403);
  });

  it('“run now” opens this month’s inspection once, however often it is pressed', async () => {
    const first = await manager.post<Opened>(`/api/inspection-plans/${plan.id}/run`);
    expect(first.status).toBe(200);
    const period = periodOf(new Date(), 'Asia/Shanghai');
    expect(first.body).toMatchObject({ period, workflowId: `inspection-${plan.id}-${period}`, created: true });
    const again = await manager.post<Opened>(`/api/inspection-plans/${plan.id}/run`);
    expect(again.body).toEqual({ ...first.body, created: false });
    const rows = await inspectionsOf(plan.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period, status: 'planned', startedBy: 'person', hospitalId: hospitals.CDPHC });
    const run = await stack.client.workflow.getHandle(rows[0].workflowId).describe();
    expect(run.status.name).toBe('RUNNING');
  });

  it('backfills three past months once: run twice, it makes none the second time; the visit moves off National Day', async () => {
    const asked = await manager.post(`/api/inspection-plans/${plan.id}/backfill`, { from: '2026-09', to: '2026-11' });
    expect(asked.status).toBe(202);
    const rows = await waitForInspections(plan.id, 4);
    const backfilled = rows.filter((r) => r.period !== periodOf(new Date(), 'Asia/Shanghai'));
    expect(backfilled.map((r) => r.period)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(backfilled.every((r) => r.startedBy === 'catch_up')).toBe(true);
    // 1 October is National Day (1–7 October 2026 off): the visit is on the 8th, the report a week later.
    expect(backfilled[1]).toMatchObject({ plannedDate: '2026-10-01', visitDate: '2026-10-08', reportDueDate: '2026-10-15' });
    expect(backfilled[0]).toMatchObject({ plannedDate: '2026-09-01', visitDate: '2026-09-01' });

    await manager.post(`/api/inspection-plans/${plan.id}/backfill`, { from: '2026-09', to: '2026-11' });
    await schedulesRunsSettled(plan.id, 6);
    expect((await inspectionsOf(plan.id)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('refuses a backfill of future months or reversed ones, naming the field', async () => {
    const future = await manager.post<{ errors: Record<string, { code: string }> }>(`/api/inspection-plans/${plan.id}/backfill`, { from: '2026-09', to: '2099-01' });
    expect([future.status, future.body.errors.to?.code]).toEqual([422, 'plan.period_future']);
    const reversed = await manager.post<{ errors: Record<string, { code: string }> }>(`/api/inspection-plans/${plan.id}/backfill`, { from: '2026-11', to: '2026-09' });
    expect([reversed.status, reversed.body.errors.from?.code]).toEqual([422, 'plan.period_order']);
    const malformed = await manager.post<{ errors: Record<string, { code: string }> }>(`/api/inspection-plans/${plan.id}/backfill`, { from: '2026-9', to: '2026-11' });
    expect([malformed.status, Object.keys(malformed.body.errors)]).toEqual([400, ['from']]);
  });

  it('pauses with a note (a change freeze) and resumes, in Temporal and on the plan', async () => {
    const noNote = await manager.post<{ errors: Record<string, unknown> }>(`/api/inspection-plans/${plan.id}/pause`, {});
    expect([noNote.status, Object.keys(noNote.body.errors)]).toEqual([400, ['note']]);
    const paused = await manager.post<Plan>(`/api/inspection-plans/${plan.id}/pause`, { note: '医院信息系统升级，12 月变更冻结' });
    expect(paused.body).toMatchObject({ paused: true, pauseNote: '医院信息系统升级，12 月变更冻结' });
    const handle = stack.client.schedule.getHandle(planScheduleId(plan.id));
    expect((await handle.describe()).state).toMatchObject({ paused: true, note: '医院信息系统升级，12 月变更冻结' });
    const resumed = await manager.post<Plan>(`/api/inspection-plans/${plan.id}/resume`, { note: '冻结结束' });
    expect(resumed.body).toMatchObject({ paused: false, pauseNote: null });
    expect((await handle.describe()).state.paused).toBe(false);
  });

  it('a plan with inspections cannot be deleted (pause it); one without can, with its schedule', async () => {
    expect((await manager.request('DELETE', `/api/inspection-plans/${plan.id}`)).status).toBe(409);
    const spare = await manager.post<Plan>('/api/inspection-plans', planBody({ hospitalId: hospitals.DEMO2 }));
    expect((await manager.request('DELETE', `/api/inspection-plans/${spare.body.id}`)).status).toBe(204);
    await expect(stack.client.schedule.getHandle(planScheduleId(spare.body.id)).describe()).rejects.toThrow(/not found/i);
  });
});

describe('a firing while no worker runs is not lost', () => {
  it('the schedule fires with the worker stopped; the occurrence is made once the worker is back', async () => {
    const plan = (await manager.post<Plan>('/api/inspection-plans', planBody({ hospitalId: hospitals.DEMO2, engineerId: a.engineer2.userId }))).body;
    await stack.stopWorker();
    try {
      // The stopped worker's heartbeat row goes a moment after it stops; the desk says so then.
      for (let i = 0; (await manager.get('/api/ready')).status !== 503; i++) {
        if (i > 100) throw new Error('/api/ready never said the worker was gone');
        await sleep(100);
      }
      // A person is told at once rather than kept waiting on a run nobody would pick up.
      const started = Date.now();
      const pressed = await manager.post<{ code: string }>(`/api/inspection-plans/${plan.id}/run`);
      expect([pressed.status, pressed.body.code]).toEqual([503, 'workflow.no_worker']);
      expect(Date.now() - started).toBeLessThan(2000);
      await stack.client.schedule.getHandle(planScheduleId(plan.id)).trigger();
      await sleep(2000);
      expect(await inspectionsOf(plan.id)).toEqual([]);
    } finally {
      await stack.startWorker();
    }
    const rows = await waitForInspections(plan.id, 1);
    expect(rows.map((r) => [r.period, r.hospitalId])).toEqual([[periodOf(new Date(), 'Asia/Shanghai'), hospitals.DEMO2]]);
  });
});

describe('who sees inspections', () => {
  it('a hospital contact sees only their own hospital’s, and not another’s by id', async () => {
    const mine = (await contact.get<Inspection[]>('/api/inspections')).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.hospitalId === hospitals.CDPHC)).toBe(true);
    const theirs = (await manager.get<Inspection[]>('/api/inspections', { filter: { hospitalId: hospitals.DEMO2 } })).body;
    expect(theirs.length).toBeGreaterThan(0);
    expect((await contact.get(`/api/inspections/${theirs[0].id}`)).status).toBe(404);
    expect((await manager.get('/api/inspections', { filter: { period: '2026-1' } })).status).toBe(400);
  });
});
