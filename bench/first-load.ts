/**
 * `npm run bench:phone`: each role's first page on a phone (docs/benchmarks.md, benchmark 5).
 * Debian's Chromium at 390×844 over a 4G-like link (CDP Network.emulateNetworkConditions: 9 Mbit/s
 * down, 150 ms RTT) with the CPU slowed 4× (Emulation.setCPUThrottlingRate), cache empty. Two
 * consoles are built and served side by side by the same API code on the same database: the
 * console as shipped (split, precompressed) and the baseline (one bundle, sent uncompressed).
 * Appends a dated section to docs/benchmarks.md.
 *
 *   npm run bench:phone -- [--runs=3] [--cpu=4] [--no-write]
 *
 * --cpu=1: the same loads without the CPU slowdown, to tell the network's share from the CPU's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/env';
import { ROOT } from '../config/paths';
import { APP_ROLE, migrate, openOrm } from '../db/orm';
import { DEMO_PASSWORD, DemoSeeder } from '../db/seeders/demo.seeder';
import { createDatabaseIfMissing, databaseUrl, dropDatabase, provisionPostgres } from '../scripts/postgres';
import { fmt, summary } from './stats';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Number(args.runs ?? 3);
const log = (l: string) => console.log(`[bench:phone] ${l}`);

/** 4G as the issue describes it: ~9 Mbit/s down, ~150 ms round trip. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (9_000_000 / 8) | 0, uploadThroughput: (3_000_000 / 8) | 0 };
const CPU_SLOWDOWN = Number(args.cpu ?? 4);
const TARGET_MS = 3000;
if (!(RUNS >= 1 && CPU_SLOWDOWN >= 1)) throw new Error('--runs and --cpu must be at least 1');

/** Each role's first page and what on it says "usable": the section with their work. */
const ROLES = [
  { label: 'hospital contact', username: 'cdphc', ready: '待您签字确认的系统维修单' },
  { label: 'engineer', username: 'engineer', ready: '我的待办任务' },
  { label: 'dispatcher', username: 'dispatcher', ready: '待领取任务' },
  { label: 'manager', username: 'manager', ready: '工程师在办工作量' },
] as const;

function buildConsole(outDir: string, singleBundle: boolean): void {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const env = { ...process.env, NODE_ENV: 'production', DESK_CONSOLE_SINGLE_BUNDLE: singleBundle ? '1' : '' };
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'admin-ui/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('vite build failed');
}

const scriptBytes = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + fs.statSync(path.join(dir, 'assets', f)).size, 0);

/** What one page load moved over the wire, from the browser's own account (CDP Network events). */
function countBytes(cdp: CDPSession) {
  const types = new Map<string, string>();
  const totals = { script: 0, all: 0, scripts: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    totals.all += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      totals.script += e.encodedDataLength;
      totals.scripts += 1;
    }
  });
  return totals;
}

interface Load {
  ms: number;
  scriptBytes: number;
  scripts: number;
  allBytes: number;
}

/** A phone's browser, signed in as `username` (unthrottled), then its cache emptied and the link and CPU slowed. */
async function phoneSignedIn(browser: Browser, baseUrl: string, username: string): Promise<{ page: Page; cdp: CDPSession; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: /个人资料|Profile/ }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp, close: () => context.close() };
}

/** Opens the home page with an empty cache: milliseconds from navigation start to the role's work on screen. */
async function firstPage(browser: Browser, baseUrl: string, role: (typeof ROLES)[number]): Promise<Load> {
  const { page, cdp, close } = await phoneSignedIn(browser, baseUrl, role.username);
  try {
    await page.goto('about:blank');
    const bytes = countBytes(cdp);
    await page.goto(baseUrl + '/#/', { waitUntil: 'commit' });
    await page.getByRole('region', { name: role.ready }).first().waitFor({ timeout: 60_000 });
    // As a string: the project type-checks without the DOM library.
    const ms = (await page.evaluate('performance.now()')) as number;
    return { ms, scriptBytes: bytes.script, scripts: bytes.scripts, allBytes: bytes.all };
  } finally {
    await close();
  }
}

