import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { User, UserSession } from '../../db/entities';
import { sql } from '../../db/sql';
import type { Role } from '../../domain/roles';
import { ApiError, forbidden } from '../errors';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { span } from '../timing';
import { said } from '../../domain/messages';

export const SESSION_COOKIE = 'sd_session';
/** Absolute lifetime of a session, however busy. */
export const SESSION_TTL_SECONDS = 12 * 3600;
/** A session unused this long ends (DESK_IDLE_MINUTES; AppDeps.idleMinutes). */
export const DEFAULT_IDLE_MINUTES = 30;
/** last_seen_at is written at most this often per session (and at most every tenth of the idle limit). */
const TOUCH_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(em: EntityManager, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  em.create(UserSession, {
    tokenHash: hashToken(token),
    user: em.getReference(User, userId),
    expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  });
  await em.flush();
  return token;
}

export async function deleteSession(em: EntityManager, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  checked.delete(tokenHash);
  await em.nativeDelete(UserSession, { tokenHash });
}

/**
 * Ends every session of a user (deactivated, or password, role or hospital changed), but for
 * `except` (a token: the session that changed its own password goes on).
 */
export async function endSessionsOf(em: EntityManager, userId: number, o: { except?: string } = {}): Promise<void> {
  for (const [tokenHash, entry] of checked) if (entry.user.id === userId) checked.delete(tokenHash);
  await em.nativeDelete(UserSession, o.except ? { user: userId, tokenHash: { $ne: hashToken(o.except) } } : { user: userId });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure unless told otherwise (DESK_SECURE_COOKIES) or the request came straight over plain
 * http to localhost / 127.0.0.1 / [::1] (a desk tried out on one machine; browsers accept Secure
 * cookies from https only, localhost aside). A request that went through a proxy says so in its
 * headers and gets a Secure cookie. SameSite=Lax, not Strict: a link to a ticket in an e-mail or
 * chat opens the console signed in.
 */
export function setSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], deps: Pick<AppDeps, 'secureCookies'>, token: string): void {
  const setting = deps.secureCookies ?? 'auto';
  let secure = setting === true;
  if (setting === 'auto') {
    const url = new URL(c.req.url);
    const proxied = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'].some((h) => c.req.header(h) !== undefined);
    secure = url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || proxied;
  }
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_TTL_SECONDS });
}

export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? getCookie(c, SESSION_COOKIE);
}

export function toSessionUser(u: { id: number; username: string; displayName: string; role: Role; hospital?: { id: number } | null; mustChangePassword?: boolean }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, hospitalId: u.hospital?.id ?? null, mustChangePassword: u.mustChangePassword ?? false };
}

interface SessionRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  hospital_id: number | null;
  must_change_password: boolean;
  expires_at: Date | string;
  last_seen_at: Date | string;
}

/**
 * Sessions checked in the last few seconds, by token hash. A signed-in user's requests come in
 * bursts (a page loads its lists, a step reads its task and then completes it), and the check
 * was a database round trip before every one of them: on a step, the second largest part of the
 * API's own time after the projection write (docs/benchmarks.md). Signing out, and every change
 * that signs a user out, forget that user's entries in this process at once; another API process
 * notices a change made elsewhere within SESSION_RECHECK_MS. An entry never outlives its session.
 */
export const SESSION_RECHECK_MS = 5_000;
const MAX_CHECKED = 10_000;
const checked = new Map<string, { user: SessionUser; until: number; lastSeen: number }>();

async function checkSession(c: Parameters<MiddlewareHandler<AppEnv>>[0], tokenHash: string): Promise<SessionUser | undefined> {
  const now = Date.now();
  const idleMs = c.get('idleMs') ?? DEFAULT_IDLE_MINUTES * 60_000;
  const touchMs = Math.min(TOUCH_MS, idleMs / 10);
  const hit = checked.get(tokenHash);
  // A hit serves until the session's last use on record is touchMs old: then this use is written.
  if (hit && hit.until > now && now - hit.lastSeen < touchMs) return hit.user;
  checked.delete(tokenHash);
  // One plain query: this runs before everything else the API does. The session is live
  // (absolute TTL, idle limit, active user).
  const em = c.get('em');
  const [row] = await sql<SessionRow>(
    em,
    `select u.id, u.username, u.display_name, u.role, u.hospital_id, u.must_change_password, s.expires_at, s.last_seen_at
     from user_sessions s join users u on u.id = s.user_id
     where s.token_hash = ? and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => ?) and u.active`,
    [tokenHash, idleMs / 1000],
  );
  if (!row) return undefined;
  const user: SessionUser = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    hospitalId: row.hospital_id,
    mustChangePassword: row.must_change_password,
  };
  // Its last use is written when the one on record is touchMs old: a busy user costs one write a
  // minute, not one per request.
  const seen = new Date(row.last_seen_at).getTime();
  const stale = seen < now - touchMs;
  if (stale) await sql(em, `update user_sessions set last_seen_at = now() where token_hash = ?`, [tokenHash]);
  const lastSeen = stale ? now : seen;
  // Oldest first out: a Map iterates in insertion order.
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value!);
  checked.set(tokenHash, { user, lastSeen, until: Math.min(now + SESSION_RECHECK_MS, new Date(row.expires_at).getTime(), lastSeen + idleMs) });
  return user;
}

/** Who is signed in, if anyone can be told (no session, or no database to check it: nobody). */
export async function signedInUser(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<SessionUser | undefined> {
  const token = sessionToken(c);
  return token ? checkSession(c, hashToken(token)).catch(() => undefined) : undefined;
}

/** What a session whose password must change may still do: see who it is, and change it. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password']);

/**
 * 401 unless the request carries a live session of an active user (cookie or bearer token);
 * 403 `auth.password_change_required` for anything but WHILE_PASSWORD_MUST_CHANGE while the
 * user's password must change (the first-run admin's one-time password).
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  if (!token) throw new ApiError(401, said('auth.sign_in'));
  const user = await span(c, 'auth', () => checkSession(c, hashToken(token)));
  if (!user) throw new ApiError(401, said('auth.session_expired'));
  if (user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${c.req.method} ${c.req.path.replace(/\/+$/, '')}`)) {
    throw forbidden(said('auth.password_change_required'));
  }
  c.set('user', user);
  await next();
};

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden(said('auth.role_required', { roles: roles.join(', ') }));
    await next();
  };
}
