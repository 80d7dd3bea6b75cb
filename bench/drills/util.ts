/** Small helpers shared by the fault drills. */

export type Log = (line: string) => void;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A seeded PRNG (mulberry32): a drill prints its seed, and the same seed replays the same fault plan. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (random: () => number, lo: number, hi: number) => lo + (hi - lo) * random();

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Rejects with `what` once `ms` have passed; clears its timer either way. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: not done within ${seconds(ms)}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `fn` until it returns a value other than undefined, at most until `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${what}: gave up after ${seconds(timeoutMs)}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await sleep(everyMs);
  }
}

/** A failure the drill reports as such: what was expected, what was seen. */
export class DrillFailure extends Error {}

export function counter(): { add(key: string | number, n?: number): void; get(key: string | number): number; all(): Record<string, number> } {
  const m = new Map<string, number>();
  return {
    add: (key, n = 1) => m.set(String(key), (m.get(String(key)) ?? 0) + n),
    get: (key) => m.get(String(key)) ?? 0,
    all: () => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
}
