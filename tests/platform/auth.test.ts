import { createHash } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../api/auth/password';
import { SESSION_RECHECK_MS } from '../../api/auth/session';
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';
import { ApiSession } from '../../harness/http-session';
import { useStack } from '../../harness/use-stack';

const { stack } = useStack();

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });
});

/** Signs in over HTTP and returns the session cookie (`sd_session=…`). */
async function signIn(username: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith('sd_session='))!.split(';')[0];
}

const me = (cookie: string) => fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie } });

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and `me` returns the user with role and hospital', async () => {
    const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cdphc', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await me.json()).toMatchObject({ username: 'cdphc', role: 'hospital_contact', hospitalId: 1 });
  });

  it('ends the session on logout: the same token is refused at once, though it was just checked', async () => {
    const cookie = await signIn('manager');
    expect((await me(cookie)).status).toBe(200);
    const out = await fetch(`${stack.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it('a session ended elsewhere (another API process, or in the database) is refused within SESSION_RECHECK_MS', async () => {
    const cookie = await signIn('dispatcher2');
    expect((await me(cookie)).status).toBe(200);
    const tokenHash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    await stack.orm.em.fork().getConnection().execute('delete from user_sessions where token_hash = ?', [tokenHash]);
    await new Promise((r) => setTimeout(r, SESSION_RECHECK_MS + 200));
    expect((await me(cookie)).status).toBe(401);
  });

  it('refuses wrong passwords and then slows the account down from that address (tests/platform/accounts.test.ts has the rest)', async () => {
    const s = new ApiSession(stack.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await s.post('/api/auth/login', { username: 'engineer2', password: 'wrong' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right password waits until the delay has passed.
    const waiting = await s.post('/api/auth/login', { username: 'engineer2', password: DEMO_PASSWORD });
    expect([waiting.status, waiting.headers.get('retry-after')]).toEqual([429, '1']);
  });

  it('names the missing fields', async () => {
    const res = await new ApiSession(stack.baseUrl).post<{ errors: Record<string, string> }>('/api/auth/login', {});
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['password', 'username']);
  });
});
