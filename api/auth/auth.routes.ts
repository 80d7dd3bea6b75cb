import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import { User } from '../../db/entities';
import { ApiError } from '../errors';
import type { AppDeps } from '../env';
import { jsonBody, newRouter, route } from '../route';
import { refuseInvalid } from '../validate';
import { verifyPassword } from './password';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionToken, toSessionUser } from './session';
import { LoginThrottle } from './throttle';
import { said } from '../../domain/messages';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'auth.username_required').max(64),
  password: z.string().min(1, 'auth.password_required').max(256),
});

// Compared against when the user does not exist, so timing does not reveal which names are real.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const login = route({
  method: 'post',
  path: '/login',
  operationId: 'login',
  tag: 'auth',
  summary: 'Sign in',
  description:
    'Sets the httpOnly `sd_session` cookie (12 h) and answers with the user. A client without a browser takes the token from that Set-Cookie and sends it as `Authorization: Bearer <token>`. 429 after 5 failures for one account, or 50 from one address, in 15 minutes.',
  access: 'public',
  request: { body: jsonBody(loginBody) },
  ok: { 200: 'The signed-in user; Set-Cookie carries the session' },
  answers: [401, 429, 503],
});
const logout = route({ method: 'post', path: '/logout', operationId: 'logout', tag: 'auth', summary: 'Sign out: ends the session and clears the cookie', access: 'public', ok: { 204: 'Signed out' }, answers: [503] });
const me = route({ method: 'get', path: '/me', operationId: 'getMe', tag: 'auth', summary: 'The signed-in user' });

export function authRoutes(deps: AppDeps) {
  // Per account: stops guessing one password. Per address: stops spraying many accounts, with room
  // for a whole hospital signing in from behind one NAT address.
  const accounts = new LoginThrottle(5);
  const addresses = new LoginThrottle(50);
  const router = newRouter();
  router.openapi(
    login,
    async (c) => {
      const { username, password } = c.req.valid('json');
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
    },
    // A login form missing its fields says so as a whole, then field by field.
    refuseInvalid(said('auth.credentials_required')),
  );
  router.openapi(logout, async (c) => {
    const token = sessionToken(c);
    if (token) await deleteSession(c.get('em'), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  router.openapi(me, (c) => c.json(c.get('user')));
  return router;
}
