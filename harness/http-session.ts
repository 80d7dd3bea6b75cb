import { DEMO_PASSWORD } from '../db/seeders/demo.seeder';
import type { counter } from './counter';
import { DrillFailure } from './drill-report';
import { sleep } from './wait';

export interface ApiResponse<T = unknown> {
  /** 0 = no answer at all (only from `once` and `until`). */
  status: number;
  body: T;
  headers: Headers;
  /** Requests it took (`until`): 1 = answered at once. */
  attempts?: number;
}

/** What a drill's requests saw, drill-wide. */
export interface HttpStats {
  /** Answers by status; 'network' = no HTTP answer at all (refused, reset, timed out). */
  statuses: ReturnType<typeof counter>;
  retries: number;
}

export interface SessionOptions {
  /** Counts every answer (drills). */
  stats?: HttpStats;
  /** A time limit on every request; none unless given. */
  timeoutMs?: number;
}

const RETRYABLE = new Set([502, 503, 504]);

/**
 * A signed-in user talking to the API over real HTTP with the session cookie. Tests and the bench
 * use `get`/`post`/`request`; drills use `once` (no answer is status 0) and `until` (retries what
 * a dependency outage makes fail: network errors, 502/503/504, with backoff).
 */
export class ApiSession {
  private cookie?: string;
  /** Who is signed in, once logged in. */
  username?: string;
  userId = 0;

  constructor(
    readonly baseUrl: string,
    private readonly o: SessionOptions = {},
  ) {}

  static async login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const s = new ApiSession(baseUrl);
    const res = await s.post<{ id: number }>('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return s.signedIn(username, res.body.id);
  }

  /** Logs in through an outage (drills): `until` the API answers 200 or `deadline` passes. */
  static async loginUntil(baseUrl: string, username: string, o: SessionOptions & { deadline: number; password?: string }): Promise<ApiSession> {
    const s = new ApiSession(baseUrl, { stats: o.stats, timeoutMs: o.timeoutMs ?? 30_000 });
    s.username = username;
    const res = await s.until<{ id: number }>([200], 'POST', '/api/auth/login', { body: { username, password: o.password ?? DEMO_PASSWORD }, deadline: o.deadline, what: `login ${username}` });
    return s.signedIn(username, res.body.id);
  }

  private signedIn(username: string, userId: number): this {
    this.username = username;
    this.userId = userId;
    return this;
  }

  get<T = unknown>(path: string, query?: Record<string, unknown>): Promise<ApiResponse<T>> {
    const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, JSON.stringify(v)]))}` : '';
    return this.request<T>('GET', path + qs);
  }

  post<T = unknown>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  /** A multipart/form-data POST (an upload), as a browser's FormData sends it. */
  postForm<T = unknown>(path: string, form: FormData, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, form, headers);
  }

  /** A GET answered with bytes (a download), not JSON. */
  async getBytes(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(this.baseUrl + path, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  /** One request; a network failure throws. */
  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body),
      signal: this.o.timeoutMs ? AbortSignal.timeout(this.o.timeoutMs) : undefined,
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
    this.o.stats?.statuses.add(res.status);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** One request, one answer: status 0 = no answer (refused, reset, timed out). */
  async once<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    try {
      return await this.request<T>(method, path, body, headers);
    } catch {
      this.o.stats?.statuses.add('network');
      return { status: 0, body: undefined as T, headers: new Headers() };
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
      transient?: (res: ApiResponse<T>) => boolean;
    },
  ): Promise<ApiResponse<T>> {
    let backoff = 200;
    for (let attempt = 0; ; attempt++) {
      const res = await this.once<T>(method, path, o.body, o.headers);
      if (ok.includes(res.status)) return { ...res, attempts: attempt + 1 };
      if (!RETRYABLE.has(res.status) && res.status !== 0 && !o.transient?.(res)) {
        throw new DrillFailure(`${o.what}: ${method} ${path} as ${this.username} answered ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
      }
      if (Date.now() > o.deadline) throw new DrillFailure(`${o.what}: ${method} ${path} still ${res.status || 'unanswered'} after ${attempt + 1} attempts at the deadline`);
      if (this.o.stats) this.o.stats.retries += 1;
      await sleep(backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 2000);
    }
  }
}
