import { TicketEvent, TicketTask } from '../../db/entities';
import { TASK_KINDS } from '../../domain/ticket';
import { ApiSession } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';
import { accept, approve, repairForm, triage } from '../../harness/step-data';
import { loadActors, type Actors } from '../../harness/actors';
import { PNG } from 'pngjs';

interface TaskBody {
  id: string;
  kind: string;
  status: string;
  ticketId: string;
  assigneeId: number | null;
}
interface TicketBody {
  id: string;
  faultLevel: number | null;
  replyDueAt: string | null;
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

const newTicket = newTicketBody({ systemCode: 'whiteboard', channel: 'portal', title: '白板不刷新', description: '重症医学科白板停在昨天', reporterName: '陈老师' });

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
    // The same picture, drawn again by the server (only its pixels are kept).
    const stored = ticket!.detail.signature!.image;
    expect(ticket!.detail.signature).toMatchObject({ signerName: '陈老师' });
    expect(pixelsOf(stored)).toEqual(pixelsOf(accept.image));

    type Timeline = { timeline: { kind: string; name: string; actor?: { displayName: string } | null; data?: unknown }[] };
    const history = await dispatcher.get<Timeline>(`/api/tickets/${id}/history`);
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
    // The hospital reads the same story as plain progress: its request's steps, by name.
    const progress = await contact.get<Timeline>(`/api/tickets/${id}/history`);
    expect(progress.body.timeline.filter((e) => e.kind === 'step').map((e) => [e.name, e.actor?.displayName])).toEqual(steps.filter(([name]) => name !== 'intake' && name !== 'claimTask'));
    expect(JSON.stringify(history.body)).not.toContain(stored);
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
    const concurrent = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => dispatcher.post<TicketBody>('/api/tickets', newTicket, { 'Idempotency-Key': `${key}-c` })));
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

