/**
 * The fault drills (issue 6): real processes, real failures, loud failures. Each drill provisions
 * what it disturbs, drives on-site flows over HTTP while the fault happens at random moments (a
 * seeded plan, printed, so a failing run can be replayed), then checks the invariants straight
 * from PostgreSQL and Temporal. Used by `npm run drill` (full sizes) and tests/drills (fast sizes).
 */
import { Client, Connection } from '@temporalio/client';
import { ticketWorkflowId } from '../../domain/ticket';
import { stateQuery } from '../../workflows/ticket/messages';
import { runArchiveTamperDrill } from './archive-tamper';
import { counter } from '../counter';
import type { Log } from '../drill-report';
import { driveOnsiteFlows, Progress, STEPS_PER_FLOW, type DriveReport } from '../flow-driver';
import { ApiSession, type HttpStats } from '../http-session';
import { seconds, sleep, within } from '../wait';
import { drillDir, freshDatabase, startOwnTemporal, startPgInstance, workflowBundle, type DrillDatabase, type OwnTemporal, type PgInstance, type TemporalTarget } from './infra';
import { checkOnsiteInvariants, type InvariantReport } from './invariants';
import { startDrillStack, type DrillStack } from './process-stack';
import { between, rng } from './random';

export interface DrillOutcome {
  name: string;
  ok: boolean;
  seed: number;
  durationMs: number;
  figures: Record<string, number | string>;
  failures: string[];
  /** Where the processes' logs are (kept when the drill failed). */
  logDir?: string;
}

export interface FlowDrillOptions {
  flows: number;
  concurrency: number;
  seed: number;
  log: Log;
  /** The whole drive (all flows) must be done within this. */
  driveTimeoutMs: number;
  /** A PostgreSQL server for the drill's database; omitted = one of the drill's own. */
  pgServerUrl?: string;
  /** A running Temporal server to use; omitted = a dev server of the drill's own. */
  temporal?: TemporalTarget;
  /** Keep process logs even when the drill passes. */
  keepLogs?: boolean;
}

interface Provisioned {
  dir: string;
  temporal: TemporalTarget;
  ownTemporal?: OwnTemporal;
  pg?: PgInstance;
  db: DrillDatabase;
  stack: DrillStack;
}

/** Starts what the options do not provide, then the stack; undoes everything on failure. */
async function provision(
  label: string,
  o: Pick<FlowDrillOptions, 'pgServerUrl' | 'temporal' | 'log'>,
  want: { persistentTemporal?: boolean; ownPg?: boolean } = {},
): Promise<Provisioned & { teardown(keepDir: boolean): Promise<void> }> {
  const { dir, remove } = drillDir(label);
  const undo: (() => Promise<void>)[] = [];
  const teardown = async (keepDir: boolean) => {
    for (const f of undo.splice(0).reverse()) await f().catch((e: Error) => o.log(`  teardown: ${e.message}`));
    if (!keepDir) remove();
  };
  try {
    let temporal = o.temporal;
    let ownTemporal: OwnTemporal | undefined;
    if (!temporal || want.persistentTemporal) {
      ownTemporal = await startOwnTemporal(o.log, { persistent: !!want.persistentTemporal, dir });
      undo.push(() => ownTemporal!.stop());
      temporal = ownTemporal;
      o.log(`  Temporal dev server of the drill's own on ${temporal.address}${ownTemporal.dbFile ? ` (state in ${ownTemporal.dbFile})` : ''}`);
    }
    let pg: PgInstance | undefined;
    let serverUrl = o.pgServerUrl;
    if (!serverUrl || want.ownPg) {
      pg = await startPgInstance();
      undo.push(() => pg!.destroy());
      serverUrl = pg.url;
      o.log(`  PostgreSQL of the drill's own on ${pg.url}`);
    }
    const db = await freshDatabase(serverUrl, `desk_drill_${label.replace(/-/g, '_')}_${process.pid}_${Date.now().toString(36)}`);
    undo.push(() => db.drop());
    const stack = await startDrillStack({ temporal, databaseUrl: db.url, dir, log: o.log, label, workflowBundle: await workflowBundle(o.log) });
    undo.push(() => stack.stop());
    return { dir, temporal, ownTemporal, pg, db, stack, teardown };
  } catch (e) {
    await teardown(true);
    throw new Error(`${label}: could not set up (logs in ${dir}): ${(e as Error).message}`);
  }
}

