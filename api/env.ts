import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { TimingVariables } from 'hono/timing';
import type { TemporalSettings } from '../config/temporal';
import type { Role } from '../domain/roles';
import type { WriteRate } from './write-rate';
import type { Logger } from '../platform/log';
import type { ThrottleSettings } from './auth/throttle';

export interface AppDeps {
  orm: MikroORM;
  temporal: Client;
  settings: Pick<TemporalSettings, 'namespace' | 'taskQueue'>;
  /** Hospitals' local time zone: ticket numbers carry the local date. */
  timeZone: string;
  /** Where the built console lives; omitted = API only. */
  consoleDir?: string;
  /** Temporal Web UI base URL, for links from the console. */
  temporalUiUrl?: string;
  /**
   * How long one request may wait on Temporal before answering 503. A started ticket is not lost
   * when this runs out: the workflow finishes on its own and a retry with the same
   * Idempotency-Key finds it.
   */
  temporalTimeoutMs?: number;
  /** Writes per user and minute (default from DESK_WRITES_PER_MINUTE, else 300). */
  writeRate?: WriteRate;
  /**
   * Mark the session cookie Secure: true, false, or (default) 'auto': Secure unless the request
   * came over plain http to localhost / 127.0.0.1 / [::1] (DESK_SECURE_COOKIES=true|false).
   */
  secureCookies?: boolean | 'auto';
  /** Proxies whose X-Forwarded-For is believed (DESK_TRUSTED_PROXIES); none by default. */
  trustedProxies?: string[];
  /** A session unused this long ends (DESK_IDLE_MINUTES, default 30); fractions for tests. */
  idleMinutes?: number;
  /** Sign-in throttling; api/auth/throttle.ts has the defaults. Tests shorten them. */
  throttle?: Partial<ThrottleSettings>;
  /** Where the API logs (JSON lines); a pino logger named `api` on stdout by default. */
  log?: Logger;
  /** One line per /api request; by default on unless DESK_ACCESS_LOG=off. */
  accessLog?: boolean;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  hospitalId: number | null;
  /** The password must change before anything else (the first-run admin). */
  mustChangePassword: boolean;
}

export interface AppEnv {
  Variables: {
    em: EntityManager;
    log: Logger;
    requestId: string;
    user: SessionUser;
    /** The idle limit of sessions, set per app (AppDeps.idleMinutes). */
    idleMs: number;
  } & TimingVariables;
}
