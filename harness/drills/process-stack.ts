/**
 * The product as separate processes for a drill: the worker (`worker/main.ts`) and the API
 * (`api/main.ts`) as child processes on a Temporal server and a database of the drill's choosing,
 * on a task queue of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/ports';
import { WORKER_HEAP_MIB } from '../../scripts/worker-process';
import type { Log } from '../drill-report';
import type { TemporalTarget } from './infra';
import { ManagedProcess } from './processes';

export interface DrillStack {
  baseUrl: string;
  databaseUrl: string;
  temporal: TemporalTarget;
  taskQueue: string;
  worker: ManagedProcess;
  api: ManagedProcess;
  stop(): Promise<void>;
}

export async function startDrillStack(o: {
  temporal: TemporalTarget;
  databaseUrl: string;
  dir: string;
  log: Log;
  label: string;
  /** Prebuilt workflow bundle (as `npm start` passes it); omitted = the worker bundles workflows/ at every start. */
  workflowBundle?: string;
}): Promise<DrillStack> {
  const taskQueue = `drill-${o.label}-${randomUUID().slice(0, 8)}`;
  const port = await freePort();
  // An empty console directory: the drills need the API only, not whatever the console build is doing.
  const consoleDir = path.join(o.dir, 'no-console');
  fs.mkdirSync(consoleDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: o.databaseUrl,
    TEMPORAL_ADDRESS: o.temporal.address,
    TEMPORAL_NAMESPACE: o.temporal.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    HOST: '127.0.0.1',
    DESK_CONSOLE_DIR: consoleDir,
    DESK_ACCESS_LOG: 'off',
    WORKER_LOG_LEVEL: 'WARN',
    ...(o.workflowBundle ? { DESK_WORKFLOW_BUNDLE: o.workflowBundle } : {}),
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const worker = new ManagedProcess({
    name: 'worker',
    entry: 'worker/main.ts',
    // Launched as scripts/worker-process.ts launches it for `npm start`.
    nodeArgs: [`--max-old-space-size=${WORKER_HEAP_MIB}`],
    env,
    log: o.log,
    logFile: path.join(o.dir, 'worker.log'),
    readyLine: /worker: polling task queue/,
    readyTimeoutMs: 180_000,
  });
  const api = new ManagedProcess({
    name: 'api',
    entry: 'api/main.ts',
    env,
    log: o.log,
    logFile: path.join(o.dir, 'api.log'),
    readyCheck: () => fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok),
    readyTimeoutMs: 60_000,
  });
  try {
    const [w, a] = await Promise.all([worker.start(), api.start()]);
    o.log(`stack ${o.label}: worker ready in ${w} ms, API ready in ${a} ms on ${baseUrl} (task queue ${taskQueue})`);
  } catch (e) {
    await Promise.all([worker.kill(), api.kill()]);
    throw e;
  }
  return {
    baseUrl,
    databaseUrl: o.databaseUrl,
    temporal: o.temporal,
    taskQueue,
    worker,
    api,
    async stop() {
      await api.stop(10_000);
      await worker.stop(10_000);
    },
  };
}
