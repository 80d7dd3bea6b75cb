import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { User } from '../../db/entities';
import { ApiError, badRequest, fieldErrors } from '../errors';
import type { AppDeps, AppEnv } from '../env';
import { verifyPassword } from './password';
import { createSession, deleteSession, requireUser, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionToken, toSessionUser } from './session';
import { LoginThrottle } from './throttle';
import { said } from '../../domain/messages';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'auth.username_required').max(64),
  password: z.string().min(1, 'auth.password_required').max(256),
});

// Compared against when the user does not exist, so timing does not reveal which names are real.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(deps: AppDeps) {
  // Per account: stops guessing one password. Per address: stops spraying many accounts, with room
  // for a whole hospital signing in from behind one NAT address.
  const accounts = new LoginThrottle(5);
  const addresses = new LoginThrottle(50);
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const parsed = loginBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) throw badRequest(said('auth.credentials_required'), fieldErrors(parsed.error));
      const { username, password } = parsed.data;
      let addr = 'unknown';
      try {
        addr = getConnInfo(c).remote.address ?? addr;
      } catch {
        // Not behind a Node socket (app.request in tests): throttle by account only.
      }
      const account = username.toLowerCase();
      const wait = Math.max(accounts.retryAfter(account), addresses.retryAfter(addr));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, said('auth.throttled', { minutes: Math.ceil(wait / 60) }));
      }
      const em = c.get('em');
      const user = await em.findOne(User, { username });
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) {
        accounts.fail(account);
        addresses.fail(addr);
        throw new ApiError(401, said('auth.wrong_credentials'));
      }
      accounts.succeed(account);
      const token = await createSession(em, user.id);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.secureCookies ?? false,
        path: '/',
        maxAge: SESSION_TTL_SECONDS,
      });
      return c.json(toSessionUser(user));
    })
    .post('/logout', async (c) => {
      const token = sessionToken(c);
      if (token) await deleteSession(c.get('em'), token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/me', requireUser, (c) => c.json(c.get('user')));
}