/** Random progress points (in steps) spread over the middle of the drive, one per fault. */
function faultPoints(random: () => number, count: number, flows: number, lo: number, hi: number): number[] {
  const total = flows * STEPS_PER_FLOW;
  const span = (hi - lo) / count;
  // One point per slice, so faults are spread out and never stack on each other.
  return Array.from({ length: count }, (_, i) => Math.max(1, Math.round(total * between(random, lo + i * span, lo + (i + 1) * span))));
}

/** Drives the flows while `faults` runs beside them; the fault plan may only start at progress points. */
async function driveWithFaults(
  stack: DrillStack,
  o: FlowDrillOptions,
  runId: string,
  faults: (at: (step: number) => Promise<boolean>, progress: Progress) => Promise<void>,
): Promise<{ drive: DriveReport; faultError?: string }> {
  const progress = new Progress();
  const connection = await Connection.connect({ address: stack.temporal.address, connectTimeout: 10_000 });
  const client = new Client({ connection, namespace: stack.temporal.namespace });
  const drivePromise = driveOnsiteFlows({
    baseUrl: stack.baseUrl,
    flows: o.flows,
    concurrency: o.concurrency,
    runId,
    deadline: Date.now() + o.driveTimeoutMs,
    log: o.log,
    progress,
    divergence: async (ticketNo) => {
      const h = client.workflow.getHandle(ticketWorkflowId(ticketNo));
      const st = await within(10_000, 'state query', h.query(stateQuery)).catch(() => undefined);
      if (!st || st.status !== 'open') return undefined;
      // A workflow task still to run may bring the signature yet.
      const described = await within(10_000, 'describe', h.describe()).catch(() => undefined);
      if (!described || described.raw.pendingWorkflowTask) return undefined;
      return `the workflow itself is still open at step ${st.step} with open tasks [${st.tasks.map((t) => t.kind).join(', ')}] (its history lacks the signature: PostgreSQL is ahead of Temporal)`;
    },
  });
  let driveDone = false;
  const done = drivePromise.then(
    () => (driveDone = true),
    () => (driveDone = true),
  );
  /** Resolves true once `step` steps are done, false if the drive ended first. */
  const at = async (step: number) => {
    await Promise.race([progress.reached(step), done]);
    return !driveDone;
  };
  let faultError: string | undefined;
  const plan = faults(at, progress).catch((e: Error) => {
    faultError = e.message;
  });
  try {
    const drive = await drivePromise;
    await plan;
    return { drive, faultError };
  } finally {
    await connection.close();
  }
}

function httpFigures(drive: DriveReport): Record<string, number> {
  const s = drive.http.statuses;
  return {
    'HTTP 503 answers (flows)': s['503'] ?? 0,
    'HTTP unanswered (flows)': s.network ?? 0,
    'HTTP other non-2xx (flows)': Object.entries(s)
      .filter(([k]) => k !== 'network' && k !== '503' && !k.startsWith('2'))
      .reduce((n, [, v]) => n + v, 0),
    'request retries': drive.http.retries,
  };
}

function slowSteps(drive: DriveReport): string {
  return drive.slowestSteps.slice(0, 3).map((x) => `${seconds(x.ms)} ${x.step} of ${x.ticket} from ${x.at}`).join('; ');
}

function invariantFigures(inv: InvariantReport): Record<string, number> {
  return {
    'tickets in DB': inv.tickets,
    'event rows': inv.events,
    'task rows': inv.tasks,
    'archive records': inv.archiveRecords,
    'workflows completed': inv.workflowsCompleted,
  };
}

