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

describe('the API docs', () => {
  it('are served from this origin: the page names no other host and its assets answer 200', async () => {
    const a = app();
    const page = await a.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']));
    for (const ref of refs) {
      const res = await a.request(ref);
      expect([ref, res.status]).toEqual([ref, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const init = await (await a.request('/api/docs/init.js')).text();
    expect(init).toContain("'/api/openapi.json'");
    expect((await a.request('/api/docs/package.json')).status).toBe(404);
    expect((await a.request('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });
});

describe('security headers', () => {
  it('every answer carries the CSP, nosniff and the referrer policy; /api answers are not stored', async () => {
    const a = app();
    for (const path of ['/api/health', '/api/docs', '/api/no-such-thing']) {
      const res = await a.request(path);
      const csp = res.headers.get('content-security-policy');
      expect(csp?.split(';').map((d) => d.trim()).sort()).toEqual(
        [
          "base-uri 'none'",
          "connect-src 'self'",
          "default-src 'self'",
          "font-src 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
          "img-src 'self' data:",
          "object-src 'none'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
        ].sort(),
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
