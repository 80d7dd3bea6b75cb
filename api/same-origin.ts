import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { said } from '../domain/messages';
import { SESSION_COOKIE } from './auth/session';
import { ApiError } from './errors';
import type { AppEnv } from './env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route that declares a body other than JSON (an upload): its path and its media type. */
export interface OtherType {
  path: RegExp;
  type: RegExp;
}

/**
 * Writes come as JSON from the desk's own pages. A form on another site (or another port of this
 * host) can post text/plain or urlencoded bodies with the user's cookie, but cannot send JSON
 * without CORS, and the browser names its origin: both are checked before any route runs. A route
 * declaring another type (an upload's multipart) is let through by type, never by origin.
 */
export function sameOriginWrites(allowedOrigins: readonly string[], otherTypes: readonly OtherType[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const type = c.req.header('content-type');
    const declared = type !== undefined && otherTypes.some((o) => o.path.test(c.req.path) && o.type.test(type));
    if (type !== undefined && !declared && !/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, said('request.unsupported_media_type'));
    // A bearer token is not sent by a browser on its own: only cookie sessions can be ridden.
    const byCookie = getCookie(c, SESSION_COOKIE) !== undefined && !c.req.header('authorization');
    if (byCookie && !fromOwnPage(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.header('host'), allowedOrigins)) {
      throw new ApiError(403, said('request.cross_origin'));
    }
    await next();
  };
}

function fromOwnPage(origin: string | undefined, fetchSite: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin !== undefined && origin !== 'null') {
    if (allowed.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  // No origin named (older browsers, non-browser clients): the browser's own word on where the request came from.
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}
