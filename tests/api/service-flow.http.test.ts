import { TicketEvent } from '../../db/entities';
import { ApiSession } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { accept, approve, repairForm, triage } from '../support/step-data';
import { loadActors, type Actors } from '../support/flow';

interface TaskBody {
  id: string;
  kind: string;
  status: string;
  ticketId: string;
  assigneeId: number | null;
}
interface TicketBody {
  id: string;
  status: string;
  step: string;
  tasks: TaskBody[];
  detail: { notes: { text: string }[]; signature: { signerName: string; image: string } | null; sla: { clocks: { name: string; met: boolean | null }[] }; repairForms: { hash: string }[] };
}

let stack: Stack;
let a: Actors;
let dispatcher: ApiSession;
let dispatcher2: ApiSession;
let engineer: ApiSession;
let contact: ApiSession;
let otherContact: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  a = await loadActors(stack.orm);
  [dispatcher, dispatcher2, engineer, contact, otherContact] = await Promise.all(
    ['dispatcher', 'dispatcher2', 'engineer', 'cdphc', 'demo2'].map((u) => ApiSession.login(stack.baseUrl, u)),
  );
});
afterAll(() => stack?.stop());

const newTicket = { hospitalId: 1, systemCode: 'whiteboard', channel: 'portal', faultLevel: 2, title: '白板不刷新', description: '重症医学科白板停在昨天', reporterName: '陈老师' };

async function openTask(session: ApiSession, ticketId: string, kind: string): Promise<TaskBody> {
  const res = await session.get<TaskBody[]>('/api/tasks', { filter: { ticketId, status: 'open', kind } });
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(1);
  return res.body[0];
}

