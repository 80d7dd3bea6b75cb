import type { FilterQuery } from '@mikro-orm/core';
import { Hospital, SlaPolicy, type ISlaPolicy } from '../../db/entities';
import { slaPolicyBody } from '../../domain/admin.schemas';
import { notFound, unprocessable } from '../errors';
import { contentRange, listOrder, parseListQuery, unknownFilter } from '../list-query';
import { idList, idParams, saveUnique } from '../validate';
import { jsonBody, newRouter, route } from '../route';
import { said } from '../../domain/messages';

const policyDto = (p: ISlaPolicy) => ({
  id: p.id,
  name: p.name,
  hospitalId: p.hospital?.id ?? null,
  level: p.level,
  replySeconds: p.replySeconds,
  firstSolutionSeconds: p.firstSolutionSeconds ?? null,
  warnAt: p.warnAt,
  unclaimedReminderSeconds: p.unclaimedReminderSeconds,
  signatureReminderSeconds: p.signatureReminderSeconds,
  updatedAt: p.updatedAt.toISOString(),
});

function columns(body: ReturnType<typeof slaPolicyBody.parse>) {
  const { hospitalId, ...rest } = body;
  return { ...rest, hospital: hospitalId ?? null, firstSolutionSeconds: body.firstSolutionSeconds ?? null };
}


/**
 * 服务响应承诺 per level: the vendor default (no hospital) and any hospital's own contract.
 * A new ticket takes the terms in force when it is received; changing them does not move the
 * deadlines of tickets already open.
 */
const policyId = idParams('sla_policy.not_found');
const coordinators = ['admin', 'manager', 'dispatcher'] as const;
const list = route({ method: 'get', path: '/', operationId: 'listSlaPolicies', tag: 'sla', summary: 'Response commitments per level (the vendor default and per hospital)', description: 'Filters: id, hospitalId (null: the default), level. Sort: id, level, name.', access: coordinators, list: true });
const get = route({ method: 'get', path: '/{id}', operationId: 'getSlaPolicy', tag: 'sla', summary: 'One policy row', access: coordinators, request: { params: policyId } });
const create = route({ method: 'post', path: '/', operationId: 'createSlaPolicy', tag: 'sla', summary: 'Add terms for a level', access: ['admin'], request: { body: jsonBody(slaPolicyBody) }, ok: { 201: 'The policy' }, answers: [422] });
const update = route({ method: 'put', path: '/{id}', operationId: 'updateSlaPolicy', tag: 'sla', summary: 'Edit terms; they apply to tickets received afterwards', access: ['admin'], request: { params: policyId, body: jsonBody(slaPolicyBody) }, answers: [422] });

/** The list's filters (the list and its export). */
export function slaPolicyListWhere(filter: Record<string, unknown>): FilterQuery<ISlaPolicy> {
  const where: FilterQuery<ISlaPolicy>[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ id: { $in: idList(v) } });
    else if (k === 'hospitalId') where.push({ hospital: v === null ? null : { $in: idList(v, 'hospitalId') } });
    else if (k === 'level') where.push({ level: { $in: idList(v, 'level') } });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const SLA_SORTABLE = ['id', 'level', 'name'] as const;
export const SLA_DEFAULT_SORT = { field: 'level', order: 'ASC' } as const;

export function slaPoliciesRoutes() {
  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: SLA_SORTABLE, defaultSort: SLA_DEFAULT_SORT });
    const [rows, total] = await c.get('em').findAndCount(SlaPolicy, slaPolicyListWhere(q.filter), {
      orderBy: listOrder(q.sort),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('sla-policies', q.offset, rows.length, total));
    return c.json(rows.map(policyDto));
  });
  r.openapi(get, async (c) => {
    const p = await c.get('em').findOne(SlaPolicy, c.req.valid('param').id);
    if (!p) throw notFound('sla_policy.not_found');
    return c.json(policyDto(p));
  });
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    if (body.hospitalId && !(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    const p = em.create(SlaPolicy, columns(body));
    await saveUnique(() => em.flush(), 'level', said('sla.duplicate'));
    return c.json(policyDto(p), 201);
  });
  r.openapi(update, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    const p = await em.findOne(SlaPolicy, c.req.valid('param').id);
    if (!p) throw notFound('sla_policy.not_found');
    if (body.hospitalId && !(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    em.assign(p, columns(body));
    await saveUnique(() => em.flush(), 'level', said('sla.duplicate'));
    return c.json(policyDto(p));
  });
  return r;
}
