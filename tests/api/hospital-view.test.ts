import { User } from '../../db/entities';
import { loadActors, type Actors } from '../../harness/actors';
import { ApiSession, type ApiResponse } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';
import { accept, approve, repairForm, triage } from '../../harness/step-data';

/**
 * What a hospital contact may read of its own ticket (issue 15, part 3): every answer it can get
 * about a ticket that has an internal note, a note for the hospital and a first analysis is
 * searched, as serialized JSON, for the vendor's words; staff still see all of them.
 */
const ANALYSIS = '首诊分析：中间件连接池耗尽-A7731';
const PLAN = '内部方案：先查连接池-P7731';
const DISPATCH_PLAN = '派工安排：张工 16:00 前到场-D7731';
const INTERNAL_NOTE = '内部备注：医院信息科配合度差-N7731';
const FOR_HOSPITAL = '给医院：工程师今天下午到场-H7731';
const CONTACT_NOTE = '医院补充：仅三楼 PDA 受影响-C7731';
const ENGINEER_PHONE = '13900007731';
/** What the raw workflow history, a worker or the Temporal UI would leave in an answer. */
const ENGINE_WORDS = ['EVENT_TYPE', 'WorkflowExecution', 'taskQueue', 'identity', 'workflowId', 'ticket-SR-', 'temporal', 'activity', 'projectBatch'];

interface TicketBody {
  id: string;
  workflowId?: string;
  tasks: { id: string; kind: string; status: string }[];
  detail: { triage: { analysis?: string } | null; notes: { text: string; audience: string; by: unknown }[] };
}

let stack: Stack;
let a: Actors;
let dispatcher: ApiSession;
let engineer: ApiSession;
let contact: ApiSession;
let manager: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  a = await loadActors(stack.orm);
  [dispatcher, engineer, contact, manager] = await Promise.all(['dispatcher', 'engineer', 'cdphc', 'manager'].map((u) => ApiSession.login(stack.baseUrl, u)));
  // The engineer has a phone on record: the hospital is told a name, not how to reach them privately.
  await stack.orm.em.fork().nativeUpdate(User, { id: a.engineer.userId }, { phone: ENGINEER_PHONE });
});
afterAll(() => stack?.stop());

const VENDOR_ONLY = [ANALYSIS, PLAN, DISPATCH_PLAN, INTERNAL_NOTE, ENGINEER_PHONE];

/** The answer, searched as the hospital would receive it. */
function expectHospitalSafe(what: string, res: ApiResponse<unknown>) {
  const json = JSON.stringify(res.body);
  const found = [...VENDOR_ONLY, ...ENGINE_WORDS].filter((s) => json.includes(s));
  expect([what, res.status, found]).toEqual([what, res.status, []]);
}

async function openTask(session: ApiSession, ticketId: string, kind: string) {
  const res = await session.get<{ id: string }[]>('/api/tasks', { filter: { ticketId, status: 'open', kind } });
  expect(res.body).toHaveLength(1);
  return res.body[0].id;
}

