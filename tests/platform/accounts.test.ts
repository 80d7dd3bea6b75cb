import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { hashPassword } from '../../api/auth/password';
import { Backoff } from '../../api/auth/throttle';
import { NursingSystem, SlaPolicy, User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { createLogger } from '../../platform/log';
import { ApiSession } from '../../harness/http-session';
import { startStack, type Stack, type StackOptions } from '../../harness/stack';
import { sleep } from '../../harness/wait';
import { provisionFirstAdmin, resetToOneTimePassword } from '../../scripts/first-admin';

/**
 * Accounts of a production service (issue 14): changing one's own password, the first-run admin,
 * sign-in delays per account and address, the client address behind proxies, the cookie's
 * attributes and the idle limit. Each over real HTTP against the real stack.
 */

interface ErrorBody {
  code: string;
  errors?: Record<string, { code: string }>;
}

/** A user of this file's own (the shared database's demo users keep their passwords). */
async function newUser(orm: Orm, password: string, o: { mustChangePassword?: boolean } = {}): Promise<string> {
  const username = `acct-${randomUUID().slice(0, 8)}`;
  const em = orm.em.fork();
  em.create(User, { username, displayName: '测试账号', role: 'engineer', passwordHash: await hashPassword(password), ...o });
  await em.flush();
  return username;
}

const login = (baseUrl: string, username: string, password: string, headers: Record<string, string> = {}) =>
  new ApiSession(baseUrl).post<ErrorBody & { mustChangePassword?: boolean }>('/api/auth/login', { username, password }, headers);

function useOwnStack(opts: StackOptions = {}): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(opts);
  });
  afterAll(() => stack?.stop());
  return () => stack!;
}

describe('growing delays (the clock given)', () => {
  it('count failures in a sliding window: scattered typos never add up, a burst waits longer each time, capped', () => {
    const b = new Backoff({ free: 3, baseMs: 1000, capMs: 4000, windowMs: 60_000 });
    for (const t of [0, 1000, 2000]) b.fail('k', t);
    expect([b.waitMs('k', 2000), b.waitMs('k', 2500), b.waitMs('k', 3000)]).toEqual([1000, 500, 0]);
    b.fail('k', 3000);
    expect(b.waitMs('k', 3000)).toBe(2000);
    b.fail('k', 5000);
    b.fail('k', 9000);
    expect(b.waitMs('k', 9000)).toBe(4000); // 8 s, capped at 4
    // A minute later the early ones no longer count: 5000 and 9000 are left, fewer than three.
    expect(b.waitMs('k', 63_500)).toBe(0);
    expect(b.waitMs('other', 0)).toBe(0);
    b.reset('k');
    expect(b.waitMs('k', 9000)).toBe(0);
  });
});

