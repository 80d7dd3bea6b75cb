import { User } from '../../db/entities';
import { profileBody } from '../../domain/account.schemas';
import { jsonBody, newRouter, route } from '../route';

const profileOf = (u: { id: number; username: string; displayName: string; role: string; phone?: string | null; email?: string | null }) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  phone: u.phone ?? null,
  email: u.email ?? null,
});

const get = route({ method: 'get', path: '/profile', operationId: 'getProfile', tag: 'auth', summary: 'Your own profile: name, role, phone and e-mail' });
const update = route({
  method: 'put',
  path: '/profile',
  operationId: 'updateProfile',
  tag: 'auth',
  summary: 'Change your own phone and e-mail',
  description: 'Any signed-in user, for themselves only; name, role and hospital stay with the admin. An empty value clears it; 400 names a bad field.',
  request: { body: jsonBody(profileBody) },
});

/** 个人资料: every user keeps their own contact details, so the desk can reach them. */
export function profileRoutes() {
  const router = newRouter();
  router.openapi(get, async (c) => c.json(profileOf(await c.get('em').findOneOrFail(User, c.get('user').id))));
  router.openapi(update, async (c) => {
    const { phone, email } = c.req.valid('json');
    const em = c.get('em');
    const user = await em.findOneOrFail(User, c.get('user').id);
    em.assign(user, { phone: phone || null, email: email || null });
    await em.flush();
    return c.json(profileOf(user));
  });
  return router;
}
