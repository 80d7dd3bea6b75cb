/**
 * `npm start`: the whole product on one machine. Temporal dev server (or TEMPORAL_ADDRESS),
 * PostgreSQL (DATABASE_URL, the local server, or an embedded one), migrations, reference data and
 * either the demo data (DESK_DEMO=1) or, on a first start, one admin with a one-time password;
 * the console build, then the worker and the API as child processes. Ctrl-C stops all of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleTicketWorkflows } from '../worker/bundle';
import { DATA_DIR, ROOT } from '../config/paths';
import { loadTemporalSettings } from '../config/temporal';
import { migrate, openOrm } from '../db/orm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '../db/seeders/demo.seeder';
import { ReferenceSeeder } from '../db/seeders/reference.seeder';
import { provisionFirstAdmin } from './first-admin';
import { buildConsoleIfStale, CONSOLE_DIR } from './console-build';
import { assertPortFree } from './ports';
import { createDatabaseIfMissing, databaseUrl, provisionPostgres } from './postgres';
import { ProvisionError } from './provision-error';
import { ensureTemporalCli } from './temporal-cli';
import { spawnWorker } from './worker-process';
import { ensureJemalloc } from './allocator';
import { startTemporalDevServer, useExternalTemporal, type TemporalHandle } from './temporal-server';
import { createLogger } from '../platform/log';

// Every line this process prints is JSON (pino): its own messages, and its children's lines as they come.
const logger = createLogger('start');
const log = (line: string) => logger.info(line);
const quietBundler = { log() {}, trace() {}, debug() {}, info() {}, warn: (m: string) => log(`bundle: ${m}`), error: (m: string) => log(`bundle: ${m}`) };
const cleanups: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  // A real desk signs its archive with a key of its own; only a try-out may use the public demo key.
  if (process.env.DESK_DEMO !== '1' && !process.env.DESK_ARCHIVE_KEY) {
    throw new ProvisionError('DESK_ARCHIVE_KEY is not set: a real desk signs its archive checkpoints with a secret key (make one with `openssl rand -hex 32`); for a try-out with demo data, start with DESK_DEMO=1.');
  }
  const settings = loadTemporalSettings();
  const apiPort = Number(process.env.PORT ?? 3000);
  fs.mkdirSync(DATA_DIR, { recursive: true });

  // Every port we will bind, checked before anything starts, so a clash costs nothing.
  await assertPortFree(apiPort, 'service desk API', 'Stop that process or start with PORT=<another port>.');
  if (!settings.externalAddress) {
    const hint = 'Is another `npm start` or Temporal server running? Stop it, or set TEMPORAL_ADDRESS=host:port to use it.';
    await assertPortFree(settings.devServer.port, 'Temporal gRPC', hint);
    await assertPortFree(settings.devServer.uiPort, 'Temporal Web UI', hint);
  }

  let temporal: TemporalHandle;
  if (settings.externalAddress) {
    log(`Temporal: using ${settings.externalAddress} (TEMPORAL_ADDRESS)`);
    temporal = await useExternalTemporal(settings);
  } else {
    const cli = await ensureTemporalCli(log, settings.cli.version);
    log(`Temporal: starting the dev server (state in ${path.relative(ROOT, path.resolve(ROOT, settings.devServer.dbFile))})`);
    temporal = await startTemporalDevServer({
      cli,
      settings,
      port: settings.devServer.port,
      uiPort: settings.devServer.uiPort,
      dbFile: path.resolve(ROOT, settings.devServer.dbFile),
      logFile: path.join(DATA_DIR, 'temporal.log'),
    });
  }
  cleanups.unshift(() => temporal.stop());

  const pg = await provisionPostgres(log, process.env.DESK_DB_NAME ?? 'hospital_desk');
  cleanups.unshift(() => pg.stop());
  if (await createDatabaseIfMissing(pg.serverUrl, pg.database)) log(`PostgreSQL: created database ${pg.database}`);
  const dbUrl = databaseUrl(pg.serverUrl, pg.database);
  const demo = process.env.DESK_DEMO === '1';
  let firstAdmin: { username: string; password: string } | undefined;
  const orm = await openOrm(dbUrl, { poolMax: 2 });
  try {
    const applied = await migrate(orm);
    if (applied.length) log(`PostgreSQL: applied migrations ${applied.join(', ')}`);
    await orm.getSeeder().seed(demo ? DemoSeeder : ReferenceSeeder);
    if (!demo) firstAdmin = await provisionFirstAdmin(orm);
  } finally {
    await orm.close();
  }

  buildConsoleIfStale(log);
  // Bundled here, once, so the worker process never carries webpack's memory.
  const workflowBundle = path.join(DATA_DIR, 'workflow-bundle.js');
  const code = await bundleTicketWorkflows(quietBundler);
  fs.writeFileSync(workflowBundle, code);

  if (demo && !process.env.DESK_ARCHIVE_KEY) logger.warn('DESK_DEMO=1 without DESK_ARCHIVE_KEY: archive checkpoints are signed with the public demo key');
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_UI_URL: temporal.uiUrl ?? process.env.TEMPORAL_UI_URL ?? '',
    PORT: String(apiPort),
    DESK_CONSOLE_DIR: CONSOLE_DIR,
    DESK_WORKFLOW_BUNDLE: workflowBundle,
  };
  ensureJemalloc(log);
  superviseChild('worker', spawnWorker(env));
  superviseChild('api', spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  await waitForApi(apiPort);

  const base = `http://127.0.0.1:${apiPort}`;
  log('Hospital service desk (医院维保服务台) is up:');
  log(`  console      ${base}/`);
  log(`  API docs     ${base}/api/docs`);
  log(`  Temporal UI  ${temporal.uiUrl ?? '(external server: see its own UI)'}`);
  if (demo) log(`  demo sign-in (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')}`);
  // Shown here once, and nowhere else: only its hash is stored, and it must change at first sign-in.
  if (firstAdmin) {
    log(`  first sign-in: user ${firstAdmin.username}, one-time password ${firstAdmin.password}`);
    log('               (shown only now: sign in and choose your own password; the desk asks for it first)');
  }
  log(`  runtime      Node ${process.version} (${process.execPath})`);
  log('Press Ctrl-C to stop.');
}

/**
 * A child's JSON lines go out as they are (they carry their own `name`); anything else it prints
 * (Node warnings, the Temporal runtime's own logger) is wrapped in a line of ours, JSON-escaped.
 */
