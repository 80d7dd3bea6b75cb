import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import { openOrm, type Orm } from '../../db/orm';
import { createWorker } from '../../worker/create-worker';

export interface Stack {
  baseUrl: string;
  orm: Orm;
  client: Client;
  taskQueue: string;
  /** Stops the worker as a deploy would (finishing in-flight tasks); workflows wait on the server. */
  stopWorker(): Promise<void>;
  /** A fresh worker with an empty cache: running workflows are rebuilt by replaying their history. */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
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
export async function startStack(opts: { consoleDir?: string } = {}): Promise<Stack> {
  quietRuntime();
  const settings = { namespace: env('TEMPORAL_NAMESPACE'), taskQueue: `test-${randomUUID()}` };
  const address = env('TEMPORAL_ADDRESS');
  const orm = await openOrm(env('DATABASE_URL'), { poolMax: 5 });
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
  const app = createApp({ orm, temporal: client, settings, timeZone: 'Asia/Shanghai', consoleDir: opts.consoleDir });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
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
    },
  };
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