describe('the task list over HTTP: who sees which tasks, its filters and its sort', () => {
  // The workflow makes one task at a time and never an unassigned engineer task, so the cases are
  // written as rows on two real tickets: the list reads rows, and each case has a known answer.
  let ours: TicketBody; // at cdphc's hospital
  let theirs: TicketBody; // at demo2's hospital
  let engineer2: ApiSession;
  let manager: ApiSession;
  const T = (n: number) => `${ours.id}-T${n}`;
  const CREATED = new Date('2026-03-01T08:00:00.250Z');
  const inserted: string[] = [];

  beforeAll(async () => {
    [engineer2, manager] = await Promise.all(['engineer2', 'manager'].map((u) => ApiSession.login(stack.baseUrl, u)));
    ours = (await contact.post<TicketBody>('/api/tickets', newTicket)).body;
    theirs = (await otherContact.post<TicketBody>('/api/tickets', { ...newTicket, hospitalId: a.demo2.hospitalId, systemCode: 'mnis' })).body;
    expect([ours.id, theirs.id].every(Boolean)).toBe(true);
    const em = stack.orm.em.fork();
    const row = (ticket: string, id: string, kind: string, candidateRole: string, assignee: number | null, status: string, dueAt: string | null, done?: { outcome: string; by: number }) => {
      inserted.push(id);
      em.create(TicketTask, {
        id,
        ticket,
        kind: kind as never,
        candidateRole: candidateRole as never,
        assignee,
        status: status as never,
        dueAt: dueAt === null ? null : new Date(dueAt),
        outcome: done?.outcome ?? null,
        completedBy: done?.by ?? null,
        completedAt: done ? new Date('2026-03-02T09:30:00.500Z') : null,
        createdAt: CREATED,
      });
    };
    // T1 is the workflow's triage task (dispatcher, unassigned, open, due in an hour).
    row(ours.id, T(91), 'signature', 'hospital_contact', null, 'open', '2100-01-01T00:00:00Z');
    row(ours.id, T(92), 'remote', 'engineer', a.engineer.userId, 'open', '2000-01-01T00:00:00Z');
    row(ours.id, T(93), 'checkin', 'engineer', a.engineer2.userId, 'open', null);
    row(ours.id, T(94), 'repair_form', 'engineer', null, 'open', '2000-01-02T00:00:00Z');
    row(ours.id, T(95), 'dispatch', 'dispatcher', a.dispatcher.userId, 'open', null);
    row(ours.id, T(96), 'signature', 'hospital_contact', null, 'done', '2100-01-02T00:00:00Z', { outcome: 'accept', by: a.cdphc.userId });
    row(ours.id, T(97), 'remote', 'engineer', null, 'cancelled', '2000-01-03T00:00:00Z');
    row(theirs.id, `${theirs.id}-T91`, 'signature', 'hospital_contact', null, 'open', '2100-01-01T00:00:00Z');
    await em.flush();
  });
  // Other suites share the database: leave no open unassigned work in anybody's queue.
  afterAll(() => stack.orm.em.fork().nativeDelete(TicketTask, { id: { $in: inserted } }));

  async function list(session: ApiSession, filter: Record<string, unknown>, sort = ['id', 'ASC'], range = [0, 499]) {
    const res = await session.get<TaskBody[]>('/api/tasks', { filter, sort, range });
    expect(res.status).toBe(200);
    return { ids: res.body.map((t) => t.id), body: res.body, range: res.headers.get('content-range') };
  }
  const ids = async (session: ApiSession, filter: Record<string, unknown>, sort?: string[]) => (await list(session, filter, sort)).ids;

  it('a hospital contact sees the signature tasks of their own hospital only', async () => {
    const own = await list(contact, { ticketId: ours.id });
    expect([own.ids, own.range]).toEqual([[T(91), T(96)], 'tasks 0-1/2']);
    expect(await ids(contact, { ticketId: theirs.id })).toEqual([]);
    expect(await ids(otherContact, { ticketId: theirs.id })).toEqual([`${theirs.id}-T91`]);
    expect(await ids(otherContact, { ticketId: ours.id })).toEqual([]);

    const all = await list(contact, {});
    expect(all.ids).toEqual(expect.arrayContaining([T(91), T(96)]));
    expect(all.ids).not.toContain(`${theirs.id}-T91`);
    expect(new Set(all.body.map((t) => `${t.kind}@${(t as TaskBody & { hospitalId: number }).hospitalId}`))).toEqual(new Set([`signature@${a.cdphc.hospitalId}`]));
    // The single read applies the same rule.
    expect((await contact.get(`/api/tasks/${theirs.id}-T91`)).status).toBe(404);
  });

  it('an engineer sees his own tasks and unassigned engineer tasks, not a colleague’s or a dispatcher’s', async () => {
    expect(await ids(engineer, { ticketId: ours.id })).toEqual([T(92), T(94), T(97)]);
    expect(await ids(engineer2, { ticketId: ours.id })).toEqual([T(93), T(94), T(97)]);
    expect(await ids(engineer, { ticketId: theirs.id })).toEqual([]);
  });

  it('dispatchers and managers see every task', async () => {
    const every = [T(1), T(91), T(92), T(93), T(94), T(95), T(96), T(97)];
    const res = await list(dispatcher, { ticketId: ours.id });
    expect([res.ids, res.range]).toEqual([every, 'tasks 0-7/8']);
    expect(await ids(manager, { ticketId: ours.id })).toEqual(every);
    expect(await ids(dispatcher, { ticketId: theirs.id })).toEqual([`${theirs.id}-T1`, `${theirs.id}-T91`]);
  });

  it('answers each task with the fields, in the order, the single read answers with', async () => {
    const [listed] = (await list(engineer, { id: T(92) })).body;
    expect(listed).toEqual((await engineer.get(`/api/tasks/${T(92)}`)).body);
    expect(Object.keys(listed)).toEqual([
      'id', 'ticketId', 'kind', 'candidateRole', 'assigneeId', 'assigneeName', 'status', 'dueAt', 'outcome',
      'completedById', 'completedByName', 'completedAt', 'createdAt', 'ticketTitle', 'ticketStep', 'faultLevel', 'hospitalId',
      'hospitalName', 'ticketBreached', 'ticketDueAt',
    ]);
    expect(listed).toEqual({
      id: T(92), ticketId: ours.id, kind: 'remote', candidateRole: 'engineer', assigneeId: a.engineer.userId, assigneeName: '张工',
      status: 'open', dueAt: '2000-01-01T00:00:00.000Z', outcome: null, completedById: null, completedByName: null, completedAt: null,
      createdAt: CREATED.toISOString(), ticketTitle: newTicket.title, ticketStep: 'triage', faultLevel: ours.faultLevel, hospitalId: a.cdphc.hospitalId,
      // The queue's columns: the hospital by name, and the ticket's running clock.
      hospitalName: '成都市公共卫生临床医疗中心', ticketBreached: false, ticketDueAt: ours.replyDueAt,
    });
    const [signed] = (await list(contact, { id: T(96) })).body;
    expect(signed).toMatchObject({ assigneeId: null, assigneeName: null, status: 'done', outcome: 'accept', completedById: a.cdphc.userId, completedByName: a.cdphc.displayName, completedAt: '2026-03-02T09:30:00.500Z' });
  });

  it('filters by queue, mine, status, kind, assignee and id, within what the user may see', async () => {
    const on = (filter: Record<string, unknown>) => ({ ticketId: ours.id, ...filter });
    expect(await ids(dispatcher, on({ queue: true }))).toEqual([T(1)]);
    expect(await ids(engineer, on({ queue: true }))).toEqual([T(94)]);
    expect(await ids(contact, on({ queue: true }))).toEqual([T(91)]);
    expect(await ids(engineer, on({ mine: true }))).toEqual([T(92)]);
    expect(await ids(dispatcher, on({ mine: true }))).toEqual([T(95)]);
    expect(await ids(dispatcher, on({ status: 'open' }))).toEqual([T(1), T(91), T(92), T(93), T(94), T(95)]);
    expect(await ids(dispatcher, on({ status: ['done', 'cancelled'] }))).toEqual([T(96), T(97)]);
    expect(await ids(dispatcher, on({ kind: 'signature' }))).toEqual([T(91), T(96)]);
    expect(await ids(dispatcher, on({ kind: ['remote', 'checkin'] }))).toEqual([T(92), T(93), T(97)]);
    expect(await ids(dispatcher, on({ assigneeId: a.engineer2.userId }))).toEqual([T(93)]);
    expect(await ids(engineer, { id: [T(92), T(93), T(95)] })).toEqual([T(92)]);
    // Values are parameters, never SQL.
    expect(await ids(dispatcher, { ticketId: `${ours.id}' or '1'='1` })).toEqual([]);
    expect(await ids(dispatcher, on({ kind: [] }))).toEqual([]);
  });

  it('refuses a bad filter value or an unknown filter with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'teleport' }, 'kind', `kind must be one of ${TASK_KINDS.join(', ')}`],
      [{ kind: ['signature', 'nap'] }, 'kind', `kind must be one of ${TASK_KINDS.join(', ')}`],
      [{ status: 'closed' }, 'status', 'status must be open, done or cancelled'],
      [{ ticketId: 5 }, 'ticketId', 'ticketId must be a ticket number'],
      [{ assigneeId: 'x' }, 'assigneeId', 'assigneeId must be a number'],
      [{ colour: 'red' }, 'colour', 'Unknown filter: colour'],
    ];
    for (const [filter, field, message] of cases) {
      const res = await dispatcher.get<{ code: string; message: string; errors: Record<string, { code: string; message: string }> }>('/api/tasks', { filter: { ticketId: ours.id, ...filter } });
      // A code for the console, the English for other clients; the field says the same.
      expect([filter, res.status, res.body.message, Object.keys(res.body.errors), res.body.errors[field]]).toEqual([filter, 400, message, [field], expect.objectContaining({ code: res.body.code, message })]);
    }
  });

  it('sorts by due date with no date last ascending and first descending, ties by id, and pages', async () => {
    const on = { ticketId: ours.id };
    expect(await ids(dispatcher, on, ['dueAt', 'ASC'])).toEqual([T(92), T(94), T(97), T(1), T(91), T(96), T(93), T(95)]);
    expect(await ids(dispatcher, on, ['dueAt', 'DESC'])).toEqual([T(93), T(95), T(96), T(91), T(1), T(97), T(94), T(92)]);
    const second = await list(dispatcher, on, ['dueAt', 'DESC'], [3, 5]);
    expect([second.ids, second.range]).toEqual([[T(91), T(1), T(97)], 'tasks 3-5/8']);
    expect(await ids(dispatcher, on, ['id', 'DESC'])).toEqual([T(97), T(96), T(95), T(94), T(93), T(92), T(91), T(1)]);
    expect((await dispatcher.get('/api/tasks', { sort: ['due_at', 'ASC'] })).status).toBe(400);
  });
});

/** A PNG data URL's picture: its size and pixels. */
function pixelsOf(dataUrl: string) {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
  return { width: png.width, height: png.height, rgba: [...png.data] };
}
