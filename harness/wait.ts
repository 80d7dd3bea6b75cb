/** Waiting, and time limits on what is awaited. */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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

/** Polls `fn` until it gives something, or fails naming `what`. */
export async function waitUntil<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
