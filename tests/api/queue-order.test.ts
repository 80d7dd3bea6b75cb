import { ApiSession } from '../../harness/http-session';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { handleOf, openTicket, taskOf } from '../../harness/tickets';
import { triage } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { triageUpdate } from '../../workflows/ticket/messages';

const { stack, a } = useStack();
let manager: ApiSession;
let late: number;
let onTime: number;
/** Ticket numbers by what the test made of them. */
const no: Record<string, string> = {};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

beforeAll(async () => {
  manager = await ApiSession.login(stack.baseUrl, 'manager');
  // One hospital whose every commitment is missed within seconds, one with the usual hours.
  late = (await hospitalWithPolicy(stack.orm, { replySeconds: 2 })).hospitalId;
  onTime = (await hospitalWithPolicy(stack.orm, { replySeconds: 3600 }, { 1: { replySeconds: 1800 }, 3: { replySeconds: 3 * 3600 } })).hospitalId;
  // Opened least urgent first, so the order cannot come from receipt.
  for (const [name, hospitalId, faultLevel] of [
    ['onTimeL3', onTime, 3],
    ['onTimeL2', onTime, 2],
    ['onTimeL1', onTime, 1],
    ['lateL2', late, 2],
    ['lateL1', late, 1],
  ] as const) {
    no[name] = (await openTicket(stack, a.dispatcher, { hospitalId, faultLevel })).ticketNo;
  }
  // The late hospital's reply clock runs out.
  await sleep(2500);
});

describe('the queue’s order and filters (GET /api/tickets, /api/tasks)', () => {
  const ours = () => ({ id: Object.values(no) });

  it('orders by urgency by default: breached first (L1 before L2), then the running clock’s deadline, then the level', async () => {
    const res = await manager.get<{ id: string }[]>('/api/tickets', { filter: ours() });
    expect(res.status).toBe(200);
    expect(res.body.map((t) => t.id)).toEqual([no.lateL1, no.lateL2, no.onTimeL1, no.onTimeL2, no.onTimeL3]);
    const reversed = await manager.get<{ id: string }[]>('/api/tickets', { filter: ours(), sort: ['urgency', 'DESC'] });
    expect(reversed.body.map((t) => t.id)).toEqual([no.onTimeL3, no.onTimeL2, no.onTimeL1, no.lateL2, no.lateL1]);
  });

  it('filters by hospital, assignee and the day received, and names a bad value', async () => {
    const h = handleOf(stack, no.onTimeL2);
    await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(await h.state(), 'triage'), data: triage('remote', a.engineer.userId, 2) });
    const byHospital = await manager.get<{ id: string }[]>('/api/tickets', { filter: { hospitalId: late } });
    expect(byHospital.body.map((t) => t.id).sort()).toEqual([no.lateL1, no.lateL2].sort());
    const byAssignee = await manager.get<{ id: string; assigneeName: string }[]>('/api/tickets', { filter: { ...ours(), assigneeId: a.engineer.userId } });
    expect(byAssignee.body.map((t) => t.id)).toEqual([no.onTimeL2]);
    const day = today();
    expect((await manager.get<unknown[]>('/api/tickets', { filter: { ...ours(), receivedFrom: day, receivedTo: day } })).body).toHaveLength(5);
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await manager.get<unknown[]>('/api/tickets', { filter: { ...ours(), receivedFrom: tomorrow } })).body).toHaveLength(0);
    expect((await manager.get<unknown[]>('/api/tickets', { filter: { ...ours(), receivedTo: new Date(Date.now() - 3_600_000).toISOString() } })).body).toHaveLength(0);
    for (const [field, value] of [
      ['receivedFrom', '2026-13-01'],
      ['receivedTo', 'yesterday'],
      ['assigneeId', 'engineer'],
    ] as const) {
      const bad = await manager.get<{ errors: Record<string, string> }>('/api/tickets', { filter: { [field]: value } });
      expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, [field]]);
    }
    const badSort = await manager.get<{ errors: Record<string, string> }>('/api/tickets', { sort: ['sla', 'ASC'] });
    expect([badSort.status, Object.keys(badSort.body.errors)]).toEqual([400, ['sort']]);
  });

  it('lists tasks in the same order, filtered by hospital', async () => {
    const res = await manager.get<{ ticketId: string; kind: string; ticketBreached: boolean; hospitalName: string }[]>('/api/tasks', { filter: { status: 'open', kind: 'triage', receivedFrom: today() }, range: [0, 499] });
    expect(res.status).toBe(200);
    const ids = res.body.map((t) => t.ticketId).filter((id) => Object.values(no).includes(id));
    expect(ids).toEqual([no.lateL1, no.lateL2, no.onTimeL1, no.onTimeL3]);
    expect(res.body.find((t) => t.ticketId === no.lateL1)).toMatchObject({ ticketBreached: true, hospitalName: expect.stringContaining('测试医院') });
    const lateOnly = await manager.get<{ ticketId: string }[]>('/api/tasks', { filter: { hospitalId: late, status: 'open', kind: 'triage' } });
    expect(lateOnly.body.map((t) => t.ticketId)).toEqual([no.lateL1, no.lateL2]);
    const bad = await manager.get<{ errors: Record<string, string> }>('/api/tasks', { filter: { hospitalId: 'x' } });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['hospitalId']]);
  });

  it('names the sort fields in the OpenAPI document', async () => {
    const doc = await manager.get<{ paths: Record<string, { get: { parameters: { name: string; description: string }[] } }> }>('/api/openapi.json');
    for (const path of ['/api/tickets', '/api/tasks']) {
      const sort = doc.body.paths[path].get.parameters.find((p) => p.name === 'sort');
      expect(sort?.description).toContain('`urgency`');
    }
  });
});
