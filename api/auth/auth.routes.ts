import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import { User } from '../../db/entities';
import { ApiError, badRequest, fieldErrors } from '../errors';
import type { AppDeps, AppEnv } from '../env';
import { verifyPassword } from './password';
import { createSession, deleteSession, requireUser, SESSION_COOKIE, sessionToken, setSessionCookie, toSessionUser } from './session';
import { clientAddress, signInThrottle } from './throttle';
import { said } from '../../domain/messages';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'auth.username_required').max(64),
  password: z.string().min(1, 'auth.password_required').max(256),
});

// Compared against when the user does not exist, so timing does not reveal which names are real.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(deps: AppDeps) {
  // Growing delays per (account, address), a looser ceiling per address: see throttle.ts.
  const throttle = signInThrottle(deps);
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const parsed = loginBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) throw badRequest(said('auth.credentials_required'), fieldErrors(parsed.error));
      const { username, password } = parsed.data;
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
    })
    .post('/logout', async (c) => {
      const token = sessionToken(c);
      if (token) await deleteSession(c.get('em'), token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/me', requireUser, (c) => c.json(c.get('user')));
}
