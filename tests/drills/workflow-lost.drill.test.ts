import { sql } from '../../db/sql';
import { Ticket } from '../../db/entities';
import { drillDir, startOwnTemporal, type OwnTemporal } from '../../harness/drills/infra';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { ApiSession, type ApiResponse } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';
import { approve, escalate, triage } from '../../harness/step-data';
import { sleep } from '../../harness/wait';
import { reconcileScheduleId, ensureReconcileSchedule } from '../../worker/reconcile-schedule';
import { recordHistory } from '../support/histories';
import { drillLog } from './support';

/**
 * Issue 14, item 4. Temporal loses its database (a fresh in-memory dev server on the same port):
 * reconciliation marks every open ticket, the dashboard counts them, each gets one manager task,
 * steps say the workflow is lost; a manager restarts them from PostgreSQL's record and they carry
 * on, SLA timers included. Then the worker dies: /api/ready and the steps say so at once.
 */
type Detail = { id: string; status: string; step: string; workflowState: string | null; replyDueAt: string | null; detailSource: string; detail: unknown; tasks: { id: string; kind: string; status: string }[] };
type Spoken = { code: string; message: string };

let temporal: OwnTemporal;
let stack: Stack;
let scratch: ReturnType<typeof drillDir>;

beforeAll(async () => {
  scratch = drillDir('workflow-lost');
  temporal = await startOwnTemporal(drillLog, { persistent: false, dir: scratch.dir });
  stack = await startStack({ ownDatabase: true, temporalAddress: temporal.address });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await temporal?.stop();
  scratch?.remove();
});

const ok = <T>(res: ApiResponse<T>, what: string): T => {
  if (res.status !== 200 && res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
};

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(300);
  }
}

const db = () => stack.orm.em.fork();

