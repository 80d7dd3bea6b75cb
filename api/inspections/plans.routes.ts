import { z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inspection, InspectionPlan, type IInspectionPlan } from '../../db/entities';
import { sql } from '../../db/sql';
import { said } from '../../domain/messages';
import { isPeriod, monthsBetween, periodOf } from '../../domain/inspection/period';
import { planInput, type PlanInput } from '../../domain/inspection/plan.schemas';
import { printable } from '../../domain/text';
import { LIMITS } from '../../domain/limits';
import type { AppDeps } from '../env';
import { ApiError, notFound, unprocessable } from '../errors';
import { contentRange, parseListQuery, unknownFilter } from '../list-query';
import { jsonBody, newRouter, route } from '../route';
import { isActiveIn } from '../users/active-user';
import { idList, idParams } from '../validate';
import { noWorker } from '../workflow/ticket-gateway';
import { workerLiveness } from '../workflow/worker-liveness';
import { planScheduleId, planSchedules, type PlanSchedules } from './plan-schedule';

const planDto = (p: IInspectionPlan) => ({
  id: p.id,
  hospitalId: p.hospital.id,
  templateCode: p.templateCode,
  systemCodes: p.systemCodes,
  recurrence: p.recurrence,
  engineerId: p.engineer.id,
  reportDays: p.reportDays,
  startDate: p.startDate,
  catchupDays: p.catchupDays,
  note: p.note ?? null,
  paused: p.paused,
  pauseNote: p.pauseNote ?? null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The hospital exists and runs every system named; the engineer is an active engineer. */
async function checkPlan(em: EntityManager, body: PlanInput): Promise<void> {
  const [hospital] = await sql<{ name: string; runs: string[] }>(
    em,
    `select h.name, coalesce(array_agg(s.system_code) filter (where s.system_code is not null), '{}') as runs
     from hospitals h left join hospital_systems s on s.hospital_id = h.id where h.id = ?::bigint group by h.id`,
    [body.hospitalId],
  );
  if (!hospital) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
  if (body.systemCodes.some((c) => !hospital.runs.includes(c))) throw unprocessable({ systemCodes: said('plan.system_not_run', { hospital: hospital.name }) });
  if (!(await isActiveIn(em, body.engineerId, ['engineer']))) throw unprocessable({ engineerId: said('plan.engineer') });
}

const note = z.object({ note: z.string({ error: 'plan.note_required' }).trim().min(1, 'plan.note_required').max(LIMITS.text, 'field.too_long').refine(printable, 'field.control_chars') });
const months = z.object({ from: z.string({ error: 'plan.period' }).refine(isPeriod, 'plan.period'), to: z.string({ error: 'plan.period' }).refine(isPeriod, 'plan.period') });
const planId = idParams('plan.not_found');
// Plans are the vendor's planning: the people who run the desk, not the hospitals.
const planners = ['admin', 'manager'] as const;
const readers = ['admin', 'manager', 'dispatcher', 'engineer'] as const;
const tag = 'inspections';
const routes = {
  list: route({ method: 'get', path: '/', operationId: 'listInspectionPlans', tag, summary: 'Inspection plans', description: 'Filters: id, hospitalId, paused. Sort: id, hospitalId, startDate.', access: readers, list: true }),
  get: route({ method: 'get', path: '/{id}', operationId: 'getInspectionPlan', tag, summary: 'One plan, with its next runs as Temporal has them', access: readers, request: { params: planId } }),
  create: route({ method: 'post', path: '/', operationId: 'createInspectionPlan', tag, summary: 'Plan a recurring service for a hospital (one Temporal Schedule)', access: planners, request: { body: jsonBody(planInput) }, ok: { 201: 'The plan' }, answers: [422] }),
  update: route({ method: 'put', path: '/{id}', operationId: 'updateInspectionPlan', tag, summary: 'Change a plan; inspections already made keep their dates', access: planners, request: { params: planId, body: jsonBody(planInput) }, answers: [422] }),
  remove: route({ method: 'delete', path: '/{id}', operationId: 'deleteInspectionPlan', tag, summary: 'Delete a plan that has made no inspection yet', access: planners, request: { params: planId }, ok: { 204: 'Deleted, with its schedule' }, answers: [409] }),
  pause: route({ method: 'post', path: '/{id}/pause', operationId: 'pauseInspectionPlan', tag, summary: 'Pause a plan with a note (a change freeze): nothing starts until resumed', access: planners, request: { params: planId, body: jsonBody(note) } }),
  resume: route({ method: 'post', path: '/{id}/resume', operationId: 'resumeInspectionPlan', tag, summary: 'Resume a paused plan', access: planners, request: { params: planId, body: jsonBody(note) } }),
  runNow: route({ method: 'post', path: '/{id}/run', operationId: 'runInspectionPlanNow', tag, summary: 'Open this month’s occurrence now (none is made twice)', access: planners, request: { params: planId }, answers: [503] }),
  backfill: route({ method: 'post', path: '/{id}/backfill', operationId: 'backfillInspectionPlan', tag, summary: 'Make up the occurrences of past months (each month once, however often asked)', access: planners, request: { params: planId, body: jsonBody(months) }, ok: { 202: 'Accepted: the occurrences appear as the schedule runs them' }, answers: [422] }),
};

function columns({ hospitalId, engineerId, ...rest }: PlanInput) {
  return { ...rest, hospital: hospitalId, engineer: engineerId, note: rest.note ?? null };
}

export function inspectionPlansRoutes(deps: AppDeps, schedules: PlanSchedules = planSchedules(deps.temporal, deps.timeZone, deps.settings.taskQueue)) {
  const r = newRouter();
  const workerAlive = workerLiveness(deps.orm, deps.settings.taskQueue);
  const load = async (em: EntityManager, id: number) => {
    const p = await em.findOne(InspectionPlan, id);
    if (!p) throw notFound('plan.not_found');
    return p;
  };

  r.openapi(routes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ['id', 'hospitalId', 'startDate'], defaultSort: { field: 'id', order: 'ASC' } });
    const where: Record<string, unknown>[] = [];
    for (const [k, v] of Object.entries(q.filter)) {
      if (k === 'id') where.push({ id: { $in: idList(v) } });
      else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
      else if (k === 'paused') where.push({ paused: v === true || v === 'true' });
      else throw unknownFilter(k);
    }
    const sortField = q.sort.field === 'hospitalId' ? 'hospital' : q.sort.field;
    const [rows, total] = await c.get('em').findAndCount(InspectionPlan, where.length ? { $and: where } : {}, {
      orderBy: { [sortField]: q.sort.order.toLowerCase(), id: 'asc' },
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('inspection-plans', q.offset, rows.length, total));
    return c.json(rows.map(planDto));
  });

  r.openapi(routes.get, async (c) => {
    const p = await load(c.get('em'), c.req.valid('param').id);
    // The schedule answers for what comes next; the plan row for what was decided.
    const schedule = await schedules.describe(p.id);
    return c.json({ ...planDto(p), nextRuns: schedule?.nextRuns ?? [] });
  });

  r.openapi(routes.create, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    await checkPlan(em, body);
    const p = em.create(InspectionPlan, { ...columns(body), createdBy: c.get('user').id });
    await em.flush();
    try {
      await schedules.create(p);
    } catch (e) {
      // No plan without its schedule: one that never fires would look planned and never happen.
      await em.nativeDelete(InspectionPlan, p.id);
      throw e;
    }
    return c.json(planDto(p), 201);
  });

  r.openapi(routes.update, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    const p = await load(em, c.req.valid('param').id);
    await checkPlan(em, body);
    em.assign(p, columns(body));
    await schedules.update(p);
    await em.flush();
    return c.json(planDto(p));
  });

  r.openapi(routes.remove, async (c) => {
    const em = c.get('em');
    const p = await load(em, c.req.valid('param').id);
    if (await em.count(Inspection, { plan: p.id })) throw new ApiError(409, said('plan.has_inspections'));
    await schedules.delete(p.id);
    await em.nativeDelete(InspectionPlan, p.id);
    return c.body(null, 204);
  });

  for (const [which, paused] of [
    [routes.pause, true],
    [routes.resume, false],
  ] as const) {
    r.openapi(which, async (c) => {
      const em = c.get('em');
      const p = await load(em, c.req.valid('param').id);
      const { note: why } = c.req.valid('json');
      await (paused ? schedules.pause(p.id, why) : schedules.resume(p.id, why));
      em.assign(p, { paused, pauseNote: paused ? why : null });
      await em.flush();
      return c.json(planDto(p));
    });
  }

  r.openapi(routes.runNow, async (c) => {
    const p = await load(c.get('em'), c.req.valid('param').id);
    if (!(await workerAlive())) throw noWorker();
    // Started here rather than by the schedule's trigger, so the occurrence says a person started it.
    // Bounded: a run that outlasts it still completes, and pressing again finds the same occurrence.
    const opened = await deps.temporal.connection.withDeadline(Date.now() + (deps.temporalTimeoutMs ?? 15_000), async () => {
      const run = await deps.temporal.workflow.start('inspectionDueWorkflow', { workflowId: `${planScheduleId(p.id)}-run-${Date.now()}`, taskQueue: deps.settings.taskQueue, args: [p.id, 'person'] });
      return run.result();
    });
    return c.json(opened);
  });

  r.openapi(routes.backfill, async (c) => {
    const p = await load(c.get('em'), c.req.valid('param').id);
    const { from, to } = c.req.valid('json');
    if (monthsBetween(from, to) < 0) throw unprocessable({ from: said('plan.period_order') });
    if (monthsBetween(to, periodOf(new Date(), deps.timeZone)) < 0) throw unprocessable({ to: said('plan.period_future') });
    await schedules.backfill(p.id, from, to);
    return c.json({ planId: p.id, from, to }, 202);
  });
  return r;
}
