import type { FilterQuery } from '@mikro-orm/core';
import { SavedView, User, type ISavedView } from '../../db/entities';
import { said } from '../../domain/messages';
import { SAVED_VIEW_RESOURCES, savedViewInput, VIEW_SHARERS } from '../../domain/saved-views';
import type { SessionUser } from '../env';
import { forbidden, notFound } from '../errors';
import { contentRange, oneOfError, parseListQuery, unknownFilter } from '../list-query';
import { jsonBody, newRouter, route } from '../route';
import { idParams } from '../validate';

const viewDto = (v: ISavedView, user: SessionUser) => ({
  id: v.id,
  name: v.name,
  resource: v.resource,
  params: v.params,
  role: v.role ?? null,
  createdById: v.createdBy.id,
  createdByName: v.createdBy.isInitialized() ? v.createdBy.getEntity().displayName : null,
  createdAt: v.createdAt.toISOString(),
  /** Whether this user may delete it: its creator, or a manager or admin for a shared one. */
  deletable: mayDelete(v, user),
});

const sharer = (user: SessionUser) => (VIEW_SHARERS as readonly string[]).includes(user.role);
const mayDelete = (v: ISavedView, user: SessionUser) => v.createdBy.id === user.id || (v.role !== null && v.role !== undefined && sharer(user));

/** The views a user sees: their own, and those shared with their role. */
const visibleTo = (user: SessionUser): FilterQuery<ISavedView> => ({ $or: [{ createdBy: user.id }, { role: user.role }] });

const SORTABLE = ['name', 'createdAt'] as const;
const list = route({
  method: 'get',
  path: '/',
  operationId: 'listSavedViews',
  tag: 'views',
  summary: 'Saved views of the lists: your own and those shared with your role',
  description: 'Filters: resource (tickets, tasks). Sort: name, createdAt.',
  list: true,
});
const create = route({
  method: 'post',
  path: '/',
  operationId: 'createSavedView',
  tag: 'views',
  summary: 'Save a list’s filter, sort and columns under a name',
  description: '`role` shares it with everyone of that role: managers and admins only (403); null keeps it your own.',
  request: { body: jsonBody(savedViewInput) },
  ok: { 201: 'The view, saved' },
});
const remove = route({
  method: 'delete',
  path: '/{id}',
  operationId: 'deleteSavedView',
  tag: 'views',
  summary: 'Delete a saved view: your own, or (managers and admins) one shared with a role',
  request: { params: idParams('view.not_found') },
  ok: { 204: 'Deleted' },
  answers: [403, 429],
});

export function savedViewsRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const user = c.get('user');
    const q = parseListQuery(c.req.query(), { sortable: SORTABLE, defaultSort: { field: 'name', order: 'ASC' } });
    const where: FilterQuery<ISavedView>[] = [visibleTo(user)];
    for (const [key, value] of Object.entries(q.filter)) {
      if (key !== 'resource') throw unknownFilter(key);
      if (!(SAVED_VIEW_RESOURCES as readonly unknown[]).includes(value)) throw oneOfError('resource', SAVED_VIEW_RESOURCES);
      where.push({ resource: value as ISavedView['resource'] });
    }
    const [rows, total] = await c.get('em').findAndCount(SavedView, { $and: where }, {
      populate: ['createdBy'],
      exclude: ['createdBy.passwordHash'],
      orderBy: { [q.sort.field]: q.sort.order.toLowerCase(), id: 'asc' },
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('saved-views', q.offset, rows.length, total));
    return c.json(rows.map((v) => viewDto(v, user)));
  });
  r.openapi(create, async (c) => {
    const user = c.get('user');
    const body = c.req.valid('json');
    if (body.role && !sharer(user)) throw forbidden(said('view.share_forbidden'));
    const em = c.get('em');
    const view = em.create(SavedView, { name: body.name, resource: body.resource, params: body.params, role: body.role, createdBy: em.getReference(User, user.id) });
    await em.flush();
    return c.json(viewDto(view, user), 201);
  });
  r.openapi(remove, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const view = await em.findOne(SavedView, { $and: [{ id: Number(c.req.param('id')) }, visibleTo(user)] });
    if (!view) throw notFound('view.not_found');
    if (!mayDelete(view, user)) throw forbidden(said('view.not_yours'));
    await em.removeAndFlush(view);
    return c.body(null, 204);
  });
  return r;
}
