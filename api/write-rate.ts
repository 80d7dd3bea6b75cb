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

  /** Gives back a write the desk failed to carry out (5xx): nothing was written, and a client retrying through an outage must not find itself limited afterwards. */
  refund(userId: number): void {
    const b = this.buckets.get(userId);
    if (b) b.tokens = Math.min(this.burst, b.tokens + 1);
  }
}

/**
 * 429 with Retry-After for a signed-in user's write beyond the rate; sign-in has its own throttle.
 * A write the desk answered 5xx is not counted (see WriteRate.refund).
 */
export function limitWrites(rate: WriteRate, who: typeof signedInUser = signedInUser): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const user = await who(c);
    if (!user) return next();
    const wait = rate.take(user.id);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, said('request.too_many_writes', { seconds: wait }));
    }
    await next();
    if (c.res.status >= 500) rate.refund(user.id);
  };
}
