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
  await em.nativeDelete(UserSession, { tokenHash: hashToken(token) });
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
}

/** 401 unless the request carries a live session of an active user (cookie or bearer token). */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = sessionToken(c);
  if (!token) throw new ApiError(401, 'Please sign in');
  // One plain query on every request: this runs before everything else the API does.
  const [row] = await span(c, 'auth', () =>
    sql<SessionRow>(
      c.get('em'),
      `select u.id, u.username, u.display_name, u.role, u.hospital_id from user_sessions s join users u on u.id = s.user_id
       where s.token_hash = ? and s.expires_at > now() and u.active`,
      [hashToken(token)],
    ),
  );
  if (!row) throw new ApiError(401, 'Your session has expired; please sign in again');
  c.set('user', { id: row.id, username: row.username, displayName: row.display_name, role: row.role, hospitalId: row.hospital_id });
  await next();
};

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    await next();
  };
}