describe('what a hospital contact may see of its request', () => {
  it('no answer it can get holds the first analysis, an internal note, the workflow link or the raw history; staff see all', async () => {
    const answers: [string, ApiResponse<unknown>][] = [];
    const created = await contact.post<TicketBody>('/api/tickets', newTicketBody({ title: 'PDA 扫码后无反应', description: '三楼病区 PDA 扫腕带后卡住', reporterName: '陈老师' }));
    expect(created.status).toBe(201);
    answers.push(['raise a request', created]);
    const id = created.body.id;

    // Staff write an internal note (the default), the dispatcher triages and dispatches with their own words.
    expect((await dispatcher.post(`/api/tickets/${id}/notes`, { text: INTERNAL_NOTE })).status).toBe(200);
    const triageTask = await openTask(dispatcher, id, 'triage');
    expect((await dispatcher.post(`/api/tasks/${triageTask}/complete`, { ...triage('onsite', a.engineer.userId), analysis: ANALYSIS, plan: PLAN })).status).toBe(200);
    const dispatchTask = await openTask(dispatcher, id, 'dispatch');
    expect((await dispatcher.post(`/api/tasks/${dispatchTask}/complete`, { ...approve(a.engineer.userId), plan: DISPATCH_PLAN })).status).toBe(200);
    expect((await dispatcher.post(`/api/tickets/${id}/notes`, { text: FOR_HOSPITAL, audience: 'hospital' })).status).toBe(200);

    // A hospital contact writes for the hospital (the default); an internal note is refused, naming the field.
    const refused = await contact.post<{ fields?: Record<string, unknown> }>(`/api/tickets/${id}/notes`, { text: '想写内部备注', audience: 'internal' });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('audience');
    const noted = await contact.post<TicketBody>(`/api/tickets/${id}/notes`, { text: CONTACT_NOTE });
    expect(noted.status).toBe(200);
    answers.push(['add a note', noted]);

    // On site: check-in and repair form; the hospital's signature task opens.
    expect((await engineer.post(`/api/tasks/${await openTask(engineer, id, 'checkin')}/complete`, { note: '到达三楼护士站' })).status).toBe(200);
    expect((await engineer.post(`/api/tasks/${await openTask(engineer, id, 'repair_form')}/complete`, repairForm())).status).toBe(200);

    const detail = await contact.get<TicketBody>(`/api/tickets/${id}`);
    expect(detail.status).toBe(200);
    answers.push(['the ticket', detail]);
    // The hospital still sees its progress: the notes for it, by name, and its own signature task.
    expect(detail.body.detail.notes.map((n) => [n.text, n.by])).toEqual([
      [FOR_HOSPITAL, { displayName: '李调度' }],
      [CONTACT_NOTE, { displayName: a.cdphc.displayName }],
    ]);
    expect(detail.body.tasks.map((t) => t.kind)).toEqual(['triage', 'dispatch', 'checkin', 'repair_form', 'signature']);
    answers.push(['the list', await contact.get('/api/tickets', { filter: { q: id } })]);
    answers.push(['its history', await contact.get(`/api/tickets/${id}/history`)]);
    answers.push(['my tasks', await contact.get('/api/tasks', { filter: { ticketId: id } })]);
    const signTask = await openTask(contact, id, 'signature');
    answers.push(['the signature task', await contact.get(`/api/tasks/${signTask}`)]);
    answers.push(['my notifications', await contact.get('/api/notifications')]);
    answers.push(['me', await contact.get('/api/auth/me')]);
    const history = await contact.get<{ timeline: { name: string; data?: unknown }[] }>(`/api/tickets/${id}/history`);
    expect(history.body.timeline.map((e) => e.name)).toEqual(['created', 'triage', 'dispatchDecision', 'addNote', 'addNote', 'checkIn', 'repairForm']);
    expect(JSON.stringify(history.body)).toContain(CONTACT_NOTE);

    // What it may not read at all is refused outright.
    for (const path of [`/api/tickets/${id}/history?download=1`, '/api/archive-records', '/api/escalations', '/api/dashboard', `/api/users/${a.engineer.userId}`]) {
      const res = await contact.get(path);
      expect([path, res.status]).toEqual([path, path.startsWith('/api/users') ? 404 : 403]);
      answers.push([path, res]);
    }

    const signed = await contact.post(`/api/tasks/${signTask}/complete`, accept);
    expect(signed.status).toBe(200);
    answers.push(['signing', signed]);
    // Archived, the record is read from the archive: the same rules.
    for (let i = 0; i < 50 && (await dispatcher.get<{ status: string }>(`/api/tickets/${id}`)).body.status !== 'archived'; i++) await new Promise((r) => setTimeout(r, 100));
    answers.push(['the archived ticket', await contact.get(`/api/tickets/${id}`)]);
    answers.push(['its archived history', await contact.get(`/api/tickets/${id}/history`)]);

    for (const [what, res] of answers) expectHospitalSafe(what, res);

    // Staff see everything: the analysis, both kinds of note, the workflow and the raw history.
    for (const staff of [dispatcher, manager]) {
      const full = await staff.get<TicketBody>(`/api/tickets/${id}`);
      const json = JSON.stringify(full.body);
      for (const s of [ANALYSIS, PLAN, DISPATCH_PLAN, INTERNAL_NOTE, FOR_HOSPITAL, CONTACT_NOTE]) expect(json).toContain(s);
      expect(full.body.workflowId).toBe(`ticket-${id}`);
      expect(full.body.detail.notes.map((n) => n.audience)).toEqual(['internal', 'hospital', 'hospital']);
      const raw = await staff.get<{ history: { events: unknown[] } }>(`/api/tickets/${id}/history?download=1`);
      expect(raw.status).toBe(200);
      expect(JSON.stringify(raw.body)).toContain(INTERNAL_NOTE);
    }
  });
});