describe('the on-site flow over HTTP, as four people do it', () => {
  it('raise → triage → dispatch → check-in → repair form → sign → archived, with a readable history', async () => {
    const created = await contact.post<TicketBody>('/api/tickets', newTicket);
    expect(created.status).toBe(201);
    const id = created.body.id;

    // The dispatcher sees the triage task in the queue and claims it.
    const queue = await dispatcher.get<TaskBody[]>('/api/tasks', { filter: { queue: true, ticketId: id } });
    expect(queue.body.map((t) => t.kind)).toEqual(['triage']);
    const claimed = await dispatcher.post<TaskBody>(`/api/tasks/${queue.body[0].id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assigneeId).toBe(a.dispatcher.userId);

    let res = await dispatcher.post<TaskBody>(`/api/tasks/${queue.body[0].id}/complete`, triage('onsite', a.engineer.userId));
    expect([res.status, res.body.status]).toEqual([200, 'done']);

    const dispatchTask = await openTask(dispatcher2, id, 'dispatch');
    res = await dispatcher2.post(`/api/tasks/${dispatchTask.id}/complete`, approve(a.engineer.userId));
    expect(res.status).toBe(200);

    // The engineer's own list shows the check-in, then the repair form.
    const mine = await engineer.get<TaskBody[]>('/api/tasks', { filter: { mine: true, status: 'open' } });
    expect(mine.body.map((t) => [t.ticketId, t.kind])).toContainEqual([id, 'checkin']);
    res = await engineer.post(`/api/tasks/${(await openTask(engineer, id, 'checkin')).id}/complete`, { note: '到达' });
    expect(res.status).toBe(200);
    res = await engineer.post(`/api/tasks/${(await openTask(engineer, id, 'repair_form')).id}/complete`, repairForm());
    expect(res.status).toBe(200);

    expect((await contact.post(`/api/tickets/${id}/notes`, { text: '已通知护士长验收' })).status).toBe(200);
    const signTask = await openTask(contact, id, 'signature');
    expect((await otherContact.post(`/api/tasks/${signTask.id}/complete`, accept)).status).toBe(404);
    res = await contact.post(`/api/tasks/${signTask.id}/complete`, accept);
    expect(res.status).toBe(200);

    // Archiving finishes right after the signature: poll the ticket until it is archived.
    let ticket: TicketBody | undefined;
    for (let i = 0; i < 50; i++) {
      ticket = (await dispatcher.get<TicketBody>(`/api/tickets/${id}`)).body;
      if (ticket.status === 'archived') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ticket).toMatchObject({ status: 'archived', step: 'archived' });
    expect(ticket!.tasks.map((t) => [t.kind, t.status])).toEqual([
      ['triage', 'done'],
      ['dispatch', 'done'],
      ['checkin', 'done'],
      ['repair_form', 'done'],
      ['signature', 'done'],
    ]);
    expect(ticket!.detail.notes.map((n) => n.text)).toEqual(['已通知护士长验收']);
    expect(ticket!.detail.signature).toMatchObject({ signerName: '陈老师', image: accept.image });

    const history = await contact.get<{ timeline: { kind: string; name: string; actor?: { displayName: string } | null; data?: unknown }[] }>(`/api/tickets/${id}/history`);
    expect(history.status).toBe(200);
    const steps = history.body.timeline.filter((e) => e.kind === 'step').map((e) => [e.name, e.actor?.displayName]);
    expect(steps).toEqual([
      ['intake', undefined],
      ['claimTask', '李调度'],
      ['triage', '李调度'],
      ['dispatchDecision', '赵调度'],
      ['checkIn', '张工'],
      ['repairForm', '张工'],
      ['addNote', '陈老师（信息科）'],
      ['signature', '陈老师（信息科）'],
    ]);
    expect(JSON.stringify(history.body)).not.toContain(accept.image);
    expect(history.body.timeline.at(-1)!.kind).toBe('completed');

    const download = await dispatcher.request<{ history: { events: unknown[] } }>('GET', `/api/tickets/${id}/history?download=1`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${id}-history.json"`);
    expect(download.body.history.events.length).toBeGreaterThan(20);

    // Archived: further steps are refused with the reason, not a crash.
    const late = await dispatcher.post<{ message: string }>(`/api/tickets/${id}/notes`, { text: '补充' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/closed|archived/);
  });

  it('two dispatchers approving one dispatch: one 200, one 409 with the reason', async () => {
    const id = (await dispatcher.post<TicketBody>('/api/tickets', { ...newTicket, channel: 'phone' })).body.id;
    await dispatcher.post(`/api/tasks/${(await openTask(dispatcher, id, 'triage')).id}/complete`, triage('onsite', a.engineer.userId));
    const task = await openTask(dispatcher, id, 'dispatch');
    const [r1, r2] = await Promise.all([
      dispatcher.post<{ message?: string }>(`/api/tasks/${task.id}/complete`, approve(a.engineer.userId)),
      dispatcher2.post<{ message?: string }>(`/api/tasks/${task.id}/complete`, approve(a.engineer2.userId)),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(loser.body.message).toMatch(/not open|already done/);
  });

  it('a retried completion by the same person is applied once and answers 200 both times', async () => {
    const id = (await dispatcher.post<TicketBody>('/api/tickets', { ...newTicket, channel: 'phone' })).body.id;
    const task = await openTask(dispatcher, id, 'triage');
    const body = triage('remote', a.engineer.userId);
    const first = await dispatcher.post(`/api/tasks/${task.id}/complete`, body, { 'Idempotency-Key': `retry-${task.id}` });
    const again = await dispatcher.post(`/api/tasks/${task.id}/complete`, body, { 'Idempotency-Key': `retry-${task.id}` });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const events = await stack.orm.em.fork().count(TicketEvent, { ticket: id, type: 'triaged' });
    expect(events).toBe(1);
    // Someone else trying the done task is told it is done.
    expect((await dispatcher2.post(`/api/tasks/${task.id}/complete`, body)).status).toBe(409);
  });

  it('refuses step data field by field (400), unsuitable people (422), and other people’s tasks (403)', async () => {
    const id = (await dispatcher.post<TicketBody>('/api/tickets', { ...newTicket, channel: 'phone' })).body.id;
    const task = await openTask(dispatcher, id, 'triage');
    const bad = await dispatcher.post<{ errors: Record<string, string> }>(`/api/tasks/${task.id}/complete`, { ...triage('remote', a.engineer.userId), route: 'teleport', analysis: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['analysis', 'route']);
    const notEngineer = await dispatcher.post<{ errors: Record<string, string> }>(`/api/tasks/${task.id}/complete`, triage('onsite', a.cdphc.userId));
    expect(notEngineer.status).toBe(422);
    expect(Object.keys(notEngineer.body.errors)).toEqual(['assigneeId']);
    expect((await engineer.post(`/api/tasks/${task.id}/complete`, triage('remote', a.engineer.userId))).status).toBe(404);
    const manager = await ApiSession.login(stack.baseUrl, 'manager');
    expect((await manager.post(`/api/tasks/${task.id}/complete`, triage('remote', a.engineer.userId))).status).toBe(403);
  });

  it('creates one ticket per Idempotency-Key, and refuses the key with a different body', async () => {
    const key = `call-${Date.now()}`;
    const first = await dispatcher.post<TicketBody>('/api/tickets', newTicket, { 'Idempotency-Key': key });
    const again = await dispatcher.post<TicketBody>('/api/tickets', newTicket, { 'Idempotency-Key': key });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const concurrent = await Promise.all([1, 2, 3].map(() => dispatcher.post<TicketBody>('/api/tickets', newTicket, { 'Idempotency-Key': `${key}-c` })));
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    // Replayed after the ticket has closed: still the same ticket, and no second run.
    expect((await dispatcher.post(`/api/tickets/${first.body.id}/cancel`, { reason: '重复' })).status).toBe(200);
    await stack.client.workflow.getHandle(`ticket-${first.body.id}`).result();
    const late = await dispatcher.post<TicketBody>('/api/tickets', newTicket, { 'Idempotency-Key': key });
    expect([late.status, late.body.id, late.body.status]).toEqual([200, first.body.id, 'cancelled']);
    const other = await dispatcher.post<{ errors: Record<string, string> }>('/api/tickets', { ...newTicket, title: '别的问题' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(Object.keys(other.body.errors)).toEqual(['Idempotency-Key']);
  });

  it('pause, resume, level and cancel through the ticket endpoints, each for the right roles', async () => {
    const id = (await contact.post<TicketBody>('/api/tickets', newTicket)).body.id;
    expect((await contact.post(`/api/tickets/${id}/pause`, { reason: 'x' })).status).toBe(403);
    let r = await dispatcher.post<TicketBody & { pausedSince: string | null }>(`/api/tickets/${id}/pause`, { reason: '等待医院确认' });
    expect(r.status).toBe(200);
    expect(r.body.pausedSince).not.toBeNull();
    expect((await dispatcher.post<{ message: string }>(`/api/tickets/${id}/pause`, { reason: '再停' })).status).toBe(409);
    r = await dispatcher.post(`/api/tickets/${id}/resume`, {});
    expect([r.status, r.body.pausedSince]).toEqual([200, null]);
    const level = await dispatcher.post<{ faultLevel: number }>(`/api/tickets/${id}/level`, { faultLevel: 1, reason: '影响全院' });
    expect([level.status, level.body.faultLevel]).toEqual([200, 1]);
    expect((await dispatcher.post(`/api/tickets/${id}/level`, { faultLevel: 5, reason: 'x' })).status).toBe(400);
    expect((await dispatcher.get('/api/tickets', { filter: { breached: 'yes' } })).status).toBe(400);
    const overdue = await dispatcher.get<{ id: string }[]>('/api/tickets', { filter: { breached: true }, range: [0, 499] });
    expect(overdue.body.map((t) => t.id)).not.toContain(id);
    const cancelled = await contact.post<TicketBody>(`/api/tickets/${id}/cancel`, { reason: '误报' });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
  });
});
