import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in user talking to the API over real HTTP with the session cookie. */
export class ApiSession {
  constructor(
    readonly baseUrl: string,
    private cookie?: string,
  ) {}

  static async login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const s = new ApiSession(baseUrl);
    const res = await s.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return s;
  }

  get<T = unknown>(path: string, query?: Record<string, unknown>): Promise<ApiResponse<T>> {
    const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, JSON.stringify(v)]))}` : '';
    return this.request<T>('GET', path + qs);
  }

  post<T = unknown>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
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
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}
