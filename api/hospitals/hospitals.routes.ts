import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Department, Hospital, HospitalSystem, NursingSystem, type IDepartment, type IHospital } from '../../db/entities';
import { departmentBody, hospitalBody } from '../../domain/admin.schemas';
import { notFound, unprocessable } from '../errors';
import type { SessionUser } from '../env';
import { contentRange, likePattern, listOrder, parseListQuery, unknownFilter } from '../list-query';
import { idList, idParams, saveUnique } from '../validate';
import { jsonBody, newRouter, route } from '../route';
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

const hospitalId = idParams('hospital.not_found');
const hospitalRoutes = {
  list: route({ method: 'get', path: '/', operationId: 'listHospitals', tag: 'hospitals', summary: 'Hospitals with their installed systems (a hospital contact sees their own)', description: 'Filters: id, q (name or code). Sort: id, code, name.', list: true }),
  get: route({ method: 'get', path: '/{id}', operationId: 'getHospital', tag: 'hospitals', summary: 'One hospital', request: { params: hospitalId } }),
  create: route({ method: 'post', path: '/', operationId: 'createHospital', tag: 'hospitals', summary: 'Add a hospital', access: ['admin'], request: { body: jsonBody(hospitalBody) }, ok: { 201: 'The hospital' }, answers: [422] }),
  update: route({ method: 'put', path: '/{id}', operationId: 'updateHospital', tag: 'hospitals', summary: 'Edit a hospital and its installed systems', access: ['admin'], request: { params: hospitalId, body: jsonBody(hospitalBody) }, answers: [422] }),
};

/** The hospitals this user may see among the list's filter (the list and its export). */
export function hospitalListWhere(user: SessionUser, filter: Record<string, unknown>): FilterQuery<IHospital> {
  const where: FilterQuery<IHospital>[] = [];
  const own = ownHospital(user);
  if (own !== undefined) where.push({ id: own });
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ id: { $in: idList(v) } });
    else if (k === 'q' && typeof v === 'string') where.push({ $or: [{ name: { $ilike: likePattern(v) } }, { code: { $ilike: likePattern(v) } }] });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const HOSPITAL_SORTABLE = ['id', 'code', 'name'] as const;
export const HOSPITAL_DEFAULT_SORT = { field: 'name', order: 'ASC' } as const;

export function hospitalsRoutes() {
  const r = newRouter();
  r.openapi(hospitalRoutes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: HOSPITAL_SORTABLE, defaultSort: HOSPITAL_DEFAULT_SORT });
    const em = c.get('em');
    const [rows, total] = await em.findAndCount(Hospital, hospitalListWhere(c.get('user'), q.filter), {
      orderBy: listOrder(q.sort),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('hospitals', q.offset, rows.length, total));
    return c.json(await hospitalDto(em, rows));
  });
  r.openapi(hospitalRoutes.get, async (c) => {
    const { id } = c.req.valid('param');
    const own = ownHospital(c.get('user'));
    const em = c.get('em');
    const h = own === undefined || own === id ? await em.findOne(Hospital, id) : null;
    if (!h) throw notFound('hospital.not_found');
    return c.json((await hospitalDto(em, [h]))[0]);
  });
  r.openapi(hospitalRoutes.create, async (c) => {
    const body = c.req.valid('json');
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
  });
  r.openapi(hospitalRoutes.update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
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
  return r;
}

const departmentDto = (d: IDepartment) => ({ id: d.id, hospitalId: d.hospital.id, name: d.name, address: d.address ?? null });

