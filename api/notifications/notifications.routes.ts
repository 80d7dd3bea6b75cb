import type { FilterQuery } from '@mikro-orm/core';
import { Notification, type INotification } from '../../db/entities';
import { english, type NotificationKind } from '../../domain/messages';
import { notFound } from '../errors';
import type { SessionUser } from '../env';
import { contentRange, parseListQuery } from '../list-query';
import { newRouter, route } from '../route';
import { textIdParams } from '../validate';

/** Mine: addressed to me, or to my role (for hospital contacts, only about my hospital's tickets and inspections). */
function mine(user: SessionUser): FilterQuery<INotification> {
  const byRole: FilterQuery<INotification> =
    user.role === 'hospital_contact'
      ? { recipientRole: user.role, $or: [{ ticket: { hospital: user.hospitalId ?? -1 } }, { inspection: { hospital: user.hospitalId ?? -1 } }] }
      : { recipientRole: user.role };
  return { $or: [{ recipient: user.id }, byRole] };
}

const notificationDto = (n: INotification) => ({
  id: n.id,
  ticketId: n.ticket?.id ?? null,
  inspectionId: n.inspection?.id ?? null,
  kind: n.kind,
  params: n.params,
  // For API clients; the console renders kind + params in the reader's language.
  message: english({ code: `notify.${n.kind as NotificationKind}`, params: n.params }),
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

const list = route({ method: 'get', path: '/', operationId: 'listNotifications', tag: 'notifications', summary: 'My notifications (to me, or to my role)', description: 'Filter: unread (true). Sort: createdAt.', list: true });
const markRead = route({ method: 'post', path: '/{id}/read', operationId: 'markNotificationRead', tag: 'notifications', summary: 'Mark one read', request: { params: textIdParams('notification.not_found', 'Notification id', '1') } });

export function notificationsRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ['createdAt'], defaultSort: { field: 'createdAt', order: 'DESC' } });
    const where: FilterQuery<INotification>[] = [mine(c.get('user'))];
    if (q.filter.unread === true) where.push({ readAt: null });
    const [rows, total] = await c.get('em').findAndCount(Notification, { $and: where }, { orderBy: { createdAt: q.sort.order.toLowerCase(), id: 'asc' }, offset: q.offset, limit: q.limit });
    c.header('Content-Range', contentRange('notifications', q.offset, rows.length, total));
    return c.json(rows.map(notificationDto));
  });
  r.openapi(markRead, async (c) => {
    const em = c.get('em');
    const n = await em.findOne(Notification, { $and: [{ id: c.req.param('id') }, mine(c.get('user'))] });
    if (!n) throw notFound('notification.not_found');
    n.readAt ??= new Date();
    await em.flush();
    return c.json(notificationDto(n));
  });
  return r;
}
