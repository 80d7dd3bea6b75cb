import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../config/paths';
import { workerAllocatorEnv } from './allocator';

/**
 * How the worker process is launched, by `npm start` and the benchmarks alike. The heap cap and
 * the ticket cache (worker/create-worker.ts) keep thousands of open tickets under 1 GiB: tickets
 * beyond the cache are rebuilt from history when their next timer or step arrives.
 */
export const WORKER_HEAP_MIB = Number(process.env.WORKER_HEAP_MIB ?? 768);

/** With DESK_CPU_PROFILE_DIR set, the process writes V8 CPU profiles there on exit (`npm run bench -- --profile`). */
export function profileArgs(env: NodeJS.ProcessEnv): string[] {
  return env.DESK_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.DESK_CPU_PROFILE_DIR}`] : [];
}

export function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  const withAllocator = workerAllocatorEnv(env);
  return spawn(process.execPath, [...profileArgs(env), `--max-old-space-size=${WORKER_HEAP_MIB}`, '--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: { ...withAllocator.env, DESK_WORKER_ALLOCATOR: withAllocator.allocator },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