function collect(drive: DriveReport, inv: InvariantReport | undefined, stack: DrillStack, extra: string[]): string[] {
  const failures = [...extra];
  if (inv) failures.push(...inv.problems);
  for (const p of [stack.worker, stack.api]) {
    for (const e of p.unexpectedExits) failures.push(`the ${p === stack.worker ? 'worker' : 'API'} process exited by itself (${e.signal ?? `code ${e.code}`}) at ${new Date(e.at).toISOString()}`);
  }
  // The flows' own failures last: they say what a user met, and a cut log keeps its end.
  if (drive.archived !== drive.tickets.filter(Boolean).length || drive.failures.length) failures.push(`${drive.archived} flows archived, ${drive.failures.length} failed`);
  failures.push(...drive.failures);
  return failures;
}

/** Runs a drill body and turns what it returns (or throws) into an outcome; prints PASS/FAIL. */
async function measured(
  name: string,
  seed: number,
  started: number,
  dir: string,
  log: Log,
  run: () => Promise<{ figures: Record<string, number | string>; failures: string[] }>,
): Promise<DrillOutcome> {
  let figures: Record<string, number | string> = {};
  let failures: string[];
  try {
    ({ figures, failures } = await run());
  } catch (e) {
    failures = [`${name}: ${(e as Error).stack ?? (e as Error).message}`];
  }
  const ok = failures.length === 0;
  const outcome: DrillOutcome = { name, ok, seed, durationMs: Date.now() - started, figures, failures, logDir: dir };
  log(`${ok ? 'PASS' : 'FAIL'} ${name} in ${seconds(outcome.durationMs)}${ok ? '' : `: ${failures.length} failure(s); logs in ${dir}`}`);
  return outcome;
}

/** Stops what the drill started; keeps the logs (and says where) when something failed or asked for. */
async function settle(p: { teardown(keep: boolean): Promise<void> }, outcomes: DrillOutcome[], keepLogs?: boolean): Promise<void> {
  const keep = outcomes.some((x) => !x.ok) || !!keepLogs;
  await p.teardown(keep);
  if (!keep) for (const x of outcomes) delete x.logDir;
}

/** Ensures the worker is up after a fault plan (a failed restart must not hide the data checks). */
async function workerBackUp(stack: DrillStack, failures: string[]): Promise<void> {
  if (stack.worker.running) return;
  failures.push('the worker was not running after the fault plan; restarted it to check the data');
  await stack.worker.start();
}

/** A flow drill from start to end: provisioned, its body measured, then `after` on the same services, then settled. */
async function flowDrill(
  name: string,
  label: string,
  o: Pick<FlowDrillOptions, 'seed' | 'log' | 'keepLogs' | 'pgServerUrl' | 'temporal'>,
  want: { persistentTemporal?: boolean; ownPg?: boolean },
  body: (p: Provisioned, random: () => number) => Promise<{ figures: Record<string, number | string>; failures: string[] }>,
  after?: (p: Provisioned) => Promise<DrillOutcome>,
): Promise<DrillOutcome[]> {
  const started = Date.now();
  const random = rng(o.seed);
  o.log(`${name}: seed ${o.seed}`);
  const p = await provision(label, o, want);
  const outcomes = [await measured(name, o.seed, started, p.dir, o.log, () => body(p, random))];
  if (after) outcomes.push(await after(p));
  await settle(p, outcomes, o.keepLogs);
  return outcomes;
}

/**
 * How every flow drill ends: the worker up again, the invariants checked, and the common figures
 * around the drill's `own` (read once the worker is back).
 */
async function flowResult(p: Provisioned, flows: number, drive: DriveReport, failures: string[], own: () => Record<string, number | string>) {
  await workerBackUp(p.stack, failures);
  const inv = await checkOnsiteInvariants({ databaseUrl: p.db.url, temporal: p.temporal, tickets: drive.tickets, expectedFlows: flows });
  return {
    figures: {
      flows,
      'flows archived': drive.archived,
      ...own(),
      ...httpFigures(drive),
      'drive duration': seconds(drive.durationMs),
      'slowest flow': seconds(drive.slowestFlowMs),
      'slowest steps': slowSteps(drive),
      ...invariantFigures(inv),
    },
    failures: collect(drive, inv, p.stack, failures),
  };
}

// ---- 1. kill -9 the worker ------------------------------------------------------------------------