describe('with the default settings', () => {
  const stack = useOwnStack();
  const P1 = 'first password 1';
  const P2 = 'second password 2';

  it('changing the password ends the other sessions: this one goes on, the old password fails, the new one works', async () => {
    const username = await newUser(stack().orm, P1);
    const here = await ApiSession.login(stack().baseUrl, username, P1);
    const elsewhere = await ApiSession.login(stack().baseUrl, username, P1);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);

    const changed = await here.post('/api/auth/password', { currentPassword: P1, newPassword: P2 });
    expect(changed.status).toBe(204);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await here.get('/api/tasks')).status).toBe(200);
    expect((await login(stack().baseUrl, username, P1)).status).toBe(401);
    expect((await login(stack().baseUrl, username, P2)).status).toBe(200);
    const row = await stack().orm.em.fork().findOneOrFail(User, { username });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(P2);
  });

  it('refuses a wrong current password and a weak new one, naming the field, and slows wrong guesses like sign-ins', async () => {
    const username = await newUser(stack().orm, P1);
    const s = await ApiSession.login(stack().baseUrl, username, P1);
    const change = (currentPassword: string, newPassword: string) => s.post<ErrorBody>('/api/auth/password', { currentPassword, newPassword });

    const cases: [string, string, string, string][] = [
      [P1, 'short', 'newPassword', 'field.too_short'],
      [P1, P1, 'newPassword', 'auth.new_password_same'],
      [P1, username.toUpperCase(), 'newPassword', 'auth.new_password_username'],
      ['', P2, 'currentPassword', 'auth.current_password_required'],
      ['not my password', P2, 'currentPassword', 'auth.current_password_wrong'],
    ];
    for (const [current, next, field, code] of cases) {
      const res = await change(current, next);
      expect([res.status, res.body.errors?.[field]?.code]).toEqual([422, code]);
    }
    expect((await s.post<ErrorBody>('/api/auth/password', {})).status).toBe(422);
    // Two more wrong guesses make three: the next attempt waits, even with the right password.
    expect((await change('wrong again', P2)).status).toBe(422);
    expect((await change('and again', P2)).status).toBe(422);
    const waiting = await change(P1, P2);
    expect(waiting.status).toBe(429);
    expect(waiting.body.code).toBe('auth.retry_in');
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // They count like failed sign-ins: signing in from here waits too; afterwards the old password still works.
    expect((await login(stack().baseUrl, username, P1)).status).toBe(429);
    await sleep(Number(waiting.headers.get('retry-after')) * 1000 + 100);
    expect((await login(stack().baseUrl, username, P1)).status).toBe(200);
  });

  it('needs a session', async () => {
    const res = await new ApiSession(stack().baseUrl).post('/api/auth/password', { currentPassword: P1, newPassword: P2 });
    expect(res.status).toBe(401);
  });

  it('after three failures of one account from one address, each next attempt waits longer: 1 s, 2 s, 4 s (429 + Retry-After)', async () => {
    const username = await newUser(stack().orm, P1);
    const attempt = (password = 'wrong password') => login(stack().baseUrl, username, password);
    expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([401, 401, 401]);
    const waits: string[] = [];
    for (const _ of [1, 2]) {
      const refused = await attempt();
      expect([refused.status, refused.body.code]).toEqual([429, 'auth.retry_in']);
      waits.push(refused.headers.get('retry-after')!);
      await sleep(Number(refused.headers.get('retry-after')) * 1000 + 100);
      expect((await attempt()).status).toBe(401);
    }
    const third = await attempt(P1);
    waits.push(third.headers.get('retry-after')!);
    expect(third.status).toBe(429);
    expect(waits).toEqual(['1', '2', '4']);
  });

  it('believes no X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const username = await newUser(stack().orm, P1);
    for (let i = 1; i <= 3; i++) expect((await login(stack().baseUrl, username, 'wrong password', { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(401);
    // Claiming yet another address changes nothing: all four came from this socket's address.
    expect((await login(stack().baseUrl, username, P1, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
  });

  it('sets an httpOnly, SameSite=Lax cookie, Secure unless the desk is on plain http at localhost', async () => {
    const username = await newUser(stack().orm, P1);
    const cookieOf = async (headers: Record<string, string>) => {
      const res = await rawLogin(stack().baseUrl, username, P1, headers);
      expect(res.status).toBe(200);
      return res.cookie;
    };
    const local = await cookieOf({});
    expect(local).toMatch(/HttpOnly/i);
    expect(local).toMatch(/SameSite=Lax/i);
    expect(local).toMatch(/Path=\//i);
    expect(local).not.toMatch(/Secure/i);
    expect(await cookieOf({ host: 'desk.hospital.example' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf({ 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
  });
});

describe('the logs', () => {
  // What the API logs, read back: the access log on, as in production.
  const lines: string[] = [];
  const stack = useOwnStack({ app: { accessLog: true, log: createLogger('api', { write: (line: string) => void lines.push(line) }) } });
  const P1 = 'first password 1';
  const P2 = 'second password 2';

  it('never carry a password, right or wrong, nor a body', async () => {
    const username = await newUser(stack().orm, P1);
    await login(stack().baseUrl, username, 'a wrong secret 123');
    const s = await ApiSession.login(stack().baseUrl, username, P1);
    await s.post('/api/auth/password', { currentPassword: 'another wrong 456', newPassword: P2 });
    await s.post('/api/auth/password', { currentPassword: P1, newPassword: P2 });
    await s.post('/api/auth/password', '{"currentPassword": "broken json 789", ');
    const logged = lines.map((l) => JSON.parse(l) as { path?: string; status?: number });
    expect(logged.filter((l) => l.path === '/api/auth/password').map((l) => l.status)).toEqual([422, 204, 400]);
    for (const secret of [P1, P2, 'a wrong secret 123', 'another wrong 456', 'broken json 789']) expect(lines.join('\n')).not.toContain(secret);
  });
});

describe('behind a trusted proxy', () => {
  const stack = useOwnStack({ app: { trustedProxies: ['127.0.0.1'] } });
  const P = 'owner password 1';
  const OWNER = { 'x-forwarded-for': '198.51.100.7' };
  const STRANGER = { 'x-forwarded-for': '203.0.113.66' };

  it("a stranger's failures from another address do not stop the owner signing in from theirs", async () => {
    const username = await newUser(stack().orm, P);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(stack().baseUrl, username, `guess ${i}`, STRANGER)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    // The stranger's address waits, even with the right password…
    expect((await login(stack().baseUrl, username, P, STRANGER)).status).toBe(429);
    // …and so does one who writes the owner's address further left: only the right-most hop is believed.
    expect((await login(stack().baseUrl, username, P, { 'x-forwarded-for': `198.51.100.7, 203.0.113.66` })).status).toBe(429);
    // The owner, from their own address, is not held up at all.
    expect((await login(stack().baseUrl, username, P, OWNER)).status).toBe(200);
  });

  it('the per-address ceiling is looser and short: many accounts from one address, then a wait of seconds', async () => {
    const users = await Promise.all(Array.from({ length: 11 }, () => newUser(stack().orm, P)));
    const sprayer = { 'x-forwarded-for': '192.0.2.10' };
    const statuses: number[] = [];
    for (const u of users) for (let i = 0; i < 3; i++) statuses.push((await login(stack().baseUrl, u, `spray ${i}`, sprayer)).status);
    // 30 failures cost nothing per address; the 31st and later wait (a second, then two …).
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429]);
    const refused = await login(stack().baseUrl, users[0], P, sprayer);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Other addresses are untouched.
    expect((await login(stack().baseUrl, users[0], P, OWNER)).status).toBe(200);
  });
});

describe('the idle limit', () => {
  // Two seconds instead of DESK_IDLE_MINUTES' 30 minutes.
  const stack = useOwnStack({ app: { idleMinutes: 2 / 60 } });
  const P = 'idle password 1';

  it('keeps a session in use alive and ends one unused for the idle limit', async () => {
    const username = await newUser(stack().orm, P);
    const s = await ApiSession.login(stack().baseUrl, username, P);
    for (let i = 0; i < 4; i++) {
      await sleep(1200);
      expect((await s.get('/api/auth/me')).status).toBe(200);
    }
    await sleep(2500);
    const expired = await s.get<ErrorBody>('/api/auth/me');
    expect([expired.status, expired.body.code]).toEqual([401, 'auth.session_expired']);
  });

  it('writes last_seen_at only now and then, not at every request', async () => {
    const username = await newUser(stack().orm, P);
    const s = await ApiSession.login(stack().baseUrl, username, P);
    const seen = async () => {
      const rows = await stack().orm.em.fork().getConnection().execute<{ last_seen_at: Date }[]>(
        'select s.last_seen_at from user_sessions s join users u on u.id = s.user_id where u.username = ?',
        [username],
      );
      return new Date(rows[0].last_seen_at).getTime();
    };
    await s.get('/api/auth/me');
    const first = await seen();
    await s.get('/api/auth/me');
    await s.get('/api/auth/me');
    // Within a tenth of the idle limit (0.2 s here, a minute in production) nothing is written.
    expect(await seen()).toBe(first);
    await sleep(300);
    await s.get('/api/auth/me');
    expect(await seen()).toBeGreaterThan(first);
  });
});

describe('a production first start (no demo data)', () => {
  const stack = useOwnStack({ ownDatabase: true, demo: false });

  it('creates one admin with a one-time password that must change before anything else', async () => {
    const em = stack().orm.em.fork();
    expect(await em.count(User, {})).toBe(0);
    expect(await em.count(NursingSystem, {})).toBe(3);
    expect(await em.count(SlaPolicy, {})).toBe(4);

    const first = await provisionFirstAdmin(stack().orm);
    expect(first).toEqual({ username: 'admin', password: expect.stringMatching(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/) });
    // Once only: a second start leaves the accounts alone.
    expect(await provisionFirstAdmin(stack().orm)).toBeUndefined();
    const users = await stack().orm.em.fork().find(User, {});
    expect(users.map((u) => [u.username, u.role, u.mustChangePassword])).toEqual([['admin', 'admin', true]]);
    expect(users[0].passwordHash).toMatch(/^scrypt\$/);
    expect(users[0].passwordHash).not.toContain(first!.password);

    const signedIn = await login(stack().baseUrl, 'admin', first!.password);
    expect([signedIn.status, signedIn.body.mustChangePassword]).toEqual([200, true]);
    const s = await ApiSession.login(stack().baseUrl, 'admin', first!.password);
    expect((await s.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(true);
    for (const [method, path] of [
      ['GET', '/api/tickets'],
      ['GET', '/api/users'],
      ['GET', '/api/users/1'],
      ['GET', '/api/dashboard'],
      ['POST', '/api/hospitals'],
    ] as const) {
      const res = await s.request<ErrorBody>(method, path, method === 'POST' ? { code: 'X', name: 'x' } : undefined);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'auth.password_change_required']);
    }

    const newPassword = 'my own admin password';
    expect((await s.post('/api/auth/password', { currentPassword: first!.password, newPassword })).status).toBe(204);
    expect((await s.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await s.get('/api/users')).status).toBe(200);
    expect((await login(stack().baseUrl, 'admin', first!.password)).status).toBe(401);
    expect((await login(stack().baseUrl, 'admin', newPassword)).status).toBe(200);

    // Lost it? A new one-time password from the desk's machine ends the sessions and must change again.
    const again = await resetToOneTimePassword(stack().orm, 'admin');
    expect(again).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(await resetToOneTimePassword(stack().orm, 'nobody')).toBeUndefined();
    expect((await s.get('/api/auth/me')).status).toBe(401);
    expect((await login(stack().baseUrl, 'admin', newPassword)).status).toBe(401);
    const relogged = await ApiSession.login(stack().baseUrl, 'admin', again!);
    expect((await relogged.get<ErrorBody>('/api/users')).body.code).toBe('auth.password_change_required');
    expect((await relogged.post('/api/auth/logout')).status).toBe(204);
  });
});

/** A sign-in over node:http, which sends the Host header it is given (fetch would not). */
function rawLogin(baseUrl: string, username: string, password: string, headers: Record<string, string>): Promise<{ status: number; cookie: string }> {
  const url = new URL('/api/auth/login', baseUrl);
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sd_session=')) ?? '' }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
