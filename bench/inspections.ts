import fs from 'node:fs';
import type { Client } from '@temporalio/client';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Pool } from 'pg';
import { planScheduleId, planSchedules } from '../api/inspections/plan-schedule';
import { deskTimeZone } from '../config/time-zone';
import { TEMPLATE_CODES } from '../domain/inspection/templates';
import { localDate } from '../domain/inspection/occurrence';
import { spawnWorker } from '../scripts/worker-process';
import { stopChild, waitForLine } from './deployed';
import { reportPdfTiming } from './inspection-report';
import { fmt, pool } from './stats';

/**
 * 6: planned work all due at once (issue 16). `hospitals` hospitals with one plan per template
 * each, every plan's schedule firing in the same minute: how long until every occurrence has
 * started (its row and its workflow), how many duplicates (must be 0), and the worker's RSS. The
 * baseline is the same number of bare schedules firing a workflow that does nothing, on the same
 * server, in the same run.
 */
export async function inspectionStorm(dbUrl: string, client: Client, opts: { hospitals: number; renders: number; log: (l: string) => void; row: RowFn }): Promise<string[]> {
  const { log } = opts;
  const timeZone = deskTimeZone();
  const plans = opts.hospitals * TEMPLATE_CODES.length;
  // A pool: the schedules are made 16 at a time, each with its plan row's update.
  const pg = new Pool({ connectionString: dbUrl, max: 16 });
  const taskQueue = 'bench-inspections';
  const worker = spawnWorker({ ...process.env, TEMPORAL_TASK_QUEUE: taskQueue });
  try {
    await waitForLine(worker, /polling/, 'worker');
    log(`bench 6: ${opts.hospitals} hospitals × ${TEMPLATE_CODES.length} plans`);
    const planIds = await seedPlans(pg, opts.hospitals, timeZone);

    // Baseline: bare schedules, each starting a workflow that returns at once (the minimal worker's queue).
    const baseAt = await fireTogether(log, plans, (i, at) =>
      client.schedule.create({
        scheduleId: `bench-bare-${i}`,
        spec: { calendars: [calendarAt(at, timeZone)], timezone: timeZone },
        action: { type: 'startWorkflow', workflowType: 'emptyWorkflow', workflowId: `bench-bare-${i}`, taskQueue: 'bench-minimal' },
        policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
      }),
    );
    const baseMs = await untilCompleted(client, 'emptyWorkflow', plans, baseAt, log, `bench-bare-${plans - 1}`);

    // Ours: each plan's own schedule, as the API makes it.
    const schedules = planSchedules(client, timeZone, taskQueue);
    let rssMax = 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssOf(worker.pid))), 500);
    const oursAt = await fireTogether(log, plans, async (i, at) => {
      const c = calendarAt(at, timeZone);
      await pg.query(`update inspection_plans set recurrence = $2 where id = $1`, [planIds[i], JSON.stringify({ dayOfMonth: c.dayOfMonth, hour: c.hour, minute: c.minute, everyMonths: 1 })]);
      await schedules.create({ id: planIds[i], recurrence: { dayOfMonth: c.dayOfMonth, hour: c.hour, minute: c.minute, everyMonths: 1 }, startDate: localDate(new Date(), timeZone), catchupDays: 7, paused: false });
    });
    const oursMs = await untilCompleted(client, 'inspectionDueWorkflow', plans, oursAt, log, planScheduleId(planIds[plans - 1]), async () => Number((await pg.query('select count(*) from inspections')).rows[0].count));
    clearInterval(sampler);
    const rows = Number((await pg.query('select count(*) from inspections')).rows[0].count);
    const distinct = Number((await pg.query('select count(distinct (plan_id, period)) from inspections')).rows[0].count);
    const runs = (await client.workflow.count('WorkflowType = "inspectionWorkflow"')).count;
    const duplicates = rows - distinct + Math.max(0, runs - distinct);
    log(`bench 6: ${rows} rows, ${runs} occurrence runs, worker RSS max ${fmt(rssMax / 2 ** 20, 0)} MiB`);
    log(`bench 6: report PDF, ${opts.renders} renders each…`);
    const pdf = await reportPdfTiming(pg, client, dbUrl, { renders: opts.renders, timeZone, taskQueue, log });
    const kib = (b: number) => `${fmt(b / 1024, 0)} KiB`;
    const pdfName = `report PDF with a 50-ticket fault summary (${pdf.pages[0]} pages, ${kib(pdf.bytes[0])}) against the same report with none (${pdf.pages[1]} pages, ${kib(pdf.bytes[1])}), ${opts.renders} renders each`;
    return [
      opts.row(6, `${plans} planned occurrences due in one minute: all started`, `${fmt(oursMs / 1000, 1)} s`, `${fmt(baseMs / 1000, 1)} s`, oursMs / baseMs, '—', null),
      opts.row(6, `duplicates (rows ${rows}, runs ${runs})`, String(duplicates), '0', duplicates === 0 ? 1 : Infinity, '0', duplicates === 0),
      opts.row(6, 'worker RSS while they start', `${fmt(rssMax / 2 ** 20, 0)} MiB`, '—', NaN, '≤ 1 GiB', rssMax <= 2 ** 30),
      opts.row(6, `${pdfName}, p50 (ms)`, fmt(pdf.ours.p50, 0), fmt(pdf.base.p50, 0), pdf.ours.p50 / pdf.base.p50, '—', null),
      opts.row(6, 'report PDF, p95 (ms)', fmt(pdf.ours.p95, 0), fmt(pdf.base.p95, 0), pdf.ours.p95 / pdf.base.p95, '—', null),
      opts.row(6, 'report PDF, CPU time of the bench process per render, p50 (ms)', fmt(pdf.oursCpu.p50, 0), fmt(pdf.baseCpu.p50, 0), pdf.oursCpu.p50 / pdf.baseCpu.p50, '—', null),
    ];
  } finally {
    await stopChild(worker);
    await pg.end();
  }
}

