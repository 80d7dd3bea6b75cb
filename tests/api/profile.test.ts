import { ApiSession } from '../../harness/http-session';
import { startStack, type Stack } from '../../harness/stack';

/** Every user keeps their own phone and e-mail (PUT /api/auth/profile), and nobody else's. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('my profile', () => {
  it('a user edits their own phone and e-mail; bad values are 400 naming the field; name and role are not theirs to change', async () => {
    const engineer = await ApiSession.login(stack.baseUrl, 'engineer');
    const saved = await engineer.request<{ phone: string; email: string; displayName: string }>('PUT', '/api/auth/profile', { phone: '138 0000 1234', email: 'zhang@vendor.example' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ phone: '138 0000 1234', email: 'zhang@vendor.example', displayName: '张工' });
    expect((await engineer.get('/api/auth/profile')).body).toMatchObject({ phone: '138 0000 1234', email: 'zhang@vendor.example' });

    const bad = await engineer.request<unknown>('PUT', '/api/auth/profile', { phone: 'call me', email: 'not-mail' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/phone[\s\S]*email|email[\s\S]*phone/);
    const sneaky = await engineer.request('PUT', '/api/auth/profile', { phone: null, email: null, role: 'admin' });
    expect(sneaky.status).toBe(400);

    // Cleared with empty values; a hospital contact has the same page for themselves.
    expect((await engineer.request('PUT', '/api/auth/profile', { phone: '', email: '' })).body).toMatchObject({ phone: null, email: null });
    const contact = await ApiSession.login(stack.baseUrl, 'cdphc');
    expect((await contact.request('PUT', '/api/auth/profile', { phone: '028-1234 5678', email: null })).status).toBe(200);
    expect((await new ApiSession(stack.baseUrl).get('/api/auth/profile')).status).toBe(401);
  });
});
