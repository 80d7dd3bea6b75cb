import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalSettings } from '../config/temporal';

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
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities(deps),
  });
}
