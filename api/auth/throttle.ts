import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { said } from '../../domain/messages';
import { ApiError } from '../errors';
import type { AppDeps, AppEnv } from '../env';

/**
 * Growing delays after failures of one key: `free` failures within `windowMs` cost nothing, then
 * each next attempt waits base, 2 × base, 4 × base … up to `cap` after the last failure; failures
 * older than the window no longer count (a busy hospital's occasional typos never add up). Never
 * a lockout: the wait is short and known (429 with Retry-After), and an attempt made while
 * waiting is refused without being counted. In memory: one API process per deployment today; a
 * restart forgets, which only ever helps the legitimate user.
 */
export class Backoff {
  /** Failure times per key, oldest first, within the window (at most free + 32: the delay is capped long before). */
  private readonly keys = new Map<string, number[]>();

  constructor(private readonly o: { free: number; baseMs: number; capMs: number; windowMs: number }) {}

  /** Milliseconds until the key may try again, or 0. */
  waitMs(key: string, now = Date.now()): number {
    const failures = this.recent(key, now);
    if (failures.length < this.o.free) return 0;
    const delay = Math.min(this.o.baseMs * 2 ** (failures.length - this.o.free), this.o.capMs);
    return Math.max(0, failures[failures.length - 1] + delay - now);
  }

  fail(key: string, now = Date.now()): void {
    const failures = [...this.recent(key, now), now].slice(-(this.o.free + 32));
    this.keys.set(key, failures);
    if (this.keys.size > 50_000) for (const k of [...this.keys.keys()]) this.recent(k, now);
  }

  reset(key: string): void {
    this.keys.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const all = this.keys.get(key);
    if (!all) return [];
    const live = all.filter((t) => now - t < this.o.windowMs);
    if (live.length === 0) this.keys.delete(key);
    else if (live.length !== all.length) this.keys.set(key, live);
    return live;
  }
}

export interface ThrottleSettings {
  /** Per (account, address): failures before the delays start, the first delay, the longest. */
  pairFree: number;
  pairBaseMs: number;
  pairCapMs: number;
  /** Per address, across accounts (spraying): a looser ceiling with short delays. */
  addressFree: number;
  addressBaseMs: number;
  addressCapMs: number;
  /** Failures older than this no longer count. */
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  pairFree: 3,
  pairBaseMs: 1_000,
  pairCapMs: 5 * 60_000,
  addressFree: 30,
  addressBaseMs: 1_000,
  addressCapMs: 60_000,
  windowMs: 15 * 60_000,
};

/**
 * Failed sign-ins (and wrong current passwords) are slowed per account AND address, so a stranger
 * guessing from elsewhere never stops the owner signing in from their own desk; per address there
 * is only a looser ceiling (a hospital's NAT holds many users), whose waits last a minute at most.
 */
export class SignInThrottle {
  private readonly pairs: Backoff;
  private readonly addresses: Backoff;

  constructor(s: ThrottleSettings = DEFAULT_THROTTLE) {
    this.pairs = new Backoff({ free: s.pairFree, baseMs: s.pairBaseMs, capMs: s.pairCapMs, windowMs: s.windowMs });
    this.addresses = new Backoff({ free: s.addressFree, baseMs: s.addressBaseMs, capMs: s.addressCapMs, windowMs: s.windowMs });
  }

  /** 429 with Retry-After while this account may not try again from this address. */
  check(c: Context<AppEnv>, account: string, address: string): void {
    const wait = Math.max(this.pairs.waitMs(pair(account, address)), this.addresses.waitMs(address));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header('Retry-After', String(seconds));
      throw new ApiError(429, said('auth.retry_in', { seconds }));
    }
  }

  failed(account: string, address: string): void {
    this.pairs.fail(pair(account, address));
    this.addresses.fail(address);
  }

  /** The pair starts over; the address's count does not (one good account must not reset a spray). */
  succeeded(account: string, address: string): void {
    this.pairs.reset(pair(account, address));
  }
}

const pair = (account: string, address: string) => `${account.toLowerCase()}\u0000${address}`;

const throttles = new WeakMap<AppDeps, SignInThrottle>();
/** The one throttle of an app (sign-in and password change share it). */
export function signInThrottle(deps: AppDeps): SignInThrottle {
  let t = throttles.get(deps);
  if (!t) throttles.set(deps, (t = new SignInThrottle({ ...DEFAULT_THROTTLE, ...deps.throttle })));
  return t;
}

/** `::ffff:10.1.2.3` is 10.1.2.3. */
const plain = (ip: string) => ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address: the socket's peer, unless that peer is one of the trusted proxies
 * (DESK_TRUSTED_PROXIES); then the right-most X-Forwarded-For entry that is not itself a trusted
 * proxy (entries further left are whatever the client chose to send).
 */
export function clientAddress(c: Context<AppEnv>, trustedProxies: readonly string[] = []): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // Not behind a Node socket (app.request in tests).
  }
  if (!peer) return 'unknown';
  peer = plain(peer);
  const trusted = new Set(trustedProxies.map(plain));
  if (!trusted.has(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return peer;
}
