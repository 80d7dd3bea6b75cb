import { Writable } from 'node:stream';
import { createApp } from '../../api/app';
import type { AppDeps } from '../../api/env';
import { openOrm, type Orm } from '../../db/orm';
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';
import { createLogger } from '../../platform/log';

/**
 * Defaults of a production service (issue 14, item 7): the access log is JSON lines that a
 * hostile URL cannot forge, the API docs come from this origin, and every answer carries a CSP
 * without inline scripts. The app is driven in process (app.request), on the run's database.
 */
let orm: Orm;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

beforeAll(async () => {
  orm = await openOrm(process.env.DATABASE_URL!, { poolMax: 2 });
});
afterAll(() => orm.close());

const app = () =>
  createApp({
    orm,
    temporal: {} as AppDeps['temporal'],
    settings: { namespace: 'x', taskQueue: 'x' },
    timeZone: 'Asia/Shanghai',
    log: createLogger('api', sink),
    accessLog: true,
  });

describe('the access log', () => {
  beforeEach(() => lines.splice(0));

  it('writes one JSON line for a path that tries to forge a second one', async () => {
    const res = await app().request('/api/tickets%0a%7B%22forged%22%3A1%7D');
    expect(res.status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ name: 'api', msg: 'request', method: 'GET', status: res.status });
    expect(line.forged).toBeUndefined();
    expect(String(line.path)).toContain('\n');
  });

  it('never carries the password, the cookie or the Authorization header', async () => {
    const a = app();
    const login = await a.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await a.request('/api/auth/me', { headers: { cookie, authorization: 'Bearer secret-token-value' } });
    expect(me.status).toBeLessThan(500);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    const all = lines.join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain(cookie.split('=')[1]);
    expect(all).not.toContain('secret-token-value');
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
