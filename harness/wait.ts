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
