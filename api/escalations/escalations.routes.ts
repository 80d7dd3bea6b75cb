import type { FilterQuery } from '@mikro-orm/core';
import { Escalation, type IEscalation } from '../../db/entities';
import { notFound } from '../errors';
import { contentRange, listOrder, parseListQuery, unknownFilter } from '../list-query';
import { newRouter, route } from '../route';
import { textIdParams } from '../validate';

const escalationDto = (e: IEscalation) => ({
  id: e.id,
  ticketId: e.ticket.id,
  hospitalId: e.ticket.isInitialized() ? e.ticket.getEntity().hospital.id : undefined,
  clock: e.clock,
  faultLevel: e.faultLevel,
  dueAt: e.dueAt.toISOString(),
  breachedAt: e.breachedAt.toISOString(),
  taskId: e.task?.id ?? null,
  /** The acknowledgement task's state: a cancelled one (the request ended) offers nothing to do. */
  taskStatus: e.task?.isInitialized() ? e.task.getEntity().status : null,
  acknowledgedById: e.acknowledgedBy?.id ?? null,
  acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
  note: e.note ?? null,
});

/** SLA breaches, for the people who answer for them. Acknowledging is a task step (/api/tasks). */
const coordinators = ['admin', 'manager', 'dispatcher'] as const;
const list = route({ method: 'get', path: '/', operationId: 'listEscalations', tag: 'sla', summary: 'SLA breaches', description: 'Filters: id, acknowledged, ticketId, clock (reply, firstSolution). Sort: breachedAt, dueAt, faultLevel.', access: coordinators, list: true });
const get = route({ method: 'get', path: '/{id}', operationId: 'getEscalation', tag: 'sla', summary: 'One escalation', access: coordinators, request: { params: textIdParams('escalation.not_found', 'Escalation id', 'SR-20261202-00042:reply') } });

/** The list's filters (the list and its export). */
export function escalationListWhere(filter: Record<string, unknown>): FilterQuery<IEscalation> {
  const where: FilterQuery<IEscalation>[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ id: { $in: (Array.isArray(v) ? v : [v]).map(String) } });
    else if (k === 'ticketId' && typeof v === 'string') where.push({ ticket: v });
    else if (k === 'acknowledged' && typeof v === 'boolean') where.push({ acknowledgedAt: v ? { $ne: null } : null });
    else if (k === 'clock' && (v === 'reply' || v === 'firstSolution')) where.push({ clock: v });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const ESCALATION_SORTABLE = ['breachedAt', 'dueAt', 'faultLevel'] as const;
export const ESCALATION_DEFAULT_SORT = { field: 'breachedAt', order: 'DESC' } as const;

export function escalationsRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ESCALATION_SORTABLE, defaultSort: ESCALATION_DEFAULT_SORT });
    const [rows, total] = await c.get('em').findAndCount(Escalation, escalationListWhere(q.filter), {
      populate: ['ticket', 'task'],
      orderBy: listOrder(q.sort),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('escalations', q.offset, rows.length, total));
    return c.json(rows.map(escalationDto));
  });
  r.openapi(get, async (c) => {
    const e = await c.get('em').findOne(Escalation, c.req.param('id'), { populate: ['ticket', 'task'] });
    if (!e) throw notFound('escalation.not_found');
    return c.json(escalationDto(e));
  });
  return r;
}