/** Where the Temporal server's own worker runs every schedule's workflow (its per-namespace worker). */
const SCHEDULER_TASK_QUEUE = 'temporal-sys-per-ns-tq';

export type RowFn = (n: number, name: string, ours: string, base: string, ratio: number, target: string, met: boolean | null) => string;

/** 1,000 hospitals with three plans each (one per template), as rows; their schedules come later. */
async function seedPlans(pg: Pool, hospitals: number, timeZone: string): Promise<number[]> {
  const { rows: [who] } = await pg.query(`select (select id from users where role = 'engineer' order by id limit 1) as engineer, (select id from users where role = 'admin' order by id limit 1) as admin`);
  const today = localDate(new Date(), timeZone);
  const { rows } = await pg.query(
    `with h as (
       insert into hospitals (code, name, created_at)
       select 'BENCH' || g, '基准测试第' || g || '人民医院（巡检计划压力测试用，名称较长）', now() from generate_series(1, $1) g
       returning id)
     insert into inspection_plans (hospital_id, template_code, system_codes, recurrence, engineer_id, report_days, start_date, catchup_days, paused, created_by_id, created_at, updated_at)
     select h.id, t.code, '["mnis"]', '{"dayOfMonth":1,"hour":9,"minute":0,"everyMonths":1}', $2, 7, $3, 7, false, $4, now(), now()
       from h cross join unnest($5::text[]) as t(code)
     returning id`,
    [hospitals, who.engineer, today, who.admin, [...TEMPLATE_CODES]],
  );
  return rows.map((r) => r.id as number).sort((a, b) => a - b);
}

