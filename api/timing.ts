import type { Context } from 'hono';
import { endTime, startTime } from 'hono/timing';
import type { AppEnv } from './env';

/** Times one part of a request into its Server-Timing header; without a context it only runs. */
export async function span<T>(c: Context<AppEnv> | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!c) return fn();
  startTime(c, name);
  try {
    return await fn();
  } finally {
    endTime(c, name);
  }
}
