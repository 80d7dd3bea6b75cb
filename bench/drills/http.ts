/**
 * A signed-in user of the API over real HTTP, for drills: every request has a time limit, and
 * `until` retries what a dependency outage makes fail (network errors, 502/503/504) with backoff,
 * counting every answer it saw.
 */
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';
import { DrillFailure, sleep, type counter } from './util';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  /** Requests it took (`until`): 1 = answered at once. */
  attempts?: number;
}

/** What a request's retries saw, drill-wide. */
export interface HttpStats {
  /** Answers by status; 'network' = no HTTP answer at all (refused, reset, timed out). */
  statuses: ReturnType<typeof counter>;
  retries: number;
}

const RETRYABLE = new Set([502, 503, 504]);

export class DrillSession {
  private cookie?: string;
  constructor(
    readonly baseUrl: string,
    readonly username: string,
    private readonly stats: HttpStats,
    private readonly timeoutMs = 30_000,
  ) {}

  /** One request, one answer (status 0 = no answer). */
  async once<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='));
      if (setCookie) this.cookie = setCookie.split(';')[0];
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      this.stats.statuses.add(res.status);
      return { status: res.status, body: parsed as T };
    } catch {
      this.stats.statuses.add('network');
      return { status: 0, body: undefined as T };
    }
  }

  /**
   * Repeats the request while the answer is "unavailable" (no answer, 502/503/504) until one of
   * `ok` comes back; any other answer, or running past `deadline`, is a DrillFailure.
   */
  async until<T = unknown>(
    ok: number[],
    method: string,
    path: string,
    o: {
      body?: unknown;
      headers?: Record<string, string>;
      deadline: number;
      what: string;
      /** Other answers that only mean "not yet" and are retried like an outage. */
      transient?: (res: HttpAnswer<T>) => boolean;
    },
  ): Promise<HttpAnswer<T>> {
    let backoff = 200;
    for (let attempt = 0; ; attempt++) {
      const res = await this.once<T>(method, path, o.body, o.headers);
      if (ok.includes(res.status)) return { ...res, attempts: attempt + 1 };
      if (!RETRYABLE.has(res.status) && res.status !== 0 && !o.transient?.(res)) {
        throw new DrillFailure(`${o.what}: ${method} ${path} as ${this.username} answered ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
      }
      if (Date.now() > o.deadline) throw new DrillFailure(`${o.what}: ${method} ${path} still ${res.status || 'unanswered'} after ${attempt + 1} attempts at the deadline`);
      this.stats.retries += 1;
      await sleep(backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 2000);
    }
  }

  /** The signed-in user's id, once logged in. */
  userId = 0;

  async login(deadline: number, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.until<{ id: number }>([200], 'POST', '/api/auth/login', { body: { username: this.username, password }, deadline, what: `login ${this.username}` });
    this.userId = res.body.id;
    return this;
  }
}