describe('drill: Temporal loses its database, then the worker dies', () => {
  const REPLY_SECONDS = 100;
  const tickets: { id: string; group: number; openTasks: string[] }[] = [];
  let manager: ApiSession;
  let dispatcher: ApiSession;
  let engineer: ApiSession;

  it('20 open tickets at different steps are marked lost, counted, raised once each and refused as lost; restarted, they carry on from their last state and their SLA timers fire again', async () => {
    [manager, dispatcher, engineer] = await Promise.all(['manager', 'dispatcher', 'engineer'].map((u) => ApiSession.login(stack.baseUrl, u)));
    // Every level: a reply due 100 s after receipt, so the untriaged tickets breach during the drill.
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: REPLY_SECONDS, firstSolutionSeconds: null, warnAt: [] });
    const task = async (ticketNo: string, kind: string) => {
      const t = ok(await dispatcher.get<Detail>(`/api/tickets/${ticketNo}`), 'ticket').tasks.find((x) => x.kind === kind && x.status === 'open');
      if (!t) throw new Error(`${ticketNo}: no open ${kind} task`);
      return t.id;
    };
    for (let i = 0; i < 20; i++) {
      const created = ok(await dispatcher.post<Detail>('/api/tickets', newTicketBody({ hospitalId, title: `丢失演练 ${i}` })), 'create');
      const no = created.id;
      const group = i % 4;
      // 0: waits for triage (its reply clock runs); 1: remote; 2: on site, checked in; 3: escalated to dispatch, with a note.
      if (group >= 1) {
        const route = group === 1 ? 'remote' : group === 2 ? 'onsite' : 'remote';
        ok(await dispatcher.post(`/api/tasks/${await task(no, 'triage')}/complete`, triage(route, engineer.userId)), 'triage');
      }
      if (group === 2) {
        ok(await dispatcher.post(`/api/tasks/${await task(no, 'dispatch')}/complete`, approve(engineer.userId)), 'dispatch');
        ok(await engineer.post(`/api/tasks/${await task(no, 'checkin')}/complete`, { note: '已到场' }), 'checkin');
      }
      if (group === 3) {
        ok(await engineer.post(`/api/tasks/${await task(no, 'remote')}/complete`, escalate), 'escalate');
        ok(await dispatcher.post(`/api/tickets/${no}/notes`, { text: '等待现场' }), 'note');
      }
      const now = ok(await dispatcher.get<Detail>(`/api/tickets/${no}`), 'ticket');
      tickets.push({ id: no, group, openTasks: now.tasks.filter((t) => t.status === 'open').map((t) => t.id).sort() });
    }
    expect(tickets.every((t) => t.openTasks.length === 1)).toBe(true);

    // Temporal loses its state: the dev server (in memory) stops and a fresh one starts on its port.
    const down = await temporal.restart();
    drillLog(`Temporal restarted empty after ${down} ms`);
    await until('the API reaches the new server', 60_000, async () => (await dispatcher.get('/api/ready')).status === 200);

    // Reconciliation, as a worker start sets it up: the schedule is created on the new server and runs at once.
    await until('the schedule is created', 60_000, () => ensureReconcileSchedule(stack.client, stack.taskQueue).then(() => true));
    const marked = await until('every ticket marked', 90_000, async () => {
      const [{ n }] = await sql<{ n: number }>(db(), `select count(*)::int as n from tickets where workflow_state = 'missing'`);
      return n === 20 && n;
    });
    expect(marked).toBe(20);
    const dashboard = ok(await manager.get<{ workflowsLost: number }>('/api/dashboard'), 'dashboard');
    expect(dashboard.workflowsLost).toBe(20);
    const lostList = await manager.get<Detail[]>('/api/tickets', { filter: { workflowLost: true }, range: [0, 49] });
    expect(lostList.body.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
    const lostTasks = await sql<{ ticket_id: string; candidate_role: string; n: number }>(
      db(),
      `select ticket_id, candidate_role, count(*)::int as n from tasks where kind = 'workflow_lost' and status = 'open' group by 1, 2`,
    );
    expect(lostTasks).toHaveLength(20);
    expect(lostTasks.every((t) => t.n === 1 && t.candidate_role === 'manager')).toBe(true);
    // The manager sees them among their tasks; they are not done by a form.
    const mine = ok(await manager.get<{ id: string; kind: string }[]>('/api/tasks', { filter: { status: 'open' }, range: [0, 99] }), 'tasks');
    const lostTask = mine.find((t) => t.kind === 'workflow_lost')!;
    expect(lostTask).toBeDefined();
    expect((await manager.post<Spoken>(`/api/tasks/${lostTask.id}/complete`, {})).body.code).toBe('task.restart_instead');

    // A step on a lost ticket says so, not "the ticket is closed".
    const [t0, t1] = [tickets.find((t) => t.group === 0)!, tickets.find((t) => t.group === 1)!];
    const note = await dispatcher.post<Spoken>(`/api/tickets/${t0.id}/notes`, { text: '还在吗' });
    expect([note.status, note.body.code]).toEqual([409, 'ticket.workflow_lost']);
    const step = await engineer.post<Spoken>(`/api/tasks/${t1.openTasks[0]}/complete`, { outcome: 'resolved', actions: '远程处理', solution: '已恢复' });
    expect([step.status, step.body.code]).toEqual([409, 'ticket.workflow_lost']);
    // The page answers promptly from PostgreSQL's record.
    const page = ok(await dispatcher.get<Detail>(`/api/tickets/${t1.id}`), 'page');
    expect([page.workflowState, page.detailSource, page.detail === null]).toEqual(['missing', 'database', false]);
    const timeline = await dispatcher.get<{ source: string; timeline: unknown[] }>(`/api/tickets/${t1.id}/history`);
    expect([timeline.status, timeline.body.source, timeline.body.timeline]).toEqual([200, 'none', []]);

    // Reconciliation again: still one task per ticket, nothing marked anew.
    const runs = async () => {
      let n = 0;
      for await (const _ of stack.client.workflow.list({ query: `WorkflowType = 'reconcileWorkflow' AND ExecutionStatus = 'Completed'` })) n++;
      return n;
    };
    const before = await until('the first run listed', 30_000, async () => (await runs()) >= 1 && runs());
    await stack.client.schedule.getHandle(reconcileScheduleId(stack.taskQueue)).trigger();
    await until('a second run', 60_000, async () => (await runs()) > before);
    const [{ n: tasksAfter }] = await sql<{ n: number }>(db(), `select count(*)::int as n from tasks where kind = 'workflow_lost'`);
    expect(tasksAfter).toBe(20);

    // Only managers restart.
    expect((await dispatcher.post(`/api/tickets/${t0.id}/restart`)).status).toBe(403);
    const restartedAt = Date.now();
    for (const t of tickets) {
      const res = ok(await manager.post<Detail & { restart: { skipped: unknown[] } }>(`/api/tickets/${t.id}/restart`), `restart ${t.id}`);
      expect(res.restart.skipped).toEqual([]);
      expect(res.workflowState).toBeNull();
      // Its tasks are open again (the same ones), its manager task is done.
      expect(res.tasks.filter((x) => x.status === 'open').map((x) => x.id).sort()).toEqual(t.openTasks);
      expect(res.tasks.find((x) => x.kind === 'workflow_lost')?.status).toBe('done');
      expect(res.detailSource).toBe('workflow');
    }
    expect((await manager.post<Spoken>(`/api/tickets/${t0.id}/restart`)).body.code).toBe('ticket.restart_running');
    expect(ok(await manager.get<{ workflowsLost: number }>('/api/dashboard'), 'dashboard').workflowsLost).toBe(0);

    // They carry on: a step works again, on the restarted run.
    ok(await engineer.post(`/api/tasks/${t1.openTasks[0]}/complete`, { outcome: 'resolved', actions: '远程处理', solution: '已恢复' }), 'remote resolved after restart');
    const g3 = tickets.find((t) => t.group === 3)!;
    ok(await dispatcher.post(`/api/tasks/${g3.openTasks[0]}/complete`, approve(engineer.userId)), 'dispatch after restart');
    // The restarted run goes to the end: archived, and (RECORD_HISTORIES=1) kept for the replay test.
    await until(`${t1.id} archived`, 60_000, async () => (await sql<{ status: string }>(db(), 'select status from tickets where id = ?', [t1.id]))[0].status === 'archived');
    await recordHistory(stack, t1.id, 'restarted-then-resolved');

    // The untriaged tickets' reply clocks breach at their original deadlines (or at once if passed).
    const untriaged = tickets.filter((t) => t.group === 0);
    for (const t of untriaged) {
      const breach = await until(`${t.id} breaches`, 150_000, async () => {
        const [e] = await sql<{ at: Date; due: Date; restarted: Date }>(
          db(),
          `select e.at, k.reply_due_at as due, (select r.at from ticket_events r where r.ticket_id = k.id and r.type = 'restarted') as restarted
           from ticket_events e join tickets k on k.id = e.ticket_id where e.ticket_id = ? and e.type = 'sla_breached'`,
          [t.id],
        );
        return e;
      });
      const at = new Date(breach.at).getTime();
      const due = new Date(breach.due).getTime();
      expect(at).toBeGreaterThanOrEqual(Math.max(due, new Date(breach.restarted).getTime()) - 1000);
      expect(at).toBeLessThanOrEqual(Math.max(due, restartedAt) + 15_000);
      const after = ok(await manager.get<Detail>(`/api/tickets/${t.id}`), 'page');
      expect(after.tasks.filter((x) => x.status === 'open').map((x) => x.kind).sort()).toEqual(['escalation', 'triage']);
    }
  }, 420_000);

  it('the worker dies: /api/ready is 503 within the window, a step is 503 workflow.no_worker within 2 s, a page answers from the database; back once it runs again', async () => {
    dispatcher ??= await ApiSession.login(stack.baseUrl, 'dispatcher');
    const live = ok(await dispatcher.post<Detail>('/api/tickets', newTicketBody({ title: '工作进程演练' })), 'create');
    expect((await dispatcher.get<{ worker: string }>('/api/ready')).body).toMatchObject({ status: 'ready', worker: 'ok' });
    await stack.stopWorker();
    const t0 = Date.now();
    const ready = await until('ready says unavailable', 35_000, async () => {
      const r = await dispatcher.get<{ status: string; worker: string }>('/api/ready');
      return r.status === 503 && r;
    });
    drillLog(`/api/ready 503 ${Date.now() - t0} ms after the worker stopped`);
    expect(ready.body).toMatchObject({ status: 'unavailable', database: 'ok', temporal: 'ok', worker: 'unavailable' });
    const anonymous = await fetch(`${stack.baseUrl}/api/ready`);
    expect([anonymous.status, await anonymous.json()]).toEqual([503, { status: 'unavailable' }]);

    // The API keeps a "worker alive" for 1 s (api/workflow/worker-liveness.ts): past that, nothing waits.
    await sleep(1100);
    let started = Date.now();
    const note = await dispatcher.post<Spoken>(`/api/tickets/${live.id}/notes`, { text: '工作进程停了' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect([note.status, note.body.code, note.headers.get('retry-after')]).toEqual([503, 'workflow.no_worker', '5']);
    // Raising a request waits for no worker either, and is not lost: its run waits for a worker, and
    // the retry with the same key, once one runs, is that ticket.
    const raised = newTicketBody({ title: '无工作进程时报修' });
    started = Date.now();
    const refused = await dispatcher.post<Spoken>('/api/tickets', raised, { 'Idempotency-Key': `no-worker-${live.id}` });
    expect(Date.now() - started).toBeLessThan(2000);
    expect([refused.status, refused.body.code]).toEqual([503, 'workflow.no_worker']);
    const [kept] = await sql<{ ticket_id: string }>(db(), `select ticket_id from idempotency_keys where key = ?`, [`no-worker-${live.id}`]);
    expect((await stack.client.workflow.getHandle(`ticket-${kept.ticket_id}`).describe()).status.name).toBe('RUNNING');
    started = Date.now();
    const page = ok(await dispatcher.get<Detail>(`/api/tickets/${live.id}`), 'page');
    expect(Date.now() - started).toBeLessThan(2000);
    expect([page.detailSource, page.detail === null]).toEqual(['database', false]);

    // A worker killed outright leaves its row behind: past 30 s it no longer counts.
    await sql(db(), `insert into worker_heartbeats (id, task_queue, beat_at, started_at) values ('killed#1', ?, now() - interval '31 seconds', now() - interval '1 hour')`, [stack.taskQueue]);
    expect((await dispatcher.get('/api/ready')).status).toBe(503);

    await stack.startWorker();
    expect((await dispatcher.get('/api/ready')).status).toBe(200);
    ok(await dispatcher.post(`/api/tickets/${live.id}/notes`, { text: '恢复了' }), 'note after the worker is back');
    const retried = await dispatcher.post<Detail>('/api/tickets', raised, { 'Idempotency-Key': `no-worker-${live.id}` });
    expect([retried.status, retried.body.id]).toEqual([200, kept.ticket_id]);
    expect(await db().count(Ticket, { title: raised.title })).toBe(1);
  }, 120_000);
});