function relay(name: string, level: 'info' | 'warn') {
  let rest = '';
  return (buf: Buffer) => {
    const lines = (rest + buf.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      if (isJsonObject(line)) process.stdout.write(line + '\n');
      else logger[level]({ child: name, line }, `${name} output`);
    }
  };
}

function isJsonObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

function superviseChild(name: string, child: ChildProcess): void {
  child.stdout!.on('data', relay(name, 'info'));
  child.stderr!.on('data', relay(name, 'warn'));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    logger.error({ child: name, code, signal }, `${name} stopped unexpectedly (${signal ?? `exit ${code}`}); shutting everything down.`);
    void shutdown(1);
  });
  children.push(child);
  cleanups.unshift(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
}

async function waitForApi(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new ProvisionError(`The API did not answer on port ${port} within two minutes.`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  // Children first (the worker finishes its in-flight tasks), then Temporal, then PostgreSQL.
  const childStops = cleanups.splice(0, children.length);
  await Promise.all(childStops.map((f) => f().catch(() => {})));
  for (const f of cleanups) await f().catch((e) => logger.error({ err: e }, `while stopping: ${(e as Error).message}`));
  log('Stopped.');
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

main().catch(async (e) => {
  if (e instanceof ProvisionError) logger.fatal(`Cannot start: ${e.message}`);
  else logger.fatal({ err: e }, 'Cannot start');
  await shutdown(1);
});
