import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalSettings } from '../config/temporal';
import { PRELOADED_MODULES } from './bundle';

export interface WorkerConfig {
  connection: NativeConnection;
  settings: Pick<TemporalSettings, 'namespace' | 'taskQueue'>;
  deps: ActivityDeps;
  /** Prebuilt bundle (tests build it once per run); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createWorker({ connection, settings, deps, workflowBundle }: WorkerConfig): Promise<Worker> {
  return Worker.create({
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
}