export async function workerKillDrill(
  o: FlowDrillOptions & {
    kills: number;
    archiveDrill?: boolean;
    /** Fractions of the drive's steps the kills fall between (default 0.08–0.85: anywhere in the run). */
    window?: [number, number];
  },
): Promise<DrillOutcome[]> {
  return flowDrill(
    `worker kill -9 (${o.flows} flows, ${o.kills} kills)`,
    'worker-kill',
    o,
    {},
    async (p, random) => {
      const killLog: string[] = [];
      const points = faultPoints(random, o.kills, o.flows, ...(o.window ?? [0.08, 0.85]));
      o.log(`  kill plan: after steps ${points.join(', ')} of ${o.flows * STEPS_PER_FLOW}`);
      let downMs = 0;
      const { drive, faultError } = await driveWithFaults(p.stack, o, `wk${o.seed}`, async (at, progress) => {
        let lastKillStep = 0;
        for (const [k, planned] of points.entries()) {
          // Some progress after the previous restart, so a kill does not land on the restart of the one before.
          const point = Math.max(planned, lastKillStep + Math.ceil(o.concurrency / 2));
          if (!(await at(point))) throw new Error(`the flows finished before kill ${k + 1} (step ${point})`);
          // A random moment, not the instant a step completed.
          await sleep(between(random, 0, 800));
          const t0 = Date.now();
          const pid = p.stack.worker.pid;
          const atStep = progress.steps;
          await p.stack.worker.kill();
          const down = between(random, 300, 3000);
          await sleep(down);
          const ready = await p.stack.worker.start();
          downMs += Date.now() - t0;
          lastKillStep = progress.steps;
          killLog.push(`kill ${k + 1}: pid ${pid} at step ${atStep}, down ${seconds(down)} + ${seconds(ready)} to start`);
          o.log(`  ${killLog.at(-1)}`);
        }
      });
      const failures: string[] = faultError ? [`fault plan: ${faultError}`] : [];
      return flowResult(p, o.flows, drive, failures, () => ({
        'worker kills (SIGKILL)': p.stack.worker.kills,
        'worker starts': p.stack.worker.starts,
        'worker restart to ready (avg)': seconds(avg(p.stack.worker.readyTimes.slice(1))),
        'worker down (total)': seconds(downMs),
      }));
    },
    // On the archive the killed workers wrote (it needs at least 3 records, and says so otherwise).
    o.archiveDrill ? (p) => archiveDrillOn(p, { seed: o.seed, log: o.log }) : undefined,
  );
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

// ---- 2. restart the Temporal server -----------------------------------------------------------------

export async function temporalRestartDrill(
  o: Omit<FlowDrillOptions, 'temporal'> & {
    restarts: number;
    /** Fractions of the drive's steps the restarts fall between (default 0.12–0.8). */
    window?: [number, number];
  },
): Promise<DrillOutcome> {
  const name = `Temporal server restart (${o.flows} flows, ${o.restarts} restarts)`;
  const [outcome] = await flowDrill(name, 'temporal-restart', o, { persistentTemporal: true }, async (p, random) => {
    const temporal = p.ownTemporal!;
    const points = faultPoints(random, o.restarts, o.flows, ...(o.window ?? [0.12, 0.8]));
    o.log(`  restart plan: after steps ${points.join(', ')} of ${o.flows * STEPS_PER_FLOW}`);
    const failures: string[] = [];
    const downtimes: number[] = [];
    const apiBack: number[] = [];
    const flowsBack: number[] = [];
    const { drive, faultError } = await driveWithFaults(p.stack, o, `tr${o.seed}`, async (at, progress) => {
      for (const [k, point] of points.entries()) {
        if (!(await at(point))) throw new Error(`the flows finished before restart ${k + 1} (step ${point})`);
        await sleep(between(random, 0, 800));
        const stepsBefore = progress.steps;
        // The 1st, 3rd … restart stops the server as the helper does (SIGTERM, SIGKILL after 10 s) and
        // starts it again at once; the 2nd, 4th … crashes it (kill -9) and keeps it down 16–20 s, longer
        // than the API's 15 s budget for a Temporal call, so requests in flight fail with 503 and are retried.
        const hard = k % 2 === 1;
        const down = await temporal.restart({ downMs: hard ? between(random, 16_000, 20_000) : between(random, 500, 3000), hard });
        downtimes.push(down);
        const t0 = Date.now();
        // The same API process must find the new server by itself: /api/ready pings Temporal.
        let apiOk = false;
        for (let i = 0; i < 240 && !apiOk; i++) {
          apiOk = await fetch(`${p.stack.baseUrl}/api/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);
          if (!apiOk) await sleep(250);
        }
        if (!apiOk) failures.push(`restart ${k + 1}: the API process did not reach Temporal again within 60 s (/api/ready not 200)`);
        else apiBack.push(Date.now() - t0);
        // The same worker process must pick work up again: flows make progress.
        const moved = await within(120_000, 'progress', progress.reached(progress.steps + 1)).then(
          () => true,
          () => false,
        );
        if (!moved && progress.steps < o.flows * STEPS_PER_FLOW) failures.push(`restart ${k + 1}: no flow made progress within 120 s of the restart`);
        else flowsBack.push(Date.now() - t0);
        if (!p.stack.worker.running) failures.push(`restart ${k + 1}: the worker process is gone after the Temporal restart`);
        if (!p.stack.api.running) failures.push(`restart ${k + 1}: the API process is gone after the Temporal restart`);
        o.log(
          `  restart ${k + 1} (${hard ? 'kill -9' : 'SIGTERM'}) at step ${stepsBefore}: server down ${seconds(down)}; API ready again after ${apiOk ? seconds(apiBack.at(-1)!) : 'NEVER'}; next step done after ${seconds(flowsBack.at(-1) ?? NaN)}`,
        );
      }
    });
    if (faultError) failures.push(`fault plan: ${faultError}`);
    return flowResult(p, o.flows, drive, failures, () => ({
      'Temporal restarts': downtimes.length,
      'of which kill -9': Math.floor(downtimes.length / 2),
      'Temporal down (total)': seconds(downtimes.reduce((a, b) => a + b, 0)),
      'API ready again after (max)': seconds(Math.max(0, ...apiBack)),
      'first step after restart (max)': seconds(Math.max(0, ...flowsBack)),
      'worker process restarts needed': p.stack.worker.starts - 1,
    }));
  });
  return outcome;
}

// ---- 3. stop PostgreSQL -----------------------------------------------------------------------------

export async function pgOutageDrill(o: Omit<FlowDrillOptions, 'pgServerUrl'> & { outageMs: number }): Promise<DrillOutcome> {
  const name = `PostgreSQL outage (${o.flows} flows, ${seconds(o.outageMs)} down)`;
  const [outcome] = await flowDrill(name, 'pg-outage', o, { ownPg: true }, async (p, random) => {
    const pg = p.pg!;
    const [point] = faultPoints(random, 1, o.flows, 0.25, 0.6);
    o.log(`  outage plan: after step ${point} of ${o.flows * STEPS_PER_FLOW}`);
    const failures: string[] = [];
    const probeStats: HttpStats = { statuses: counter(), retries: 0 };
    const probe = await ApiSession.loginUntil(p.stack.baseUrl, 'manager', { stats: probeStats, timeoutMs: 10_000, deadline: Date.now() + 30_000 });
    const unexpected: string[] = [];
    let probes = 0;
    let outage = 0;
    let recovery = 0;
    const { drive, faultError } = await driveWithFaults(p.stack, o, `pg${o.seed}`, async (at, progress) => {
      if (!(await at(point))) throw new Error(`the flows finished before the outage (step ${point})`);
      await sleep(between(random, 0, 800));
      const t0 = Date.now();
      o.log(`  stopping PostgreSQL at step ${progress.steps}`);
      await pg.stop();
      try {
        // Meanwhile the API must say "unavailable", every time: 503 with Retry-After, not 500, not silence.
        while (Date.now() - t0 < o.outageMs) {
          for (const path of ['/api/tickets', '/api/ready', '/api/tasks']) {
            const res = await probe.once<{ message?: string }>('GET', path);
            probes += 1;
            if (res.status !== 503) unexpected.push(`${path} → ${res.status || 'no answer'} ${JSON.stringify(res.body)?.slice(0, 160)}`);
            else if (path === '/api/tickets' && res.body?.message !== 'The database is unavailable; please retry shortly.') unexpected.push(`${path} → 503 with "${res.body?.message}"`);
          }
          await sleep(500);
        }
      } finally {
        await pg.start();
        outage = Date.now() - t0;
      }
      const t1 = Date.now();
      for (let i = 0; i < 120; i++) {
        if ((await probe.once('GET', '/api/tickets')).status === 200) break;
        await sleep(250);
      }
      recovery = Date.now() - t1;
      o.log(`  PostgreSQL back after ${seconds(outage)}: ${probes} probes answered 503 ${probes - unexpected.length}×; API answering 200 again after ${seconds(recovery)}`);
    });
    if (faultError) failures.push(`fault plan: ${faultError}`);
    if (unexpected.length) failures.push(`during the outage the API answered other than 503 ${unexpected.length}× of ${probes}: ${[...new Set(unexpected)].slice(0, 8).join('; ')}`);
    if (probes === 0) failures.push('no probe ran during the outage');
    return flowResult(p, o.flows, drive, failures, () => ({
      'PostgreSQL down': seconds(outage),
      'probes during outage': probes,
      'probe answers 503': probes - unexpected.length,
      'API 200 again after': seconds(recovery),
    }));
  });
  return outcome;
}

// ---- 4. the archive hash chain ----------------------------------------------------------------------

async function archiveDrillOn(p: Provisioned, o: { seed: number; log: Log }): Promise<DrillOutcome> {
  const started = Date.now();
  const name = 'archive hash chain: verify + tamper detection';
  o.log(`${name}: seed ${o.seed}`);
  let failures: string[];
  let figures: Record<string, number | string> = {};
  try {
    const r = await runArchiveTamperDrill({ databaseUrl: p.db.url, baseUrl: p.stack.baseUrl, random: rng(o.seed ^ 0x5eed), log: o.log });
    failures = r.failures;
    figures = {
      'records verified': r.records,
      'tamper cases': r.cases.length,
      'caught by the chain verifier': r.cases.filter((c) => c.caughtBy.includes('chain')).length,
      'caught only by event-log anchors': r.cases.filter((c) => !c.caughtBy.includes('chain') && c.caughtBy.includes('anchor')).length,
      'missed': r.cases.filter((c) => !c.caughtBy.length).length,
    };
  } catch (e) {
    failures = [(e as Error).message];
  }
  const ok = failures.length === 0;
  o.log(`${ok ? 'PASS' : 'FAIL'} ${name} in ${seconds(Date.now() - started)}`);
  return { name, ok, seed: o.seed, durationMs: Date.now() - started, figures, failures, logDir: p.dir };
}

/** The archive drill on flows of its own (no faults): for when no worker-kill drill ran before it. */
export async function archiveDrill(o: FlowDrillOptions): Promise<DrillOutcome> {
  const started = Date.now();
  const name = 'archive hash chain: verify + tamper detection';
  o.log(`${name} on ${o.flows} flows of its own`);
  const p = await provision('archive', o);
  let outcome: DrillOutcome;
  try {
    const drive = await driveOnsiteFlows({ baseUrl: p.stack.baseUrl, flows: o.flows, concurrency: o.concurrency, runId: `ar${o.seed}`, deadline: Date.now() + o.driveTimeoutMs, log: o.log });
    if (drive.failures.length) throw new Error(`the flows to archive failed: ${drive.failures.join('; ')}`);
    outcome = await archiveDrillOn(p, o);
    outcome.figures = { flows: o.flows, ...outcome.figures };
    outcome.durationMs = Date.now() - started;
  } catch (e) {
    outcome = { name, ok: false, seed: o.seed, durationMs: Date.now() - started, figures: {}, failures: [(e as Error).message], logDir: p.dir };
  }
  await settle(p, [outcome], o.keepLogs);
  return outcome;
}