/** The sign-in screen on a first visit (nobody signed in, nothing cached): what every role sees first. */
async function signInScreen(browser: Browser, baseUrl: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const bytes = countBytes(cdp);
    await page.goto(baseUrl + '/', { waitUntil: 'commit' });
    await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
    const ms = (await page.evaluate('performance.now()')) as number;
    return { ms, scriptBytes: bytes.script, scripts: bytes.scripts, allBytes: bytes.all };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-phone-'));
  const shipped = path.join(dir, 'split');
  const baseline = path.join(dir, 'single');
  log('building the console as shipped and the single-bundle baseline…');
  buildConsole(shipped, false);
  buildConsole(baseline, true);

  const pg = await provisionPostgres(log, 'unused');
  const dbName = `hospital_desk_bench_phone_${Date.now().toString(36)}`;
  await createDatabaseIfMissing(pg.serverUrl, dbName);
  const url = databaseUrl(pg.serverUrl, dbName);
  const owner = await openOrm(url, { poolMax: 1 });
  await migrate(owner);
  await owner.getSeeder().seed(DemoSeeder);
  await owner.close();
  const orm = await openOrm(url, { poolMax: 5, role: APP_ROLE });
  const servers: ServerType[] = [];
  // The first pages read PostgreSQL only: no Temporal server is needed to show them.
  const listen = async (consoleDir: string) => {
    const app = createApp({ orm, temporal: {} as AppDeps['temporal'], settings: { namespace: 'bench', taskQueue: 'bench' }, timeZone: 'Asia/Shanghai', consoleDir, accessLog: false });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const variants = [
    { name: 'split + brotli', url: await listen(shipped) },
    { name: 'single bundle, uncompressed (baseline)', url: await listen(baseline) },
  ];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });

  const lines: string[] = [];
  const out = (l = '') => {
    lines.push(l);
    console.log(l);
  };
  try {
    const rows: string[] = [];
    const measure = async (page: string, load: (v: (typeof variants)[number]) => Promise<Load>) => {
      const results = new Map<string, Load[]>();
      // Alternately, so that a drift of the machine during the run moves both.
      for (let i = 0; i < RUNS; i++) for (const v of variants) results.set(v.name, [...(results.get(v.name) ?? []), await load(v)]);
      const [ours, base] = variants.map((v) => {
        const r = results.get(v.name)!;
        return { p50: summary(r.map((x) => x.ms)).p50, js: summary(r.map((x) => x.scriptBytes)).p50, scripts: r[0].scripts, all: summary(r.map((x) => x.allBytes)).p50 };
      });
      const kib = (n: number) => `${fmt(n / 1024, 0)} KiB`;
      rows.push(
        `| ${page} | ${kib(ours.js)} in ${ours.scripts} | ${kib(base.js)} in ${base.scripts} | ${fmt(ours.p50 / 1000, 2)} s | ${fmt(base.p50 / 1000, 2)} s | ${fmt(ours.p50 / base.p50, 2)} | ${ours.p50 <= TARGET_MS ? 'yes' : '**no**'} |`,
      );
      log(`${page}: ${kib(ours.js)} / ${fmt(ours.p50)} ms vs ${kib(base.js)} / ${fmt(base.p50)} ms`);
    };
    await measure('sign-in screen (first visit)', (v) => signInScreen(browser, v.url));
    for (const role of ROLES) await measure(`${role.label}: home`, (v) => firstPage(browser, v.url, role));

    const date = new Date().toISOString().slice(0, 10);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    out(`## ${date}: first page on a phone (benchmark 5)${CPU_SLOWDOWN === 1 ? ', CPU not slowed' : ''}`);
    out();
    out(
      `Machine: ${os.cpus().length} × ${cpu}; Chromium ${browser.version()} headless at 390×844, ${NETWORK.latency} ms latency, ${fmt((NETWORK.downloadThroughput * 8) / 1e6, 0)} Mbit/s down, CPU ${CPU_SLOWDOWN}× slower; cache empty; median of ${RUNS}. ` +
        `Built JavaScript: ${fmt(scriptBytes(shipped) / 1024, 0)} KiB in all chunks as shipped, ${fmt(scriptBytes(baseline) / 1024, 0)} KiB in the single bundle.`,
    );
    out();
    out('| first page | JS transferred (ours) | JS transferred (baseline) | usable (ours) | usable (baseline) | ratio | ours ≤ 3 s |');
    out('|---|---|---|---|---|---|---|');
    for (const r of rows) out(r);
    out();
  } finally {
    await browser.close();
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await orm.close();
    await dropDatabase(pg.serverUrl, dbName).catch(() => undefined);
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (args['no-write'] !== 'true') {
    const file = path.join(ROOT, 'docs/benchmarks.md');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n\n${lines.join('\n')}\n`);
    log('appended to docs/benchmarks.md');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
