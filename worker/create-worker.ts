import { randomUUID } from 'node:crypto';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalSettings } from '../config/temporal';
import { HEARTBEAT_EVERY_MS, removeHeartbeat, writeHeartbeat } from '../db/worker-heartbeat';
import { PRELOADED_MODULES } from './bundle';

export interface WorkerConfig {
  connection: NativeConnection;
  settings: Pick<TemporalSettings, 'namespace' | 'taskQueue'>;
  deps: ActivityDeps;
  /** Prebuilt bundle (tests build it once per run); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorker({ connection, settings, deps, workflowBundle }: WorkerConfig): Promise<Worker> {
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows'), bundlerOptions: { preloadModules: PRELOADED_MODULES } }),
    activities: createActivities(deps),
    // As many tickets as fit under 1 GiB with headroom; the SDK's default guesses from the heap (docs/decisions.md).
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? (process.env.DESK_WORKER_ALLOCATOR === 'jemalloc' ? 2000 : 1000)),
    ...(process.env.WORKER_WORKFLOW_THREADS ? { workflowThreadPoolSize: Number(process.env.WORKER_WORKFLOW_THREADS) } : {}),
    // A ticket's next task waits this long for this worker before any may take it: short, as under a timer storm it is seldom cached here.
    stickyQueueScheduleToStartTimeout: (process.env.WORKER_STICKY_TIMEOUT ?? '1s') as '1s',
  });
  await heartbeat(worker, deps, settings.taskQueue);
  return worker;
}

/**
 * The worker's row in `worker_heartbeats` (docs/decisions.md, "Worker liveness from a heartbeat
 * row"): written before the worker is handed out, every 10 s while it is created or running
 * (every second after a failed write, so it is back as soon as PostgreSQL is), deleted as it shuts
 * down. A worker killed outright stops beating: after 30 s it no longer counts.
 */
async function heartbeat(worker: Worker, { orm }: ActivityDeps, taskQueue: string): Promise<void> {
  const id = `${worker.options.identity}#${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  let last = 0;
  let busy = false;
  const beat = async () => {
    await writeHeartbeat(orm.em.fork(), id, taskQueue, startedAt);
    last = Date.now();
  };
  await beat();
  const tick = setInterval(() => {
    if (busy) return;
    const state = worker.getState();
    const alive = state === 'INITIALIZED' || state === 'RUNNING';
    if (alive && Date.now() - last < HEARTBEAT_EVERY_MS) return;
    busy = true;
    const done = () => (busy = false);
    if (alive) {
      beat().then(done, done);
      return;
    }
    clearInterval(tick);
    removeHeartbeat(orm.em.fork(), id).then(done, done);
  }, 250);
  tick.unref();
}
