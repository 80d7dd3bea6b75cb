/**
 * The services a drill disturbs, through the product's own provisioning code: a Temporal dev
 * server (`temporal server start-dev`, optionally on a SQLite file so it can be restarted), a
 * PostgreSQL server of the drill's own (stoppable), and a fresh migrated + seeded database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTicketWorkflows } from '../../worker/bundle';
import { loadTemporalSettings } from '../../config/temporal';
import { migrate, openOrm } from '../../db/orm';
import { DemoSeeder } from '../../db/seeders/demo.seeder';
import { freePort } from '../../scripts/ports';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../scripts/postgres';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { startTemporalDevServer, type TemporalHandle } from '../../scripts/temporal-server';
import type { Log } from '../drill-report';
import { startPgInstance, type PgInstance } from '../pg-instance';

export interface TemporalTarget {
  address: string;
  namespace: string;
}

export interface OwnTemporal extends TemporalTarget {
  /** Stops the server and starts it again on the same port (and SQLite file); returns the downtime in ms. */
  restart(opts?: { downMs?: number; hard?: boolean }): Promise<number>;
  stop(): Promise<void>;
  readonly dbFile?: string;
}

/** A dev server of the drill's own on free ports; `persistent` keeps its state in a SQLite file so it survives restarts. */
export async function startOwnTemporal(log: Log, opts: { persistent: boolean; dir: string }): Promise<OwnTemporal> {
  const settings = loadTemporalSettings();
  const cli = await ensureTemporalCli(log, settings.cli.version);
  const [port, uiPort] = [await freePort(), await freePort()];
  const dbFile = opts.persistent ? path.join(opts.dir, 'temporal.db') : undefined;
  const logFile = path.join(opts.dir, 'temporal.log');
  const start = () => startTemporalDevServer({ cli, settings, port, uiPort, dbFile, headless: true, logFile });
  let handle: TemporalHandle = await start();
  return {
    address: handle.address,
    namespace: settings.namespace,
    dbFile,
    async restart({ downMs = 0, hard = false } = {}) {
      const t0 = Date.now();
      if (hard) {
        const child = handle.child!;
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await gone;
      } else {
        await handle.stop();
      }
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      handle = await start();
      return Date.now() - t0;
    },
    stop: () => handle.stop(),
  };
}

export interface DrillDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A new database on `serverUrl`, migrated and seeded with the demo accounts, hospitals and SLA
 * policies. Its ticket numbers start at a random serial above 1,000,000: workflow IDs come from
 * ticket numbers, and a fresh database on a Temporal namespace that already ran tickets (the test
 * run's shared server) would otherwise hand out numbers whose workflows already exist.
 */
export async function freshDatabase(serverUrl: string, name: string, random: () => number = Math.random): Promise<DrillDatabase> {
  await dropDatabase(serverUrl, name);
  await createDatabaseIfMissing(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const orm = await openOrm(url, { poolMax: 2 });
  try {
    await migrate(orm);
    await orm.getSeeder().seed(DemoSeeder);
    const serial = (100 + Math.floor(random() * 800)) * 10_000;
    await orm.em.fork().getConnection().execute(`select setval('ticket_no_seq', ${serial})`);
  } finally {
    await orm.close();
  }
  return { url, name, drop: () => dropDatabase(serverUrl, name) };
}

export { startPgInstance, type PgInstance };

/** A scratch directory for one drill's logs and state; removed unless `keep`. */
export function drillDir(label: string, base = os.tmpdir()): { dir: string; remove(): void } {
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `desk-drill-${label}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let bundle: Promise<string> | undefined;
/**
 * The workflow bundle the worker processes load, built once per drill run as `npm start` builds
 * it (DESK_WORKFLOW_BUNDLE, when global setup or the caller already built one, is used as is).
 */
export function workflowBundle(log: Log): Promise<string> {
  if (process.env.DESK_WORKFLOW_BUNDLE) return Promise.resolve(process.env.DESK_WORKFLOW_BUNDLE);
  bundle ??= (async () => {
    const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn: (m: string) => log(`bundle: ${m}`), error: (m: string) => log(`bundle: ${m}`) };
    const code = await bundleTicketWorkflows(quiet);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-drill-bundle-')), 'workflow-bundle.js');
    fs.writeFileSync(file, code);
    process.once('exit', () => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    return file;
  })();
  return bundle;
}
