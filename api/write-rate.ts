import type { MiddlewareHandler } from 'hono';
import { said } from '../domain/messages';
import { signedInUser } from './auth/session';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/**
 * Writes per signed-in user, as a token bucket: a person clicking through steps never comes near
 * it; a stuck script or a stolen session looping on a write is slowed to the refill rate instead of
 * filling the history of every ticket it can reach. In memory, per API process.
 */
export class WriteRate {
  private buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    readonly burst: number,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): WriteRate {
    const perMinute = Number(env.DESK_WRITES_PER_MINUTE ?? 300);
    return new WriteRate(perMinute, Math.max(1, Math.ceil(perMinute / 5)));
  }

  /** Takes one write from the user's bucket: 0, or the seconds until the next write may come. */
  take(userId: number, now = Date.now()): number {
    const b = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) * this.perMinute) / 60_000);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(userId, b);
      return Math.ceil(((1 - b.tokens) * 60) / this.perMinute);
    }
    b.tokens -= 1;
    // A full bucket is the default: forget it, so the map holds only users writing right now.
    if (b.tokens >= this.burst - 1 && this.buckets.size > 10_000) this.buckets.delete(userId);
    else this.buckets.set(userId, b);
    return 0;
  }
}

/** 429 with Retry-After for a signed-in user's write beyond the rate; sign-in has its own throttle. */
export function limitWrites(rate: WriteRate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const user = await signedInUser(c);
      const wait = user ? rate.take(user.id) : 0;
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, said('request.too_many_writes', { seconds: wait }));
      }
    }
    await next();
  };
}
