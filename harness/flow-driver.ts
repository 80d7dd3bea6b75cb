/**
 * Drives on-site service flows over the real HTTP API, as the four people of the flow do it:
 * the dispatcher raises and triages the request and approves the dispatch, the engineer checks in
 * and files the repair form, the hospital's contact signs; then the ticket must reach `archived`.
 * Requests that meet an outage (no answer, 502/503/504) are retried with the same idempotency
 * (the ticket's Idempotency-Key, the task's own completion), so a retry never doubles a step.
 */
import { counter } from './counter';
import { DrillFailure, type Log } from './drill-report';
import { ApiSession, type HttpStats } from './http-session';
import { newTicketBody } from './new-ticket';
import { accept, approve, repairForm, triage } from './step-data';
import { sleep } from './wait';

/** The tasks of an on-site flow, in order, and who completes them. */
export const ONSITE_TASKS = ['triage', 'dispatch', 'checkin', 'repair_form', 'signature'] as const;
/** One projection per event, in this order, each exactly once. */
export const ONSITE_EVENTS = ['created', 'triage_requested', 'triaged', 'dispatch_approved', 'checked_in', 'repair_form_submitted', 'signed', 'archived'] as const;
/** Steps the driver counts per flow: the ticket, five tasks, and seeing it archived. */
export const STEPS_PER_FLOW = 1 + ONSITE_TASKS.length + 1;

interface TaskBody {
  id: string;
  kind: string;
  status: string;
  completedById: number | null;
}

