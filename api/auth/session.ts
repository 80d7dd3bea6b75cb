import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { User, UserSession } from '../../db/entities';
import { sql } from '../../db/sql';
import type { Role } from '../../domain/roles';
import { ApiError, forbidden } from '../errors';
import type { AppEnv, SessionUser } from '../env';
import { span } from '../timing';
import { said } from '../../domain/messages';

export const SESSION_COOKIE = 'sd_session';
export const SESSION_TTL_SECONDS = 12 * 3600;

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

/** Ends every session of a user (deactivated, or password, role or hospital changed). */
export async function endSessionsOf(em: EntityManager, userId: number): Promise<void> {
  for (const [tokenHash, entry] of checked) if (entry.user.id === userId) checked.delete(tokenHash);
  await em.nativeDelete(UserSession, { user: userId });
}

export function sessionToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? getCookie(c, SESSION_COOKIE);
}

export function toSessionUser(u: { id: number; username: string; displayName: string; role: Role; hospital?: { id: number } | null }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, hospitalId: u.hospital?.id ?? null };
}

interface SessionRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  hospital_id: number | null;
  expires_at: Date | string;
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
const checked = new Map<string, { user: SessionUser; until: number }>();

async function checkSession(c: Parameters<MiddlewareHandler<AppEnv>>[0], tokenHash: string): Promise<SessionUser | undefined> {
  const now = Date.now();
  const hit = checked.get(tokenHash);
  if (hit && hit.until > now) return hit.user;
  checked.delete(tokenHash);
  // One plain query: this runs before everything else the API does.
  const [row] = await sql<SessionRow>(
    c.get('em'),
    `select u.id, u.username, u.display_name, u.role, u.hospital_id, s.expires_at from user_sessions s join users u on u.id = s.user_id
     where s.token_hash = ? and s.expires_at > now() and u.active`,
    [tokenHash],
  );
  if (!row) return undefined;
  const user: SessionUser = { id: row.id, username: row.username, displayName: row.display_name, role: row.role, hospitalId: row.hospital_id };
  // Oldest first out: a Map iterates in insertion order.
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value!);
  checked.set(tokenHash, { user, until: Math.min(now + SESSION_RECHECK_MS, new Date(row.expires_at).getTime()) });
  return user;
}

/** Who is signed in, if anyone can be told (no session, or no database to check it: nobody). */
export async function signedInUser(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<SessionUser | undefined> {
  const token = sessionToken(c);
  return token ? checkSession(c, hashToken(token)).catch(() => undefined) : undefined;
}

/** 401 unless the request carries a live session of an active user (cookie or bearer token). */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  if (!token) throw new ApiError(401, said('auth.sign_in'));
  const user = await span(c, 'auth', () => checkSession(c, hashToken(token)));
  if (!user) throw new ApiError(401, said('auth.session_expired'));
  c.set('user', user);
  await next();
};

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden(said('auth.role_required', { roles: roles.join(', ') }));
    await next();
  };
}
