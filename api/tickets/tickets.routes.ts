import type { FilterQuery } from '@mikro-orm/core';
import { Hono } from 'hono';
import { Department, Hospital, HospitalSystem, Ticket, type ITicket } from '../../db/entities';
import { STATUSES, STEPS, type TicketIntake } from '../../domain/ticket';
import { createTicketBody } from '../../domain/ticket.schemas';
import { requireRole, requireUser } from '../auth/session';
import { badRequest, fieldErrors, forbidden, notFound, unprocessable } from '../errors';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { contentRange, likePattern, parseListQuery } from '../list-query';
import { toTicketDto } from './ticket.dto';
import { nextTicketNo, startTicketWorkflow } from './ticket-workflow.client';

const SORTABLE = ['id', 'receivedAt', 'faultLevel', 'status', 'step', 'replyDueAt', 'updatedAt', 'systemCode', 'title'] as const;
/** API field → entity property where the two differ. */
const SORT_COLUMN: Record<string, string> = { systemCode: 'system' };

/** Rows this user may see at all: a hospital contact only their own hospital's. */
function visibleTo(user: SessionUser): FilterQuery<ITicket> {
  return user.role === 'hospital_contact' ? { hospital: user.hospitalId ?? -1 } : {};
}

function listFilter(filter: Record<string, unknown>): FilterQuery<ITicket> {
  const where: FilterQuery<ITicket>[] = [];
  const bad = (field: string, msg: string) => badRequest(msg, { [field]: msg });
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    switch (key) {
      case 'q': {
        if (typeof value !== 'string') throw bad('q', 'q must be text');
        const like = likePattern(value);
        where.push({ $or: [{ id: { $ilike: like } }, { title: { $ilike: like } }, { description: { $ilike: like } }] });
        break;
      }
      case 'id': {
        const ids = Array.isArray(value) ? value : [value];
        if (!ids.every((v) => typeof v === 'string')) throw bad('id', 'id must be ticket numbers');
        where.push({ id: { $in: ids as string[] } });
        break;
      }
      case 'status':
      case 'step': {
        const allowed: readonly string[] = key === 'status' ? STATUSES : STEPS;
        const values = Array.isArray(value) ? value : [value];
        if (!values.every((v) => typeof v === 'string' && allowed.includes(v))) throw bad(key, `${key} must be one of ${allowed.join(', ')}`);
        where.push({ [key]: { $in: values } });
        break;
      }
      case 'faultLevel':
      case 'hospitalId':
      case 'departmentId': {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw bad(key, `${key} must be a number`);
        const column = { faultLevel: 'faultLevel', hospitalId: 'hospital', departmentId: 'department' }[key];
        where.push({ [column]: n });
        break;
      }
      case 'systemCode':
        if (typeof value !== 'string') throw bad(key, 'systemCode must be text');
        where.push({ system: value });
        break;
      default:
        throw bad(key, `Unknown filter: ${key}`);
    }
  }
  return where.length ? { $and: where } : {};
}

export function ticketsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .get('/', async (c) => {
      const q = parseListQuery(c.req.query(), { sortable: SORTABLE, defaultSort: { field: 'receivedAt', order: 'DESC' } });
      const em = c.get('em');
      const where = { $and: [visibleTo(c.get('user')), listFilter(q.filter)] };
      const [rows, total] = await em.findAndCount(Ticket, where, {
        populate: ['hospital', 'department'],
        orderBy: { [SORT_COLUMN[q.sort.field] ?? q.sort.field]: q.sort.order.toLowerCase(), id: 'desc' },
        offset: q.offset,
        limit: q.limit,
      });
      c.header('Content-Range', contentRange('tickets', q.offset, rows.length, total));
      return c.json(rows.map(toTicketDto));
    })
    .get('/:id', async (c) => {
      const em = c.get('em');
      const t = await em.findOne(Ticket, { $and: [{ id: c.req.param('id') }, visibleTo(c.get('user'))] }, { populate: ['hospital', 'department'] });
      if (!t) throw notFound('Ticket');
      return c.json(toTicketDto(t));
    })
    .post('/', requireRole('admin', 'manager', 'dispatcher', 'hospital_contact'), async (c) => {
      const user = c.get('user');
      const parsed = createTicketBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) throw badRequest('Please correct the highlighted fields', fieldErrors(parsed.error));
      const body = parsed.data;
      if (user.role === 'hospital_contact' && body.hospitalId !== user.hospitalId) {
        throw forbidden('Hospital contacts can only raise requests for their own hospital');
      }
      const em = c.get('em');
      const hospital = await em.findOne(Hospital, body.hospitalId);
      if (!hospital) throw unprocessable({ hospitalId: 'No such hospital' });
      if (!(await em.count(HospitalSystem, { hospital, system: body.systemCode }))) {
        throw unprocessable({ systemCode: `${hospital.name} does not run this system` });
      }
      if (body.departmentId && !(await em.count(Department, { id: body.departmentId, hospital }))) {
        throw unprocessable({ departmentId: `This department does not belong to ${hospital.name}` });
      }

      const receivedAt = new Date();
      const ticketNo = await nextTicketNo(em, receivedAt, deps.timeZone);
      const intake: TicketIntake = {
        ticketNo,
        hospitalId: hospital.id,
        departmentId: body.departmentId ?? null,
        systemCode: body.systemCode,
        channel: body.channel,
        faultLevel: body.faultLevel ?? null,
        title: body.title,
        description: body.description,
        reporterName: body.reporterName,
        reporterPhone: body.reporterPhone || null,
        receivedAt: receivedAt.toISOString(),
        createdBy: { userId: user.id, role: user.role, displayName: user.displayName },
      };
      await startTicketWorkflow(deps.temporal, deps.settings.taskQueue, intake);
      const t = await em.fork().findOneOrFail(Ticket, ticketNo, { populate: ['hospital', 'department'] });
      return c.json(toTicketDto(t), 201);
    });
}
