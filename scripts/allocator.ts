/**
 * The worker runs on jemalloc where the machine has it (Debian's libjemalloc2, which `npm start`
 * installs once where it can), else on glibc and says so. Why: docs/decisions.md, "jemalloc".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
  '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
  '/usr/lib64/libjemalloc.so.2',
  '/usr/lib/libjemalloc.so.2',
  '/usr/local/lib/libjemalloc.so.2',
];

export function findJemalloc(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

/**
 * Environment for the worker process: jemalloc preloaded unless DESK_WORKER_ALLOCATOR=glibc
 * (for comparisons) or it is not installed.
 */
export function workerAllocatorEnv(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; allocator: 'jemalloc' | 'glibc' } {
  const lib = env.DESK_WORKER_ALLOCATOR === 'glibc' ? undefined : findJemalloc();
  if (!lib) return { env, allocator: 'glibc' };
  const preload = [lib, ...(env.LD_PRELOAD ?? '').split(/[ :]/).filter((p) => p && p !== lib)].join(':');
  return { env: { ...env, LD_PRELOAD: preload }, allocator: 'jemalloc' };
}

/** Installs Debian's libjemalloc2 if it is missing and we may (root with apt-get); never fails the start. */
export function ensureJemalloc(log: (line: string) => void): void {
  if (findJemalloc() || process.platform !== 'linux') return;
  const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canApt) {
    log('worker memory: jemalloc not found (Debian: apt-get install libjemalloc2); the worker runs on glibc malloc, about twice the memory per cached ticket');
    return;
  }
  log('worker memory: installing libjemalloc2 (once per machine)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libjemalloc2'], { env, encoding: 'utf8' });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    r = install();
  }
  log(findJemalloc() ? 'worker memory: libjemalloc2 installed' : `worker memory: could not install libjemalloc2 (${(r.stderr ?? '').trim().split('\n').at(-1) ?? 'apt-get failed'}); running on glibc malloc`);
}
