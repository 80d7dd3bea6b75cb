import type { FilterQuery } from '@mikro-orm/core';
import { Hono } from 'hono';
import { Department, Hospital, HospitalSystem, NursingSystem, type IDepartment, type IHospital } from '../../db/entities';
import { requireUser } from '../auth/session';
import { badRequest, notFound } from '../errors';
import type { AppEnv, SessionUser } from '../env';
import { contentRange, likePattern, parseListQuery } from '../list-query';

/** A hospital contact sees their own hospital only. */
function ownHospital(user: SessionUser): number | undefined {
  return user.role === 'hospital_contact' ? (user.hospitalId ?? -1) : undefined;
}

function idFilter(value: unknown, field = 'id'): number[] {
  const ids = (Array.isArray(value) ? value : [value]).map(Number);
  if (!ids.every(Number.isSafeInteger)) throw badRequest(`${field} must be numbers`, { [field]: 'must be numbers' });
  return ids;
}

export function hospitalsRoutes() {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get('/', async (c) => {
      const q = parseListQuery(c.req.query(), { sortable: ['id', 'code', 'name'], defaultSort: { field: 'name', order: 'ASC' } });
      const where: FilterQuery<IHospital>[] = [];
      const own = ownHospital(c.get('user'));
      if (own !== undefined) where.push({ id: own });
      for (const [k, v] of Object.entries(q.filter)) {
        if (k === 'id') where.push({ id: { $in: idFilter(v) } });
        else if (k === 'q' && typeof v === 'string') where.push({ name: { $ilike: likePattern(v) } });
        else throw badRequest(`Unknown filter: ${k}`, { [k]: 'unknown filter' });
      }
      const em = c.get('em');
      const [rows, total] = await em.findAndCount(Hospital, where.length ? { $and: where } : {}, {
        orderBy: { [q.sort.field]: q.sort.order.toLowerCase() },
        offset: q.offset,
        limit: q.limit,
      });
      const systems = await em.find(HospitalSystem, { hospital: { $in: rows.map((r) => r.id) } });
      c.header('Content-Range', contentRange('hospitals', q.offset, rows.length, total));
      return c.json(
        rows.map((h) => ({
          id: h.id,
          code: h.code,
          name: h.name,
          address: h.address ?? null,
          systemCodes: systems.filter((s) => s.hospital.id === h.id).map((s) => s.system.code),
        })),
      );
    })
    .get('/:id', async (c) => {
      const id = Number(c.req.param('id'));
      const own = ownHospital(c.get('user'));
      const em = c.get('em');
      const h = Number.isSafeInteger(id) && (own === undefined || own === id) ? await em.findOne(Hospital, id) : null;
      if (!h) throw notFound('Hospital');
      const systems = await em.find(HospitalSystem, { hospital: h });
      return c.json({ id: h.id, code: h.code, name: h.name, address: h.address ?? null, systemCodes: systems.map((s) => s.system.code) });
    });
}

export function departmentsRoutes() {
  return new Hono<AppEnv>().use(requireUser).get('/', async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: ['id', 'name', 'hospitalId'], defaultSort: { field: 'name', order: 'ASC' } });
    const where: FilterQuery<IDepartment>[] = [];
    const own = ownHospital(c.get('user'));
    if (own !== undefined) where.push({ hospital: own });
    for (const [k, v] of Object.entries(q.filter)) {
      if (k === 'id') where.push({ id: { $in: idFilter(v) } });
      else if (k === 'hospitalId') where.push({ hospital: { $in: idFilter(v, 'hospitalId') } });
      else if (k === 'q' && typeof v === 'string') where.push({ name: { $ilike: likePattern(v) } });
      else throw badRequest(`Unknown filter: ${k}`, { [k]: 'unknown filter' });
    }
    const orderField = q.sort.field === 'hospitalId' ? 'hospital' : q.sort.field;
    const [rows, total] = await c.get('em').findAndCount(Department, where.length ? { $and: where } : {}, {
      orderBy: { [orderField]: q.sort.order.toLowerCase() },
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('departments', q.offset, rows.length, total));
    return c.json(rows.map((d) => ({ id: d.id, hospitalId: d.hospital.id, name: d.name })));
  });
}

export function systemsRoutes() {
  return new Hono<AppEnv>().use(requireUser).get('/', async (c) => {
    const rows = await c.get('em').find(NursingSystem, {}, { orderBy: { code: 'asc' } });
    c.header('Content-Range', contentRange('systems', 0, rows.length, rows.length));
    return c.json(rows.map((s) => ({ id: s.code, nameZh: s.nameZh, nameEn: s.nameEn })));
  });
}
