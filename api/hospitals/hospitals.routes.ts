import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Hono } from 'hono';
import { Department, Hospital, HospitalSystem, NursingSystem, type IDepartment, type IHospital } from '../../db/entities';
import { departmentBody, hospitalBody } from '../../domain/admin.schemas';
import { requireRole, requireUser } from '../auth/session';
import { notFound, unprocessable } from '../errors';
import type { AppEnv, SessionUser } from '../env';
import { contentRange, likePattern, parseListQuery, unknownFilter } from '../list-query';
import { idList, intParam, parseBody, saveUnique } from '../validate';
import { said } from '../../domain/messages';

/** A hospital contact sees their own hospital only. */
function ownHospital(user: SessionUser): number | undefined {
  return user.role === 'hospital_contact' ? (user.hospitalId ?? -1) : undefined;
}

async function hospitalDto(em: EntityManager, hospitals: IHospital[]) {
  const systems = await em.find(HospitalSystem, { hospital: { $in: hospitals.map((h) => h.id) } });
  return hospitals.map((h) => ({
    id: h.id,
    code: h.code,
    name: h.name,
    address: h.address ?? null,
    systemCodes: systems.filter((s) => s.hospital.id === h.id).map((s) => s.system.code).sort(),
  }));
}

/** Installed systems are replaced as a set: what the form shows is what the hospital runs. */
async function setSystems(em: EntityManager, hospital: IHospital, codes: string[]): Promise<void> {
  await em.nativeDelete(HospitalSystem, { hospital, system: { $nin: codes } });
  const existing = new Set((await em.find(HospitalSystem, { hospital })).map((s) => s.system.code));
  for (const code of codes) if (!existing.has(code)) em.create(HospitalSystem, { hospital, system: em.getReference(NursingSystem, code) });
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
        if (k === 'id') where.push({ id: { $in: idList(v) } });
        else if (k === 'q' && typeof v === 'string') where.push({ $or: [{ name: { $ilike: likePattern(v) } }, { code: { $ilike: likePattern(v) } }] });
        else throw unknownFilter(k);
      }
      const em = c.get('em');
      const [rows, total] = await em.findAndCount(Hospital, where.length ? { $and: where } : {}, {
        orderBy: { [q.sort.field]: q.sort.order.toLowerCase() },
        offset: q.offset,
        limit: q.limit,
      });
      c.header('Content-Range', contentRange('hospitals', q.offset, rows.length, total));
      return c.json(await hospitalDto(em, rows));
    })
    .get('/:id', async (c) => {
      const id = intParam(c, 'id', 'hospital.not_found');
      const own = ownHospital(c.get('user'));
      const em = c.get('em');
      const h = own === undefined || own === id ? await em.findOne(Hospital, id) : null;
      if (!h) throw notFound('hospital.not_found');
      return c.json((await hospitalDto(em, [h]))[0]);
    })
    .post('/', requireRole('admin'), async (c) => {
      const body = await parseBody(c, hospitalBody);
      const em = c.get('em');
      const h = await saveUnique(
        () =>
          em.transactional(async (tx) => {
            const hospital = tx.create(Hospital, { code: body.code, name: body.name, address: body.address ?? null });
            await tx.flush();
            await setSystems(tx, hospital, body.systemCodes);
            return hospital;
          }),
        'code',
        said('hospital.code_taken'),
      );
      return c.json((await hospitalDto(em.fork(), [h]))[0], 201);
    })
    .put('/:id', requireRole('admin'), async (c) => {
      const id = intParam(c, 'id', 'hospital.not_found');
      const body = await parseBody(c, hospitalBody);
      const em = c.get('em');
      const h = await saveUnique(
        () =>
          em.transactional(async (tx) => {
            const hospital = await tx.findOne(Hospital, id);
            if (!hospital) throw notFound('hospital.not_found');
            tx.assign(hospital, { code: body.code, name: body.name, address: body.address ?? null });
            await setSystems(tx, hospital, body.systemCodes);
            return hospital;
          }),
        'code',
        said('hospital.code_taken'),
      );
      return c.json((await hospitalDto(em.fork(), [h]))[0]);
    });
}

const departmentDto = (d: IDepartment) => ({ id: d.id, hospitalId: d.hospital.id, name: d.name });

export function departmentsRoutes() {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get('/', async (c) => {
      const q = parseListQuery(c.req.query(), { sortable: ['id', 'name', 'hospitalId'], defaultSort: { field: 'name', order: 'ASC' } });
      const where: FilterQuery<IDepartment>[] = [];
      const own = ownHospital(c.get('user'));
      if (own !== undefined) where.push({ hospital: own });
      for (const [k, v] of Object.entries(q.filter)) {
        if (k === 'id') where.push({ id: { $in: idList(v) } });
        else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
        else if (k === 'q' && typeof v === 'string') where.push({ name: { $ilike: likePattern(v) } });
        else throw unknownFilter(k);
      }
      const orderField = q.sort.field === 'hospitalId' ? 'hospital' : q.sort.field;
      const [rows, total] = await c.get('em').findAndCount(Department, where.length ? { $and: where } : {}, {
        orderBy: { [orderField]: q.sort.order.toLowerCase() },
        offset: q.offset,
        limit: q.limit,
      });
      c.header('Content-Range', contentRange('departments', q.offset, rows.length, total));
      return c.json(rows.map(departmentDto));
    })
    .get('/:id', async (c) => {
      const id = intParam(c, 'id', 'department.not_found');
      const own = ownHospital(c.get('user'));
      const d = await c.get('em').findOne(Department, own === undefined ? { id } : { id, hospital: own });
      if (!d) throw notFound('department.not_found');
      return c.json(departmentDto(d));
    })
    .post('/', requireRole('admin'), async (c) => {
      const body = await parseBody(c, departmentBody);
      const em = c.get('em');
      if (!(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
      const d = em.create(Department, { hospital: em.getReference(Hospital, body.hospitalId), name: body.name });
      await saveUnique(() => em.flush(), 'name', said('department.name_taken'));
      return c.json(departmentDto(d), 201);
    })
    .put('/:id', requireRole('admin'), async (c) => {
      const id = intParam(c, 'id', 'department.not_found');
      const body = await parseBody(c, departmentBody);
      const em = c.get('em');
      const d = await em.findOne(Department, id);
      if (!d) throw notFound('department.not_found');
      if (!(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
      em.assign(d, { hospital: em.getReference(Hospital, body.hospitalId), name: body.name });
      await saveUnique(() => em.flush(), 'name', said('department.name_taken'));
      return c.json(departmentDto(d));
    });
}

export function systemsRoutes() {
  return new Hono<AppEnv>().use(requireUser).get('/', async (c) => {
    const rows = await c.get('em').find(NursingSystem, {}, { orderBy: { code: 'asc' } });
    c.header('Content-Range', contentRange('systems', 0, rows.length, rows.length));
    return c.json(rows.map((s) => ({ id: s.code, nameZh: s.nameZh, nameEn: s.nameEn })));
  });
}
