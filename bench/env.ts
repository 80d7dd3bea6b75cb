import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { bundleTicketWorkflows } from '../worker/bundle';
import { loadTemporalSettings } from '../config/temporal';
import { migrate, openOrm } from '../db/orm';
import { DemoSeeder } from '../db/seeders/demo.seeder';
import { freePort } from '../scripts/ports';
import { createDatabaseIfMissing, databaseUrl, dropDatabase, provisionPostgres } from '../scripts/postgres';
import { ensureTemporalCli } from '../scripts/temporal-cli';
import { startTemporalDevServer } from '../scripts/temporal-server';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) };

/**
 * The same real services the tests use, once for the whole bench run: a Temporal dev server
 * (in memory), a fresh PostgreSQL database with demo data, and both workflow bundles.
 */
export async function benchEnvironment(log: (l: string) => void) {
  const cleanups: (() => Promise<void>)[] = [];
  const settings = loadTemporalSettings();
  const cli = await ensureTemporalCli(log, settings.cli.version);
  const temporal = await startTemporalDevServer({ cli, settings, port: await freePort(), uiPort: await freePort(), headless: true });
  cleanups.unshift(() => temporal.stop());
  const pg = await provisionPostgres(log, 'unused');
  cleanups.unshift(() => pg.stop());
  const dbName = `hospital_desk_bench_${Date.now().toString(36)}`;
  await createDatabaseIfMissing(pg.serverUrl, dbName);
  cleanups.unshift(() => dropDatabase(pg.serverUrl, dbName));
  const dbUrl = databaseUrl(pg.serverUrl, dbName);
  const orm = await openOrm(dbUrl, { poolMax: 2 });
  await migrate(orm);
  await orm.getSeeder().seed(DemoSeeder);
  await orm.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  cleanups.unshift(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const productBundle = path.join(dir, 'product.js');
  fs.writeFileSync(productBundle, await bundleTicketWorkflows(quiet));
  const minimalBundle = path.join(dir, 'minimal.js');
  fs.writeFileSync(minimalBundle, (await bundleWorkflowCode({ workflowsPath: require.resolve('./minimal.workflow'), logger: quiet })).code);

  Object.assign(process.env, {
    TEMPORAL_ADDRESS: temporal.address,
    DATABASE_URL: dbUrl,
    DESK_WORKFLOW_BUNDLE: productBundle,
    TEMPORAL_NAMESPACE: settings.namespace,
    DESK_ACCESS_LOG: 'off',
    // The benchmarks drive thousands of steps as a few users: the per-user write limit is for people.
    DESK_WRITES_PER_MINUTE: '1000000',
  });
  return {
    temporalAddress: temporal.address,
    namespace: settings.namespace,
    dbUrl,
    minimalBundle,
    pgSource: pg.source,
    async close() {
      for (const f of cleanups) await f().catch((e: Error) => console.error('cleanup:', e.message));
    },
  };
}
