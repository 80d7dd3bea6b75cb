import { ApiSession } from '../../harness/http-session';
import { cancelUpdate } from '../../workflows/ticket/messages';
import { startStack, type Stack } from '../../harness/stack';
import { loadActors, type Actors } from '../../harness/actors';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { waitForEvent } from '../../harness/ticket-events';
import { handleOf, openTicket } from '../../harness/tickets';

let stack: Stack;
let a: Actors;
let admin: ApiSession;
let manager: ApiSession;

beforeAll(async () => {
  stack = await startStack();
  a = await loadActors(stack.orm);
  [admin, manager] = await Promise.all(['admin', 'manager'].map((u) => ApiSession.login(stack.baseUrl, u)));
});
afterAll(() => stack?.stop());

describe('admin keeps the desk’s reference data', () => {
  it('hospitals with their installed systems and departments', async () => {
    const code = `H${Date.now().toString(36).toUpperCase()}`;
    const created = await admin.post<{ id: number; systemCodes: string[] }>('/api/hospitals', { code, name: '新都区人民医院', systemCodes: ['nms', 'mnis'] });
    expect(created.status).toBe(201);
    expect(created.body.systemCodes).toEqual(['mnis', 'nms']);
    const dup = await admin.post<{ errors: Record<string, string> }>('/api/hospitals', { code, name: '重复', systemCodes: [] });
    expect([dup.status, Object.keys(dup.body.errors)]).toEqual([422, ['code']]);
    const edited = await admin.request<{ systemCodes: string[]; name: string }>('PUT', `/api/hospitals/${created.body.id}`, { code, name: '新都区人民医院（东院）', systemCodes: ['whiteboard'] });
    expect(edited.body).toMatchObject({ name: '新都区人民医院（东院）', systemCodes: ['whiteboard'] });

    const dept = await admin.post<{ id: number; hospitalId: number }>('/api/departments', { hospitalId: created.body.id, name: '护理部' });
    expect([dept.status, dept.body.hospitalId]).toEqual([201, created.body.id]);
    expect((await admin.post('/api/departments', { hospitalId: created.body.id, name: '护理部' })).status).toBe(422);
    const list = await admin.get<{ name: string }[]>('/api/departments', { filter: { hospitalId: created.body.id } });
    expect(list.body.map((d) => d.name)).toEqual(['护理部']);
    expect((await manager.post('/api/hospitals', { code: 'NOPE', name: 'x', systemCodes: [] })).status).toBe(403);
  });

  it('users: create with a hashed password that signs in, deactivate signs them out', async () => {
    const username = `eng${Date.now().toString(36)}`;
    const bad = await admin.post<{ errors: Record<string, string> }>('/api/users', { username, displayName: '新工程师', role: 'hospital_contact', password: 'short' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['hospitalId', 'password']);
    const created = await admin.post<{ id: number; role: string }>('/api/users', { username, displayName: '新工程师', role: 'engineer', password: 'Engineer#2026!' });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password/i);
    const theirs = await ApiSession.login(stack.baseUrl, username, 'Engineer#2026!');
    expect((await theirs.get('/api/auth/me')).status).toBe(200);
    // A password the admin chose is changed by its user before anything else.
    const first = await theirs.get<{ code: string }>('/api/tasks');
    expect([first.status, first.body.code]).toEqual([403, 'auth.password_change_required']);
    expect((await theirs.post('/api/auth/password', { currentPassword: 'Engineer#2026!', newPassword: 'my own engineer pass' })).status).toBe(204);
    expect((await theirs.get('/api/tasks')).status).toBe(200);
    const off = await admin.request('PUT', `/api/users/${created.body.id}`, { displayName: '新工程师', role: 'engineer', active: false });
    expect(off.status).toBe(200);
    expect((await theirs.get('/api/auth/me')).status).toBe(401);
    const self = await admin.request<{ errors: Record<string, string> }>('PUT', `/api/users/${a.admin.userId}`, { displayName: '系统管理员', role: 'admin', active: false });
    expect(self.status).toBe(422);
    const engineers = await manager.get<{ username: string }[]>('/api/users', { filter: { role: 'engineer', active: true } });
    expect(engineers.body.map((u) => u.username)).toEqual(expect.arrayContaining(['engineer', 'engineer2']));
    expect(engineers.body.map((u) => u.username)).not.toContain(username);
  });

  it('SLA policies: the seed’s default terms, editable, with one row per level', async () => {
    const defaults = await manager.get<{ id: number; level: number; replySeconds: number; firstSolutionSeconds: number | null }[]>('/api/sla-policies', { filter: { hospitalId: null }, sort: ['level', 'ASC'] });
    expect(defaults.body.map((p) => [p.level, p.replySeconds, p.firstSolutionSeconds])).toEqual([
      [1, 1800, 3600],
      [2, 3600, null],
      [3, 10800, null],
      [4, 86400, null],
    ]);
    const row = defaults.body[3];
    const body = { name: '默认服务响应承诺', hospitalId: null, level: 4, replySeconds: 86400, firstSolutionSeconds: null, warnAt: [0.5, 0.9], unclaimedReminderSeconds: 7200, signatureReminderSeconds: 172800 };
    const edited = await admin.request<{ warnAt: number[] }>('PUT', `/api/sla-policies/${row.id}`, body);
    expect([edited.status, edited.body.warnAt]).toEqual([200, [0.5, 0.9]]);
    const unordered = await admin.request<{ errors: Record<string, string> }>('PUT', `/api/sla-policies/${row.id}`, { ...body, warnAt: [0.9, 0.5] });
    expect([unordered.status, Object.keys(unordered.body.errors)]).toEqual([400, ['warnAt']]);
    const duplicate = await admin.post<{ errors: Record<string, string> }>('/api/sla-policies', { ...body, level: 1 });
    expect([duplicate.status, Object.keys(duplicate.body.errors)]).toEqual([422, ['level']]);
    expect((await manager.request('PUT', `/api/sla-policies/${row.id}`, body)).status).toBe(403);
  });
});

