import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApp } from '../../api/app';
import { IMMUTABLE, REVALIDATE } from '../../api/console-assets';
import type { AppDeps } from '../../api/env';
import { openOrm, type Orm } from '../../db/orm';
import { CONSOLE_DIR } from '../../scripts/console-build';

/**
 * The built console as a phone on 4G gets it (issue 15, item 2): each asset compressed once at
 * build time and sent by the browser's Accept-Encoding, cached for a year under its hashed name;
 * index.html, which names the assets, asked for again every time. Driven in process (app.request).
 */
let orm: Orm;
beforeAll(async () => {
  orm = await openOrm(process.env.DATABASE_URL!, { poolMax: 2 });
});
afterAll(() => orm.close());

const app = () =>
  createApp({ orm, temporal: {} as AppDeps['temporal'], settings: { namespace: 'x', taskQueue: 'x' }, timeZone: 'Asia/Shanghai', consoleDir: CONSOLE_DIR, accessLog: false });

const get = (p: string, acceptEncoding?: string) => app().request(p, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** The entry script index.html loads (the one every role's first page needs). */
function entryScript(): string {
  const html = fs.readFileSync(path.join(CONSOLE_DIR, 'index.html'), 'utf8');
  const m = html.match(/<script[^>]+src="(\/assets\/[^"]+\.js)"/);
  if (!m) throw new Error(`no entry script in ${html}`);
  return m[1];
}

describe('the console assets', () => {
  it('sends brotli to a browser that accepts it (Chromium asks for gzip, deflate, br, zstd), the same bytes once decoded, cached immutably', async () => {
    const asset = entryScript();
    const raw = fs.readFileSync(path.join(CONSOLE_DIR, asset));
    const res = await get(asset, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toMatch(/javascript/);
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const body = await bytes(res);
    expect(Number(res.headers.get('Content-Length'))).toBe(body.length);
    expect(body.length).toBeLessThan(raw.length * 0.4);
    expect(zlib.brotliDecompressSync(body).equals(raw)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const asset = entryScript();
    const raw = fs.readFileSync(path.join(CONSOLE_DIR, asset));
    const res = await get(asset, 'gzip');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    const body = await bytes(res);
    expect(body.length).toBeLessThan(raw.length * 0.4);
    expect(zlib.gunzipSync(body).equals(raw)).toBe(true);
  });

  it('sends the file as it is to a client that asks for no encoding', async () => {
    const asset = entryScript();
    const res = await get(asset);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect((await bytes(res)).equals(fs.readFileSync(path.join(CONSOLE_DIR, asset)))).toBe(true);
  });

  it('has every built script compressed both ways', () => {
    const scripts = fs.readdirSync(path.join(CONSOLE_DIR, 'assets')).filter((f) => f.endsWith('.js') && fs.statSync(path.join(CONSOLE_DIR, 'assets', f)).size >= 1024);
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) for (const ext of ['.br', '.gz']) expect(fs.existsSync(path.join(CONSOLE_DIR, 'assets', f + ext))).toBe(true);
  });

  it('has index.html revalidated, whether asked for as / or under a console route', async () => {
    for (const p of ['/', '/index.html', '/tickets/SR-20261202-00001/show']) {
      const res = await get(p, 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe(REVALIDATE);
      expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    }
  });

  it('answers 404, never the page, for an asset of another build', async () => {
    const res = await get('/assets/index-gone1234.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers.get('Cache-Control')).not.toBe(IMMUTABLE);
  });

  it('keeps the API uncached', async () => {
    const res = await get('/api/health', 'br');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});