/** Creates `n` schedules all firing at one minute far enough ahead that every one exists by then; returns that minute. */
async function fireTogether(log: (l: string) => void, n: number, create: (i: number, at: Date) => Promise<unknown>): Promise<Date> {
  // About 40 creations a second on 2 cores, and a minute to spare.
  const at = new Date(Math.ceil((Date.now() + (n / 40) * 1000 + 60_000) / 60_000) * 60_000);
  const t0 = Date.now();
  await pool(n, 16, async (i) => {
    await create(i, at);
  });
  log(`bench 6: ${n} schedules made in ${fmt((Date.now() - t0) / 1000, 1)} s, firing at ${at.toISOString()}`);
  if (Date.now() >= at.getTime()) throw new Error('the schedules were made after the minute they fire in: raise the lead');
  return at;
}

function calendarAt(at: Date, timeZone: string) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  return { dayOfMonth: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/**
 * Milliseconds from the firing minute until `n` runs of the type have completed (visibility, polled
 * each second). Every 15 s it logs where the firings are: the backlog of the server's own scheduler
 * worker (each schedule is a workflow the server runs on its internal task queue) and, for ours,
 * the occurrence rows, so that a slow or stuck run says which side it waits on.
 */
async function untilCompleted(client: Client, type: string, n: number, at: Date, log: (l: string) => void, scheduleId: string, rows?: () => Promise<number>): Promise<number> {
  const deadline = at.getTime() + 30 * 60_000;
  let lastLog = 0;
  for (;;) {
    const done = (await client.workflow.count(`WorkflowType = "${type}" AND ExecutionStatus = "Completed"`)).count;
    if (done >= n) return Date.now() - at.getTime();
    if (Date.now() > deadline) throw new Error(`${type}: ${done} of ${n} completed after 30 minutes (${await schedulerBacklog(client, scheduleId)})`);
    if (Date.now() > at.getTime() && Date.now() - lastLog >= 15_000) {
      lastLog = Date.now();
      log(`bench 6: ${type} ${done}/${n} completed; ${await schedulerBacklog(client, scheduleId)}${rows ? `; ${await rows()} occurrence rows` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The server's scheduler worker: its workflow tasks waiting on its normal queue and on its sticky
 * queue (where they stay since temporal.yaml's `StickyScheduleToStartTimeout`), named by the last
 * workflow task of one schedule's own workflow, and how fast each is handed out.
 */
async function schedulerBacklog(client: Client, scheduleId: string): Promise<string> {
  const events = (await client.workflow.getHandle(`temporal-sys-scheduler:${scheduleId}`).fetchHistory()).events ?? [];
  const sticky = events.map((e) => e.workflowTaskScheduledEventAttributes?.taskQueue).filter((q) => q?.kind === temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_STICKY).at(-1);
  const queues = [{ name: SCHEDULER_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL, label: 'normal' }];
  if (sticky?.name) queues.push({ name: sticky.name, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_STICKY, label: 'sticky' });
  const parts = await Promise.all(
    queues.map(async (q) => {
      // A diagnosis: a server that cannot answer it must not end the run.
      try {
        const isSticky = q.kind === temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_STICKY;
        // The server gives a sticky queue no stats, only the older status's backlog hint.
        const { stats, taskQueueStatus } = await client.workflowService.describeTaskQueue({
          namespace: client.options.namespace,
          taskQueue: { name: q.name, kind: q.kind, ...(isSticky ? { normalName: SCHEDULER_TASK_QUEUE } : {}) },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
          ...(isSticky ? { includeTaskQueueStatus: true } : { reportStats: true }),
        });
        if (isSticky) return `${q.label} ${Number(taskQueueStatus?.backlogCountHint ?? 0)} waiting`;
        return `${q.label} ${Number(stats?.approximateBacklogCount ?? 0)} waiting, ${fmt(stats?.tasksDispatchRate ?? 0, 0)}/s handed out`;
      } catch (e) {
        return `${q.label} unknown (${(e as Error).message})`;
      }
    }),
  );
  return `server scheduler's workflow tasks: ${parts.join('; ')}`;
}

function rssOf(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