/** Completed steps so far; fault plans wait on it so faults land while flows are mid-way. */
export class Progress {
  steps = 0;
  private waiters: { n: number; resolve: () => void }[] = [];
  step(): void {
    this.steps += 1;
    this.waiters = this.waiters.filter((w) => (w.n <= this.steps ? (w.resolve(), false) : true));
  }
  /** Resolves once `n` steps are done (or at once if they are). */
  reached(n: number): Promise<void> {
    if (this.steps >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

export interface DriveOptions {
  baseUrl: string;
  flows: number;
  /** Flows in flight at once. */
  concurrency: number;
  /** Prefix of Idempotency-Keys and titles, unique per drive. */
  runId: string;
  /** No request is retried past this moment (epoch ms). */
  deadline: number;
  log: Log;
  progress?: Progress;
  /**
   * How long a signed ticket may take to reach `archived` (default 150 s: the archive activity has a
   * 2-minute start-to-close timeout, so one lost to a fault is retried within that).
   */
  archiveWaitMs?: number;
  /**
   * Asked while a signed ticket waits for `archived`: a reason when the workflow's own state
   * disagrees with what the API showed (the flow then fails early instead of at the timeout).
   */
  divergence?: (ticketId: string) => Promise<string | undefined>;
}

export interface DriveReport {
  /** Ticket numbers of the flows that got one, by flow index. */
  tickets: string[];
  archived: number;
  failures: string[];
  http: { statuses: Record<string, number>; retries: number };
  durationMs: number;
  slowestFlowMs: number;
  /** The slowest single steps (a step = finding the task and completing it, or waiting for the archive). */
  slowestSteps: { ticket: string; step: string; ms: number; at: string }[];
}

const newTicket = (runId: string, i: number) =>
  newTicketBody({
    systemCode: 'whiteboard',
    // Level 4: a day to reply, two hours before the first unclaimed reminder, so no SLA timer fires
    // during a drill and every flow has exactly the on-site events.
    faultLevel: 4,
    title: `演练 ${runId} #${i}: 白板不刷新`,
    description: '重症医学科护士站白板停在昨天的手术安排',
    reporterName: '陈老师',
  });

export async function driveOnsiteFlows(o: DriveOptions): Promise<DriveReport> {
  const started = Date.now();
  const stats: HttpStats = { statuses: counter(), retries: 0 };
  const progress = o.progress ?? new Progress();
  const [dispatcher, engineer, contact] = await Promise.all(
    ['dispatcher', 'engineer', 'cdphc'].map((u) => ApiSession.loginUntil(o.baseUrl, u, { stats, deadline: o.deadline })),
  );
  const stepData: Record<(typeof ONSITE_TASKS)[number], { session: ApiSession; data: unknown }> = {
    triage: { session: dispatcher, data: triage('onsite', engineer.userId, 4) },
    dispatch: { session: dispatcher, data: approve(engineer.userId) },
    checkin: { session: engineer, data: { note: '已到达重症医学科' } },
    repair_form: { session: engineer, data: repairForm() },
    signature: { session: contact, data: accept },
  };

  const tickets: string[] = [];
  const failures: string[] = [];
  let archived = 0;
  let slowest = 0;
  const steps: DriveReport['slowestSteps'] = [];
  const timed = async <T>(ticket: string, step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      steps.push({ ticket, step, ms: Date.now() - t0, at: new Date(t0).toISOString().slice(11, 23) });
      steps.sort((a, b) => b.ms - a.ms);
      steps.splice(5);
    }
  };

  /** The one task of `kind` on the ticket; waits while its row is not there yet, fails on two. */
  async function taskOf(session: ApiSession, ticketId: string, kind: string): Promise<TaskBody> {
    const filter = encodeURIComponent(JSON.stringify({ ticketId, kind }));
    for (;;) {
      const res = await session.until<TaskBody[]>([200], 'GET', `/api/tasks?filter=${filter}`, { deadline: o.deadline, what: `${ticketId} find ${kind}` });
      if (res.body.length > 1) throw new DrillFailure(`${ticketId}: ${res.body.length} ${kind} tasks (${res.body.map((t) => t.id).join(', ')})`);
      if (res.body.length === 1) return res.body[0];
      if (Date.now() > o.deadline) throw new DrillFailure(`${ticketId}: no ${kind} task by the deadline`);
      await sleep(300);
    }
  }

  async function flow(i: number): Promise<void> {
    const t0 = Date.now();
    const created = await dispatcher.until<{ id: string }>([200, 201], 'POST', '/api/tickets', {
      body: newTicket(o.runId, i),
      headers: { 'Idempotency-Key': `${o.runId}-${i}` },
      deadline: o.deadline,
      what: `flow ${i} create`,
    });
    const id = created.body.id;
    tickets[i] = id;
    progress.step();
    let previous = 'the ticket';
    for (const kind of ONSITE_TASKS) {
      const { session, data } = stepData[kind];
      // Also when the row already says done: a completion by the same person answers 200 again.
      const res = await timed(id, kind, async () => {
        const task = await taskOf(session, id, kind);
        try {
          return await session.until<TaskBody>([200], 'POST', `/api/tasks/${task.id}/complete`, {
            body: data,
            deadline: o.deadline,
            what: `${id} ${kind}`,
          });
        } catch (e) {
          // A refusal right after a retried step: say so, it is the tell-tale of a step lost on the way.
          throw new DrillFailure(`${(e as Error).message} — after ${previous}`);
        }
      });
      previous = `${kind} answered 200 ${res.attempts === 1 ? 'at once' : `on attempt ${res.attempts} (earlier attempts: outage answers)`}`;
      if (res.body.status !== 'done' || res.body.completedById !== session.userId) {
        throw new DrillFailure(`${id} ${kind}: completed with 200 but the task reads ${JSON.stringify(res.body)}`);
      }
      progress.step();
    }
    const signedAt = Date.now();
    let lastCheck = signedAt;
    let disagreed = false;
    const archiveBy = Math.min(o.deadline, Date.now() + (o.archiveWaitMs ?? 150_000));
    await timed(id, 'archived', async () => {
      for (;;) {
        const res = await dispatcher.until<{ status: string; step: string }>([200], 'GET', `/api/tickets/${id}`, { deadline: o.deadline, what: `${id} archived?` });
        if (res.body.status === 'archived') break;
        if (res.body.status !== 'resolved') throw new DrillFailure(`${id}: after the signature the ticket is ${res.body.status}/${res.body.step}`);
        if (Date.now() > archiveBy) throw new DrillFailure(`${id}: signed, but still ${res.body.status} ${Math.round((Date.now() - signedAt) / 1000)} s later`);
        // From 30 s after the signature, every 15 s: two disagreeing answers in a row fail the flow
        // (one alone may be a workflow caught mid-recovery from a fault).
        if (o.divergence && Date.now() - signedAt > 30_000 && Date.now() - lastCheck > 15_000) {
          lastCheck = Date.now();
          const why = await o.divergence(id);
          if (why && disagreed) throw new DrillFailure(`${id}: the API shows it ${res.body.status} after the signature, but ${why}`);
          disagreed = !!why;
        }
        await sleep(500);
      }
    });
    archived += 1;
    progress.step();
    slowest = Math.max(slowest, Date.now() - t0);
  }

  let next = 0;
  let lastReport = Date.now();
  const runner = async () => {
    while (next < o.flows) {
      const i = next++;
      try {
        await flow(i);
      } catch (e) {
        failures.push(`flow ${i}${tickets[i] ? ` (${tickets[i]})` : ''}: ${(e as Error).message}`);
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        o.log(`  … ${archived}/${o.flows} flows archived, ${progress.steps} steps, ${stats.retries} retries, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.flows) }, runner));
  return {
    tickets,
    archived,
    failures,
    http: { statuses: stats.statuses.all(), retries: stats.retries },
    durationMs: Date.now() - started,
    slowestFlowMs: slowest,
    slowestSteps: steps,
  };
}
