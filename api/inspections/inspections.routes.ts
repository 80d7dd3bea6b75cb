import type { FilterQuery } from '@mikro-orm/core';
import { Inspection, type IInspection } from '../../db/entities';
import { isPeriod } from '../../domain/inspection/period';
import { INSPECTION_STATUSES } from '../../domain/inspection/occurrence';
import { said } from '../../domain/messages';
import type { SessionUser } from '../env';
import { notFound } from '../errors';
import { contentRange, oneOfError, parseListQuery, queryError, unknownFilter } from '../list-query';
import { newRouter, route } from '../route';
import { idList, idParams } from '../validate';

const inspectionDto = (i: IInspection) => ({
  id: i.id,
  planId: i.plan.id,
  period: i.period,
  hospitalId: i.hospital.id,
  workflowId: i.workflowId,
  templateCode: i.templateCode,
  templateVersion: i.templateVersion,
  engineerId: i.engineer.id,
  status: i.status,
  plannedDate: i.plannedDate,
  visitDate: i.visitDate,
  reportDueDate: i.reportDueDate,
  startedBy: i.startedBy,
  createdAt: i.createdAt.toISOString(),
});

/** A hospital contact sees their own hospital's inspections only. */
const visibleTo = (user: SessionUser): FilterQuery<IInspection> => (user.role === 'hospital_contact' ? { hospital: user.hospitalId ?? -1 } : {});

const tag = 'inspections';
const inspectionId = idParams('inspection.not_found');
const routes = {
  list: route({ method: 'get', path: '/', operationId: 'listInspections', tag, summary: 'Inspections, one per plan and month (a hospital contact sees their own hospital’s)', description: 'Filters: id, planId, hospitalId, period (YYYY-MM), status. Sort: id, period, visitDate.', list: true }),
  get: route({ method: 'get', path: '/{id}', operationId: 'getInspection', tag, summary: 'One inspection', request: { params: inspectionId } }),
};

export function inspectionsRoutes() {
  const r = newRouter();
  r.openapi(routes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ['id', 'period', 'visitDate'], defaultSort: { field: 'period', order: 'DESC' } });
    const where: FilterQuery<IInspection>[] = [visibleTo(c.get('user'))];
    for (const [k, v] of Object.entries(q.filter)) {
      if (k === 'id') where.push({ id: { $in: idList(v) } });
      else if (k === 'planId') where.push({ plan: { $in: idList(v, 'planId') } });
      else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
      else if (k === 'period') {
        const periods = [v].flat().map(String);
        if (!periods.every(isPeriod)) throw queryError('period', said('plan.period'));
        where.push({ period: { $in: periods } });
      } else if (k === 'status') {
        const statuses = [v].flat().map(String);
        if (!statuses.every((s) => (INSPECTION_STATUSES as readonly string[]).includes(s))) throw oneOfError('status', INSPECTION_STATUSES);
        where.push({ status: { $in: statuses as IInspection['status'][] } });
      } else throw unknownFilter(k);
    }
    const [rows, total] = await c.get('em').findAndCount(Inspection, { $and: where }, {
      orderBy: { [q.sort.field]: q.sort.order.toLowerCase(), id: 'asc' },
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('inspections', q.offset, rows.length, total));
    return c.json(rows.map(inspectionDto));
  });
  r.openapi(routes.get, async (c) => {
    const i = await c.get('em').findOne(Inspection, { $and: [{ id: c.req.valid('param').id }, visibleTo(c.get('user'))] });
    if (!i) throw notFound('inspection.not_found');
    return c.json(inspectionDto(i));
  });
  return r;
}
