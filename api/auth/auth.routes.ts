import { deleteCookie } from 'hono/cookie';
import { z } from '@hono/zod-openapi';
import { User } from '../../db/entities';
import { ApiError } from '../errors';
import type { AppDeps } from '../env';
import { jsonBody, newRouter, route } from '../route';
import { refuseInvalid } from '../validate';
import { verifyPassword } from './password';
import { createSession, deleteSession, SESSION_COOKIE, sessionToken, setSessionCookie, toSessionUser } from './session';
import { clientAddress, signInThrottle } from './throttle';
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
    'Sets the httpOnly `sd_session` cookie (12 h, ended sooner by 30 minutes unused) and answers with the user. A client without a browser takes the token from that Set-Cookie and sends it as `Authorization: Bearer <token>`. Repeated failures for one account from one address are answered 429 with growing delays (Retry-After).',
  access: 'public',
  request: { body: jsonBody(loginBody) },
  ok: { 200: 'The signed-in user; Set-Cookie carries the session' },
  answers: [401, 429, 503],
});
const logout = route({ method: 'post', path: '/logout', operationId: 'logout', tag: 'auth', summary: 'Sign out: ends the session and clears the cookie', access: 'public', ok: { 204: 'Signed out' }, answers: [503] });
const me = route({ method: 'get', path: '/me', operationId: 'getMe', tag: 'auth', summary: 'The signed-in user' });

export function authRoutes(deps: AppDeps) {
  // Growing delays per (account, address), a looser ceiling per address: see throttle.ts.
  const throttle = signInThrottle(deps);
  const router = newRouter();
  router.openapi(
    login,
    async (c) => {
      const { username, password } = c.req.valid('json');
      const addr = clientAddress(c, deps.trustedProxies);
      throttle.check(c, username, addr);
      const em = c.get('em');
      const user = await em.findOne(User, { username });
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) {
        throttle.failed(username, addr);
        throw new ApiError(401, said('auth.wrong_credentials'));
      }
      throttle.succeeded(username, addr);
      const token = await createSession(em, user.id);
      setSessionCookie(c, deps, token);
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