const departmentId = idParams('department.not_found');
const departmentRoutes = {
  list: route({ method: 'get', path: '/', operationId: 'listDepartments', tag: 'hospitals', summary: 'Departments (a hospital contact sees their hospital’s)', description: 'Filters: id, hospitalId, q (name). Sort: id, name, hospitalId.', list: true }),
  get: route({ method: 'get', path: '/{id}', operationId: 'getDepartment', tag: 'hospitals', summary: 'One department', request: { params: departmentId } }),
  create: route({ method: 'post', path: '/', operationId: 'createDepartment', tag: 'hospitals', summary: 'Add a department', access: ['admin'], request: { body: jsonBody(departmentBody) }, ok: { 201: 'The department' }, answers: [422] }),
  update: route({ method: 'put', path: '/{id}', operationId: 'updateDepartment', tag: 'hospitals', summary: 'Edit a department', access: ['admin'], request: { params: departmentId, body: jsonBody(departmentBody) }, answers: [422] }),
};

/** The departments this user may see among the list's filter (the list and its export). */
export function departmentListWhere(user: SessionUser, filter: Record<string, unknown>): FilterQuery<IDepartment> {
  const where: FilterQuery<IDepartment>[] = [];
  const own = ownHospital(user);
  if (own !== undefined) where.push({ hospital: own });
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'id') where.push({ id: { $in: idList(v) } });
    else if (k === 'hospitalId') where.push({ hospital: { $in: idList(v, 'hospitalId') } });
    else if (k === 'q' && typeof v === 'string') where.push({ name: { $ilike: likePattern(v) } });
    else throw unknownFilter(k);
  }
  return where.length ? { $and: where } : {};
}

export const DEPARTMENT_SORTABLE = ['id', 'name', 'hospitalId'] as const;
export const DEPARTMENT_DEFAULT_SORT = { field: 'name', order: 'ASC' } as const;
export const DEPARTMENT_SORT_COLUMNS = { hospitalId: 'hospital' };

export function departmentsRoutes() {
  const r = newRouter();
  r.openapi(departmentRoutes.list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: DEPARTMENT_SORTABLE, defaultSort: DEPARTMENT_DEFAULT_SORT });
    const [rows, total] = await c.get('em').findAndCount(Department, departmentListWhere(c.get('user'), q.filter), {
      orderBy: listOrder(q.sort, DEPARTMENT_SORT_COLUMNS),
      offset: q.offset,
      limit: q.limit,
    });
    c.header('Content-Range', contentRange('departments', q.offset, rows.length, total));
    return c.json(rows.map(departmentDto));
  });
  r.openapi(departmentRoutes.get, async (c) => {
    const { id } = c.req.valid('param');
    const own = ownHospital(c.get('user'));
    const d = await c.get('em').findOne(Department, own === undefined ? { id } : { id, hospital: own });
    if (!d) throw notFound('department.not_found');
    return c.json(departmentDto(d));
  });
  r.openapi(departmentRoutes.create, async (c) => {
    const body = c.req.valid('json');
    const em = c.get('em');
    if (!(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    const d = em.create(Department, { hospital: em.getReference(Hospital, body.hospitalId), name: body.name, address: body.address ?? null });
    await saveUnique(() => em.flush(), 'name', said('department.name_taken'));
    return c.json(departmentDto(d), 201);
  });
  r.openapi(departmentRoutes.update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const em = c.get('em');
    const d = await em.findOne(Department, id);
    if (!d) throw notFound('department.not_found');
    if (!(await em.count(Hospital, body.hospitalId))) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    em.assign(d, { hospital: em.getReference(Hospital, body.hospitalId), name: body.name, address: body.address ?? null });
    await saveUnique(() => em.flush(), 'name', said('department.name_taken'));
    return c.json(departmentDto(d));
  });
  return r;
}

const listSystems = route({ method: 'get', path: '/', operationId: 'listSystems', tag: 'hospitals', summary: 'The nursing systems under maintenance (all of them: sort, range and filter are ignored)', list: true });

export function systemsRoutes() {
  return newRouter().openapi(listSystems, async (c) => {
    const rows = await c.get('em').find(NursingSystem, {}, { orderBy: { code: 'asc' } });
    c.header('Content-Range', contentRange('systems', 0, rows.length, rows.length));
    return c.json(rows.map((s) => ({ id: s.code, nameZh: s.nameZh, nameEn: s.nameEn })));
  });
}