describe('what managers audit', () => {
  it('escalations, notifications, the dashboard and the archive with its verified chain', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 1 });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 1 });
    await waitForEvent(stack.orm, t.ticketNo, 'sla_breached');

    const overdue = await manager.get<{ id: string }[]>('/api/tickets', { filter: { breached: true, status: 'open' }, range: [0, 499] });
    expect(overdue.body.map((x) => x.id)).toContain(t.ticketNo);
    const escalations = await manager.get<{ ticketId: string; clock: string; acknowledgedAt: string | null; taskId: string }[]>('/api/escalations', { filter: { ticketId: t.ticketNo } });
    expect(escalations.body).toMatchObject([{ ticketId: t.ticketNo, clock: 'reply', acknowledgedAt: null }]);
    const notes = await manager.get<{ ticketId: string; kind: string; id: string }[]>('/api/notifications', { filter: { unread: true }, range: [0, 499] });
    const mine = notes.body.find((n) => n.ticketId === t.ticketNo && n.kind === 'escalation')!;
    expect(mine).toBeDefined();
    expect((await manager.post<{ readAt: string }>(`/api/notifications/${encodeURIComponent(mine.id)}/read`)).body.readAt).not.toBeNull();
    const ack = await manager.post(`/api/tasks/${escalations.body[0].taskId}/complete`, { note: '已督促' });
    expect(ack.status).toBe(200);
    expect((await manager.get<{ acknowledgedAt: string | null }[]>('/api/escalations', { filter: { ticketId: t.ticketNo } })).body[0].acknowledgedAt).not.toBeNull();

    const dash = await manager.get<{ openByLevelAndStep: { level: number; step: string; count: number }[]; breachesThisMonth: number; complianceThisMonth: { level: number; clock: string; missed: number }[]; engineerWorkload: { displayName: string }[] }>('/api/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.breachesThisMonth).toBeGreaterThanOrEqual(1);
    expect(dash.body.openByLevelAndStep.find((r) => r.level === 1 && r.step === 'triage')!.count).toBeGreaterThanOrEqual(1);
    expect(dash.body.complianceThisMonth.find((r) => r.level === 1 && r.clock === 'reply')!.missed).toBeGreaterThanOrEqual(1);
    expect(dash.body.engineerWorkload.map((w) => w.displayName)).toEqual(expect.arrayContaining(['张工', '刘工']));

    await handleOf(stack, t.ticketNo).update(cancelUpdate, { actor: a.dispatcher, reason: '重复报修' });
    await handleOf(stack, t.ticketNo).result();
    const archive = await manager.get<{ id: number; ticketId: string; outcome: string }[]>('/api/archive-records', { filter: { ticketId: t.ticketNo } });
    expect(archive.body).toMatchObject([{ ticketId: t.ticketNo, outcome: 'cancelled' }]);
    const one = await manager.get<{ ticket: { cancelReason: string } }>(`/api/archive-records/${archive.body[0].id}`);
    expect(one.body.ticket.cancelReason).toBe('重复报修');
    expect((await manager.get<{ problems: unknown[] }>('/api/archive-records/verify')).body.problems).toEqual([]);
  });
});
