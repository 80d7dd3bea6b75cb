import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/env';
import { APP_ROLE, migrate, openOrm, type Orm } from '../db/orm';
import { DemoSeeder } from '../db/seeders/demo.seeder';
import { ReferenceSeeder } from '../db/seeders/reference.seeder';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../scripts/postgres';
import { createWorker } from '../worker/create-worker';

export interface Stack {
  baseUrl: string;
  orm: Orm;
  client: Client;
  taskQueue: string;
  /** The database's URL, for a connection as its owner (the stack's own act as desk_app). */
  databaseUrl: string;
  /** Stops the worker as a deploy would (finishing in-flight tasks); workflows wait on the server. */
  stopWorker(): Promise<void>;
  /** A fresh worker with an empty cache: running workflows are rebuilt by replaying their history. */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Serve the built console from here (what `npm start` serves). */
  consoleDir?: string;
  /** A database of the file's own instead of the run's shared one. */
  ownDatabase?: boolean;
  /** With ownDatabase: false = reference data only, no demo users (a production first start). */
  demo?: boolean;
  /** Settings of the API (cookies, proxies, idle limit, throttling) as a deployment would set them. */
  app?: Pick<AppDeps, 'secureCookies' | 'trustedProxies' | 'idleMinutes' | 'throttle' | 'log' | 'accessLog' | 'writeRate'>;
  /** A Temporal server of the file's own (a drill that loses its state) instead of the run's. */
  temporalAddress?: string;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests through jest (global setup provides it)`);
  return v;
}

/**
 * The real product in this process: a worker on its own task queue, the API on a random port over
 * real HTTP, both on the run's Temporal dev server and PostgreSQL database.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  quietRuntime();
  const settings = { namespace: env('TEMPORAL_NAMESPACE'), taskQueue: `test-${randomUUID()}` };
  const address = opts.temporalAddress ?? env('TEMPORAL_ADDRESS');
  const db = opts.ownDatabase ? await ownDatabase(opts.demo ?? true) : { url: env('DATABASE_URL'), drop: async () => {} };
  // As the API and the worker are: the app's role (no UPDATE/DELETE on archive and events).
  const orm = await openOrm(db.url, { poolMax: 5, role: APP_ROLE });
  const workerConnection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection, namespace: settings.namespace });
  let worker: { instance: Worker; running: Promise<void> } | undefined;
  const startWorker = async () => {
    const instance = await createWorker({
      connection: workerConnection,
      settings,
      deps: { orm, temporal: client },
      workflowBundle: { codePath: env('DESK_WORKFLOW_BUNDLE') },
    });
    worker = { instance, running: instance.run() };
  };
  const stopWorker = async () => {
    if (!worker) return;
    const w = worker;
    worker = undefined;
    w.instance.shutdown();
    await w.running;
  };
  await startWorker();
  const app = createApp({ orm, temporal: client, settings, timeZone: 'Asia/Shanghai', consoleDir: opts.consoleDir, ...opts.app });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    orm,
    client,
    taskQueue: settings.taskQueue,
    startWorker,
    stopWorker,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorker();
      await clientConnection.close();
      await workerConnection.close();
      await orm.close();
      await db.drop();
    },
  };
}

/**
 * A database of the file's own, migrated and seeded: what a page shows (the ten oldest tasks in
 * a queue, say) must not depend on what the test files before it left behind.
 */
async function ownDatabase(demo: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const server = env('DESK_TEST_PG_SERVER');
  const name = `${new URL(env('DATABASE_URL')).pathname.slice(1)}_${randomUUID().slice(0, 8)}`;
  await createDatabaseIfMissing(server, name);
  const url = databaseUrl(server, name);
  // Ticket numbers name workflows on the run's one Temporal server: this database numbers its
  // tickets from a block of 1000 the shared database skips.
  const shared = await openOrm(env('DATABASE_URL'), { poolMax: 1 });
  const orm = await openOrm(url, { poolMax: 1 });
  try {
    const [{ start }] = await shared.em.getConnection().execute(`select setval('ticket_no_seq', nextval('ticket_no_seq') + 1000) - 1000 as start`);
    await migrate(orm);
    await orm.getSeeder().seed(demo ? DemoSeeder : ReferenceSeeder);
    await orm.em.getConnection().execute(`select setval('ticket_no_seq', ?)`, [Number(start)]);
    // Plan ids name schedules and inspection workflows on the same server: this database's come
    // from the same block lifted past a million, where the shared database's own plans never reach.
    await orm.em.getConnection().execute(`select setval('inspection_plans_id_seq', ?)`, [1_000_000 + Number(start)]);
  } finally {
    await Promise.all([orm.close(), shared.close()]);
  }
  return { url, drop: () => dropDatabase(server, name) };
}

let runtimeInstalled = false;
/** The SDK logs every worker state change at INFO; tests only want warnings. Once per process. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
}
