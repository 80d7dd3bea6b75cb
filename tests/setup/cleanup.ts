/**
 * Stop actions for what global setup started, newest first. Kept on globalThis because jest loads
 * global-setup and global-teardown as separate modules in the same process.
 */
type Cleanup = () => Promise<void>;
const KEY = Symbol.for('hospital-desk.test-cleanups');
const store = globalThis as unknown as Record<symbol, Cleanup[] | undefined>;

export function registerCleanup(fn: Cleanup): void {
  (store[KEY] ??= []).unshift(fn);
}

export async function runCleanups(): Promise<void> {
  const fns = store[KEY] ?? [];
  store[KEY] = [];
  for (const fn of fns) {
    await fn().catch((e: Error) => process.stderr.write(`[test teardown] ${e.message}\n`));
  }
}
