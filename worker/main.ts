/** The worker process: runs ticket workflows and their activities. Needs DATABASE_URL and TEMPORAL_ADDRESS. */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { loadTemporalSettings } from '../config/temporal';
import { APP_ROLE, openOrm } from '../db/orm';
import { createWorker } from './create-worker';
import { archiveKey } from '../db/archive-chain';
import { createLogger } from '../platform/log';

const log = createLogger('worker');
import { ensureReconcileSchedule } from './reconcile-schedule';

async function main(): Promise<void> {
  const settings = loadTemporalSettings();
  const databaseUrl = required('DATABASE_URL');
  const address = required('TEMPORAL_ADDRESS');
  // Runtime.install makes SIGINT/SIGTERM shut the worker down gracefully (finish in-flight tasks).
  Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN') ?? 'WARN') });
  archiveKey(); // signing archive checkpoints needs it: refuse to start without it
  const orm = await openOrm(databaseUrl, { role: APP_ROLE });
  const connection = await NativeConnection.connect({ address });
  // Activities use a client of their own to export a finished ticket's history into the archive.
  const clientConnection = await Connection.connect({ address });
  const temporal = new Client({ connection: clientConnection, namespace: settings.namespace });
  try {
    // A bundle built beforehand (npm start does) keeps webpack out of this long-lived process.
    const bundle = process.env.DESK_WORKFLOW_BUNDLE;
    const worker = await createWorker({ connection, settings, deps: { orm, temporal }, workflowBundle: bundle ? { codePath: bundle } : undefined });
    // For capacity planning: how much of the worker's memory is JS heap.
    const every = Number(process.env.WORKER_MEMORY_LOG_SECONDS ?? 0);
    if (every > 0) {
      const mib = (n: number) => Math.round(n / 2 ** 20);
      setInterval(() => {
        const m = process.memoryUsage();
        const mem = { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external) };
        log.info(mem, `worker: memory rss ${mem.rssMiB} MiB, js heap ${mem.heapUsedMiB} of ${mem.heapTotalMiB} MiB, external ${mem.externalMiB} MiB`);
      }, every * 1000).unref();
    }
    // Reconciliation of open tickets with their workflows: created or updated, and run once now.
    // Not fatal: the worker serves tickets without it, and the next start tries again.
    ensureReconcileSchedule(temporal, settings.taskQueue).catch((e: Error) => log.warn({ err: e }, `worker: reconciliation schedule not set up: ${e.message}`));
    const allocator = process.env.DESK_WORKER_ALLOCATOR ?? 'glibc';
    const ready = { taskQueue: settings.taskQueue, namespace: settings.namespace, cachedWorkflows: worker.options.maxCachedWorkflows, allocator, node: process.version };
    log.info(ready, `worker: polling task queue ${settings.taskQueue} in namespace ${settings.namespace} (cache ${worker.options.maxCachedWorkflows} tickets, ${allocator} malloc)`);
    await worker.run();
  } finally {
    await clientConnection.close();
    await connection.close();
    await orm.close();
  }
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} must be set`);
  return v;
}

main().catch((e) => {
  log.fatal({ err: e }, 'worker failed');
  process.exit(1);
});
