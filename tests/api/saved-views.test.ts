import { ApiSession } from '../../harness/http-session';
import { useStack } from '../../harness/use-stack';

const { stack } = useStack();

interface View {
  id: number;
  name: string;
  role: string | null;
  deletable: boolean;
  params: { filter: Record<string, unknown> };
}

describe('saved views of the lists (/api/saved-views)', () => {
  it('keeps a user’s own view to them, shares a manager’s with a role, and lets only the right people delete', async () => {
    const [manager, dispatcher, dispatcher2, engineer] = await Promise.all(['manager', 'dispatcher', 'dispatcher2', 'engineer'].map((u) => ApiSession.login(stack.baseUrl, u)));
    const overdue = { filter: { status: 'open', breached: true, faultLevel: 1 }, sort: { field: 'urgency', order: 'ASC' }, columns: ['0', '1', '3'] };

    const mine = await dispatcher.post<View>('/api/saved-views', { name: '我的一级超时', resource: 'tickets', params: overdue });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ role: null, deletable: true, params: overdue });
    // Sharing with a role is a manager's (or admin's) call.
    const refused = await dispatcher.post<{ code: string }>('/api/saved-views', { name: '全体调度', resource: 'tickets', params: overdue, role: 'dispatcher' });
    expect([refused.status, refused.body.code]).toEqual([403, 'view.share_forbidden']);
    const shared = await manager.post<View>('/api/saved-views', { name: '一级超时（调度）', resource: 'tickets', params: overdue, role: 'dispatcher' });
    expect(shared.status).toBe(201);

    const names = async (s: ApiSession) => (await s.get<View[]>('/api/saved-views', { filter: { resource: 'tickets' } })).body.map((v) => v.name).sort();
    expect(await names(dispatcher)).toEqual(['一级超时（调度）', '我的一级超时'].sort());
    expect(await names(dispatcher2)).toEqual(['一级超时（调度）']);
    expect(await names(engineer)).toEqual([]);
    expect((await dispatcher.get<View[]>('/api/saved-views', { filter: { resource: 'tasks' } })).body).toEqual([]);

    // Another dispatcher cannot delete the shared view or see the personal one.
    expect((await dispatcher2.request('DELETE', `/api/saved-views/${shared.body.id}`)).status).toBe(403);
    expect((await dispatcher2.request('DELETE', `/api/saved-views/${mine.body.id}`)).status).toBe(404);
    expect((await dispatcher.request('DELETE', `/api/saved-views/${mine.body.id}`)).status).toBe(204);
    expect((await manager.request('DELETE', `/api/saved-views/${shared.body.id}`)).status).toBe(204);
    expect(await names(dispatcher)).toEqual([]);
  });

  it('names each bad field', async () => {
    const dispatcher = await ApiSession.login(stack.baseUrl, 'dispatcher');
    const bad = await dispatcher.post<{ errors: Record<string, string> }>('/api/saved-views', { name: '', resource: 'archive', params: { filter: 'x' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['name', 'params.filter', 'resource']);
    const badFilter = await dispatcher.get<{ errors: Record<string, string> }>('/api/saved-views', { filter: { resource: 'users' } });
    expect([badFilter.status, Object.keys(badFilter.body.errors)]).toEqual([400, ['resource']]);
    expect((await dispatcher.request('DELETE', '/api/saved-views/abc')).status).toBe(404);
  });
});
