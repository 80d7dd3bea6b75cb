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
    // An explicit bound: the SDK's default sizes the cache from the heap assuming ~1.7 MiB per
    // workflow. Ours cost ~0.3 MiB of RSS each on jemalloc (with the churn of rebuilt ones),
    // ~0.5 MiB on glibc's malloc (scripts/allocator.ts): as many as fit with headroom under 1 GiB.
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? (process.env.DESK_WORKER_ALLOCATOR === 'jemalloc' ? 2000 : 1000)),
    // Tried at 2 for many open tickets: p99 timer lateness 79 → 73 s only (docs/benchmarks.md #3).
    ...(process.env.WORKER_WORKFLOW_THREADS ? { workflowThreadPoolSize: Number(process.env.WORKER_WORKFLOW_THREADS) } : {}),
    // A ticket's next task waits this long for this worker before any worker may take it (10 s by
    // default). Under thousands of firing timers most tickets are no longer cached here anyway:
    // waiting 10 s for nothing was the median timer lateness (docs/benchmarks.md #3).
    stickyQueueScheduleToStartTimeout: (process.env.WORKER_STICKY_TIMEOUT ?? '1s') as '1s',
  });
}
