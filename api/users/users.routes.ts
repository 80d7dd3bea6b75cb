import type { FilterQuery } from '@mikro-orm/core';
import { Hospital, User, type IUser } from '../../db/entities';
import { createUserBody, updateUserBody } from '../../domain/admin.schemas';
import { ROLES } from '../../domain/roles';
import { hashPassword } from '../auth/password';
import { endSessionsOf } from '../auth/session';
import { notFound, unprocessable } from '../errors';
import { contentRange, likePattern, listOrder, parseListQuery, unknownFilter, oneOfError } from '../list-query';
import { idList, idParams, saveUnique } from '../validate';
import { jsonBody, newRouter, route } from '../route';
import { said } from '../../domain/messages';

const userDto = (u: IUser) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  hospitalId: u.hospital?.id ?? null,
  phone: u.phone ?? null,
  email: u.email ?? null,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

const userId = idParams('user.not_found');
// Coordinators pick engineers for assignments; only admins change accounts.
const list = route({ method: 'get', path: '/', operationId: 'listUsers', tag: 'users', summary: 'Users', description: 'Filters: id, role, hospitalId, active, q (user name or display name). Sort: id, username, displayName, role.', access: ['admin', 'manager', 'dispatcher'], list: true });
const get = route({ method: 'get', path: '/{id}', operationId: 'getUser', tag: 'users', summary: 'One user', description: 'Coordinators (admin, manager, dispatcher) see anyone; others only themselves (404 for anyone else).', request: { params: userId } });
const create = route({ method: 'post', path: '/', operationId: 'createUser', tag: 'users', summary: 'Create a user', access: ['admin'], request: { body: jsonBody(createUserBody) }, ok: { 201: 'The user' }, answers: [422] });
const update = route({ method: 'put', path: '/{id}', operationId: 'updateUser', tag: 'users', summary: 'Edit a user (optional password reset); a changed role, hospital or password, or deactivation, signs them out', access: ['admin'], request: { params: userId, body: jsonBody(updateUserBody) }, answers: [422] });

/** The user list's filters, the one reading of them (the list and its export). */
export function userListWhere(filter: Record<string, unknown>): FilterQuery<IUser> {
  const where: FilterQuery<IUser>[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'id') where.push({ id: { $in: idList(v) } });
    else if (k === 'role') {
      const roles = Array.isArray(v) ? v : [v];
      if (!roles.every((r) => (ROLES as readonly unknown[]).includes(r))) throw oneOfError('role', ROLES);
      where.push({ role: { $in: roles } });
    } else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
    else if (k === 'active' && typeof v === 'boolean') where.push({ active: v });
    else if (k === 'q' && typeof v === 'string') where.push({ $or: [{ username: { $ilike: likePattern(v) } }, { displayName: { $ilike: likePattern(v) } }] });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const USER_SORTABLE = ['id', 'username', 'displayName', 'role'] as const;
export const USER_DEFAULT_SORT = { field: 'displayName', order: 'ASC' } as const;

export function usersRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: USER_SORTABLE, defaultSort: USER_DEFAULT_SORT });
    const [rows, total] = await c.get('em').findAndCount(User, userListWhere(q.filter), {
      orderBy: listOrder(q.sort),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('users', q.offset, rows.length, total));
    return c.json(rows.map(userDto));
  });
  r.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const me = c.get('user');
    if (me.id !== id && !['admin', 'manager', 'dispatcher'].includes(me.role)) throw notFound('user.not_found');
    const u = await c.get('em').findOne(User, id);
    if (!u) throw notFound('user.not_found');
    return c.json(userDto(u));
  });
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    if (body.hospitalId && !(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    const u = em.create(User, {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      hospital: body.hospitalId ?? null,
      phone: body.phone || null,
      email: body.email || null,
      passwordHash: await hashPassword(body.password),
      // The admin knows it: the user chooses their own at first sign-in.
      mustChangePassword: true,
    });
    await saveUnique(() => em.flush(), 'username', said('user.username_taken'));
    return c.json(userDto(u), 201);
  });
  r.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const em = c.get('em');
    const u = await em.findOne(User, id);
    if (!u) throw notFound('user.not_found');
    const me = c.get('user');
    // An admin cannot lock themselves out by accident.
    if (me.id === id && (!body.active || body.role !== 'admin')) throw unprocessable({ active: said('user.not_yourself') });
    if (body.hospitalId && !(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    const signOut = !body.active || !!body.password || body.role !== u.role || (body.hospitalId ?? null) !== (u.hospital?.id ?? null);
    em.assign(u, {
      displayName: body.displayName,
      role: body.role,
      hospital: body.hospitalId ?? null,
      phone: body.phone || null,
      email: body.email || null,
      active: body.active,
      ...(body.password ? { passwordHash: await hashPassword(body.password), mustChangePassword: true } : {}),
    });
    await em.flush();
    // A deactivated account, or one whose password, role or hospital changed, signs in again.
    if (signOut) await endSessionsOf(em, id);
    return c.json(userDto(u));
  });
  return r;
}
