import { Ticket, TicketEvent } from '../../db/entities';
import { ticketWorkflowId } from '../../domain/ticket';
import { stateQuery } from '../../workflows/ticket/messages';
import { ApiSession } from '../../harness/http-session';
import { newTicketBody } from '../../harness/new-ticket';
import { startStack, type Stack } from '../../harness/stack';

interface TicketBody {
  id: string;
  workflowId: string;
  hospitalId: number;
  hospitalName: string;
  status: string;
  step: string;
  faultLevel: number | null;
  receivedAt: string;
  replyDueAt: string | null;
}

const CDPHC = 1;
const DEMO2 = 2;

const validTicket = newTicketBody({
  hospitalId: CDPHC,
  faultLevel: 1,
  title: 'PDA 扫码后无法登录',
  description: '感染一科所有 PDA 扫腕带后停在登录页',
  reporterPhone: '028-8888 0000',
});

let stack: Stack;
let dispatcher: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  dispatcher = await ApiSession.login(stack.baseUrl, 'dispatcher');
});
afterAll(() => stack?.stop());

async function rowCounts() {
  const em = stack.orm.em.fork();
  return { tickets: await em.count(Ticket, {}), events: await em.count(TicketEvent, {}) };
}

describe('raising a service request through the API', () => {
  it('starts the ticket workflow under the ticket number and writes the ticket row before answering', async () => {
    const res = await dispatcher.post<TicketBody>('/api/tickets', validTicket);
    expect(res.status).toBe(201);
    const t = res.body;
    expect(t.id).toMatch(/^SR-\d{8}-\d{5}$/);
    expect(t.workflowId).toBe(ticketWorkflowId(t.id));
    expect(t).toMatchObject({ hospitalId: CDPHC, hospitalName: '成都市公共卫生临床医疗中心', status: 'open', step: 'triage', faultLevel: 1 });
    // Level 1: reply within 30 minutes of receipt (default policy from the seed document).
    expect(new Date(t.replyDueAt!).getTime() - new Date(t.receivedAt).getTime()).toBe(30 * 60 * 1000);

    // The workflow is real, running, and agrees with the row.
    const handle = stack.client.workflow.getHandle(t.workflowId);
    const desc = await handle.describe();
    expect(desc.status.name).toBe('RUNNING');
    expect(desc.type).toBe('ticketWorkflow');
    expect(desc.searchAttributes.TicketNo).toEqual([t.id]);
    expect(await handle.query(stateQuery)).toMatchObject({ ticketNo: t.id, step: 'triage', status: 'open' });

    const em = stack.orm.em.fork();
    const row = await em.findOneOrFail(Ticket, t.id);
    expect(row.step).toBe('triage');
    const events = await em.find(TicketEvent, { ticket: t.id }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.type, e.actorName])).toEqual([
      ['created', '李调度'],
      ['triage_requested', null],
    ]);
  });

  it('lists tickets newest first with the Content-Range total react-admin reads', async () => {
    // Other suites share the database: a marker only this ticket carries.
    const marker = `白板不刷新-${Date.now().toString(36)}`;
    const second = await dispatcher.post<TicketBody>('/api/tickets', { ...validTicket, faultLevel: 3, title: marker, systemCode: 'whiteboard' });
    expect(second.status).toBe(201);
    const res = await dispatcher.get<TicketBody[]>('/api/tickets', { range: [0, 0], sort: ['receivedAt', 'DESC'] });
    expect(res.status).toBe(200);
    expect(res.body.map((t) => t.id)).toEqual([second.body.id]);
    const total = Number(res.headers.get('content-range')?.match(/^tickets 0-0\/(\d+)$/)?.[1]);
    expect(total).toBe((await rowCounts()).tickets);
    const filtered = await dispatcher.get<TicketBody[]>('/api/tickets', { filter: { faultLevel: 3, q: marker } });
    expect(filtered.body.map((t) => t.id)).toEqual([second.body.id]);
  });

  it('shows a hospital contact only their own hospital and refuses requests for another', async () => {
    const other = await ApiSession.login(stack.baseUrl, 'demo2');
    const mine = await other.post<TicketBody>('/api/tickets', { ...validTicket, hospitalId: DEMO2, channel: 'portal' });
    expect(mine.status).toBe(201);
    const list = await other.get<TicketBody[]>('/api/tickets', { range: [0, 99] });
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((t) => t.hospitalId === DEMO2)).toBe(true);

    const cdphcTicket = (await dispatcher.get<TicketBody[]>('/api/tickets', { filter: { hospitalId: CDPHC } })).body[0];
    expect((await other.get(`/api/tickets/${cdphcTicket.id}`)).status).toBe(404);

    const before = await rowCounts();
    const res = await other.post('/api/tickets', validTicket);
    expect(res.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects bad input with the fields at fault and writes nothing', async () => {
    const before = await rowCounts();
    const res = await dispatcher.post<{ errors: Record<string, string> }>('/api/tickets', { ...validTicket, channel: 'fax', title: '   ', faultLevel: 7, reporterName: undefined });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['channel', 'faultLevel', 'reporterName', 'title']);

    const notInstalled = await dispatcher.post<{ errors: Record<string, { code: string; params: { hospital: string }; message: string }> }>('/api/tickets', { ...validTicket, hospitalId: DEMO2, systemCode: 'whiteboard' });
    expect(notInstalled.status).toBe(422);
    expect(notInstalled.body.errors.systemCode.message).toContain('示范人民医院');
    expect(notInstalled.body.errors.systemCode).toMatchObject({ code: 'ticket.system_not_run', params: { hospital: '示范人民医院' } });

    const wrongDept = await dispatcher.post<{ errors: Record<string, string> }>('/api/tickets', { ...validTicket, hospitalId: DEMO2, systemCode: 'mnis', departmentId: 1 });
    expect(wrongDept.status).toBe(422);
    expect(Object.keys(wrongDept.body.errors)).toEqual(['departmentId']);

    expect((await dispatcher.post('/api/tickets', '{not json')).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets only the roles that take requests create them, and nobody without a session', async () => {
    const engineer = await ApiSession.login(stack.baseUrl, 'engineer');
    expect((await engineer.post('/api/tickets', validTicket)).status).toBe(403);
    const anonymous = new ApiSession(stack.baseUrl);
    expect((await anonymous.post('/api/tickets', validTicket)).status).toBe(401);
    expect((await anonymous.get('/api/tickets')).status).toBe(401);
  });

  it('answers a malformed list query with 400 naming the parameter', async () => {
    const res = await dispatcher.request<{ errors: Record<string, string> }>('GET', '/api/tickets?sort=["password","ASC"]');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['sort']);
    expect((await dispatcher.request('GET', '/api/tickets?range=[0,100000]')).status).toBe(400);
    expect((await dispatcher.request('GET', '/api/tickets?filter={"hospital":{"$ne":1}}')).status).toBe(400);
  });
});
