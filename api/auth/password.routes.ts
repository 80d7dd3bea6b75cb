import type { z } from '@hono/zod-openapi';
import { User } from '../../db/entities';
import { changePasswordBody } from '../../domain/account.schemas';
import { said } from '../../domain/messages';
import { fieldErrors, unprocessable } from '../errors';
import type { AppDeps } from '../env';
import { jsonBody, newRouter, route } from '../route';
import { hashPassword, verifyPassword } from './password';
import { endSessionsOf, sessionToken } from './session';
import { clientAddress, signInThrottle } from './throttle';

export const changePasswordRoute = route({
  method: 'post',
  path: '/password',
  operationId: 'changePassword',
  tag: 'auth',
  summary: 'Change your own password',
  description:
    'Any signed-in user, the one thing (with `me` and logout) a first-run admin may do before it. Needs the current password ' +
    '(a wrong one is 422 on `currentPassword` and counts like a failed sign-in); the new one has at least 10 characters and ' +
    'is neither the user name nor the current password. Ends every other session of the user; this one goes on.',
  request: { body: jsonBody(changePasswordBody) },
  ok: { 204: 'Changed; the other sessions have ended' },
  answers: [422, 429],
});

export function passwordRoutes(deps: AppDeps) {
  const throttle = signInThrottle(deps);
  const router = newRouter();
  router.openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const me = c.get('user');
    const em = c.get('em');
    const addr = clientAddress(c, deps.trustedProxies);
    throttle.check(c, me.username, addr);
    const user = await em.findOneOrFail(User, me.id);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throttle.failed(me.username, addr);
      throw unprocessable({ currentPassword: said('auth.current_password_wrong') });
    }
    throttle.succeeded(me.username, addr);
    if (newPassword === currentPassword) throw unprocessable({ newPassword: said('auth.new_password_same') });
    if (newPassword.trim().toLowerCase() === user.username.toLowerCase()) throw unprocessable({ newPassword: said('auth.new_password_username') });
    em.assign(user, { passwordHash: await hashPassword(newPassword), mustChangePassword: false });
    await em.flush();
    // Whoever else holds a session of this user (a stolen cookie, a forgotten desk) is out now.
    await endSessionsOf(em, me.id, { except: sessionToken(c) });
    return c.body(null, 204);
  }, refuseInvalidFields);
  return router;
}

/** A body the schema refuses is 422 with the fields named, as the change-password form shows them. */
const refuseInvalidFields = (result: { success: boolean; error?: z.ZodError }): undefined => {
  if (!result.success && result.error) throw unprocessable(fieldErrors(result.error));
  return undefined;
};
