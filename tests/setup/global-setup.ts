import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTicketWorkflows } from '../../worker/bundle';
import { loadTemporalSettings } from '../../config/temporal';
import { migrate, openOrm } from '../../db/orm';
import { DemoSeeder } from '../../db/seeders/demo.seeder';
import { buildConsoleIfStale } from '../../scripts/console-build';
import { freePort } from '../../scripts/ports';
import { createDatabaseIfMissing, databaseUrl, dropDatabase, provisionPostgres } from '../../scripts/postgres';
import { ensureTemporalCli } from '../../scripts/temporal-cli';
import { startTemporalDevServer } from '../../scripts/temporal-server';
import { registerCleanup, runCleanups } from './cleanup';

const log = (line: string) => process.stdout.write(`[test setup] ${line}\n`);

/**
 * Starts what every test talks to: a real Temporal dev server (in memory, random ports), a fresh
 * PostgreSQL database with migrations and demo data, and the workflow bundle, built once.
 * Whatever started is stopped again if a later step fails; otherwise global-teardown stops it.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  try {
    const settings = loadTemporalSettings();
    const cli = await ensureTemporalCli(log, settings.cli.version);
    const [port, uiPort] = [await freePort(), await freePort()];
    const temporal = await startTemporalDevServer({ cli, settings, port, uiPort, headless: true });
    registerCleanup(() => temporal.stop());

    const pg = await provisionPostgres(log, 'unused');
    registerCleanup(() => pg.stop());
    const dbName = `hospital_desk_test_${process.pid}_${Date.now().toString(36)}`;
    await createDatabaseIfMissing(pg.serverUrl, dbName);
    registerCleanup(() => dropDatabase(pg.serverUrl, dbName));
    const dbUrl = databaseUrl(pg.serverUrl, dbName);
    const orm = await openOrm(dbUrl, { poolMax: 2 });
    try {
      await migrate(orm);
      await orm.getSeeder().seed(DemoSeeder);
    } finally {
      await orm.close();
    }

    const code = await bundleTicketWorkflows(quietLogger);
    const bundlePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-wf-')), 'workflow-bundle.js');
    fs.writeFileSync(bundlePath, code);
    registerCleanup(async () => fs.rmSync(path.dirname(bundlePath), { recursive: true, force: true }));

    // The browser tests drive the same built console `npm start` serves.
    if (process.env.DESK_SKIP_CONSOLE_BUILD !== '1') buildConsoleIfStale(log);

    // Test files run in this process (--runInBand) or in workers forked after this point: both see these.
    process.env.TEMPORAL_ADDRESS = temporal.address;
    process.env.DATABASE_URL = dbUrl;
    process.env.DESK_TEST_PG_SERVER = pg.serverUrl;
    process.env.DESK_WORKFLOW_BUNDLE = bundlePath;
    process.env.TEMPORAL_NAMESPACE = settings.namespace;
    process.env.DESK_ACCESS_LOG = 'off';
    // The run's own archive key: the worker signs checkpoints with it, the verifier checks them.
    process.env.DESK_ARCHIVE_KEY ??= randomBytes(32).toString('hex');
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s on Node ${process.version}: Temporal ${temporal.address}, database ${dbName} (${pg.source})`);
  } catch (e) {
    await runCleanups();
    throw e;
  }
}

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (m: string) => log(`bundle: ${m}`),
  error: (m: string) => log(`bundle: ${m}`),
};
