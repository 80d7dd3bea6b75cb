import { raw, UniqueConstraintViolationException, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from '@hono/zod-openapi';
import type { UpdateDefinition } from '@temporalio/common';
import { ArchiveRecord, IdempotencyKey, Ticket, TicketTask, User, type ITicket } from '../../db/entities';
import { sql } from '../../db/sql';
import { loadSlaTargets } from '../../db/sla-targets';
import type { StepResult } from '../../domain/projection';
import { STATUSES, STEPS, type TicketIntake, type TicketWorkflowOptions } from '../../domain/ticket';
import { createTicketBody, levelInput, noteInput, reasonInput, reassignInput } from '../../domain/ticket.schemas';
import { addNoteUpdate, cancelUpdate, changeLevelUpdate, pauseUpdate, reassignUpdate, resumeUpdate } from '../../workflows/ticket/messages';
import { isActiveIn } from '../users/active-user';
import { ApiError, forbidden, notFound, unprocessable } from '../errors';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { actorOf } from '../workflow/actor';
import { refusalsAsHttp } from '../workflow/step-errors';
import { boundClientKey, clientKey, requestHash as hashOfRequest, updateIdOf } from '../workflow/update-id';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { contentRange, dateBound, likePattern, listQueryOf, oneOfError, parseListQuery, queryError, unknownFilter } from '../list-query';
import { urgencyKeys } from '../urgency';
import { said } from '../../domain/messages';
import { jsonBody, newRouter, route } from '../route';
import { textIdParams } from '../validate';
import { timeline } from './history';
import { toTicketDto, type TicketDto } from './ticket.dto';
import { ticketDetail, type TicketDetail } from './ticket-detail';
import { hospitalDetail, hospitalTicket, hospitalTimeline, readsAsHospital } from './hospital-view';

/** A ticket with its detail as this reader may see it. */
function asReader(user: SessionUser, dto: TicketDto, detail: TicketDetail) {
  return readsAsHospital(user) ? { ...hospitalTicket(dto), ...hospitalDetail(detail) } : { ...dto, ...detail };
}
import { nextTicketNo } from './ticket-no';

/** `urgency`: the queue's order (api/urgency.ts), the SLA column's sort. */
export const SORTABLE = ['urgency', 'id', 'receivedAt', 'faultLevel', 'status', 'step', 'replyDueAt', 'updatedAt', 'systemCode', 'title'] as const;
/** API field → entity property where the two differ. */
export const SORT_COLUMN: Record<string, string> = { systemCode: 'system' };

/**
 * Rows this user may see at all: a hospital contact only their own hospital's; an engineer what
 * they are assigned or have worked on; coordinators and managers everything.
 */
export async function ticketsVisibleTo(em: EntityManager, user: SessionUser): Promise<FilterQuery<ITicket>> {
  if (user.role === 'hospital_contact') return { hospital: user.hospitalId ?? -1 };
  if (user.role === 'engineer') {
    const worked = em.createQueryBuilder(TicketTask, 'tt').select('tt.ticket_id').where({ assignee: user.id });
    return { $or: [{ assignee: user.id }, { id: { $in: worked.getKnexQuery() } }] } as FilterQuery<ITicket>;
  }
  return {};
}

async function visibleTicket(em: EntityManager, user: SessionUser, id: string) {
  const t = await em.findOne(Ticket, { $and: [{ id }, await ticketsVisibleTo(em, user)] }, { populate: ['hospital', 'department', 'assignee'] });
  if (!t) throw notFound('ticket.not_found');
  return t;
}

/** Where the full story of a ticket lives: the running workflow, or (once archived) the archive. */
async function workflowHistory(tickets: TicketGateway, em: EntityManager, ticketNo: string) {
  const archived = await em.findOne(ArchiveRecord, { ticketId: ticketNo });
  try {
    return { source: 'temporal' as const, history: await tickets.history(ticketNo) };
  } catch (e) {
    // Past the namespace retention Temporal forgets the run; the archive kept a copy.
    if (archived) return { source: 'archive' as const, history: historyFromJSON(archived.history) };
    // A lost workflow (docs/design.md, "Reconciliation") has no history left to show; the page shows the database's record.
    // (fetchHistory answers a raw gRPC NOT_FOUND, code 5, where other calls throw WorkflowNotFoundError.)
    if (e instanceof WorkflowNotFoundError || (e as { code?: unknown })?.code === 5) return { source: 'none' as const, history: historyFromJSON({ events: [] }) };
    throw e;
  }
}

/** The list's order, also the export's: urgency's keys, or a column with the newest first on ties. */
export function ticketOrder(sort: { field: string; order: 'ASC' | 'DESC' }): QueryOrderMap<ITicket>[] {
  const order = sort.order === 'DESC' ? 'desc' : 'asc';
  return sort.field === 'urgency'
    ? [...urgencyKeys(order).map((k) => ({ [raw((alias: string) => k.sql(alias))]: k.order })), { receivedAt: 'asc' }, { id: 'asc' }]
    : [{ [SORT_COLUMN[sort.field] ?? sort.field]: order }, ...(sort.field === 'id' ? [] : [{ id: 'desc' as const }])];
}

export function listFilter(filter: Record<string, unknown>, timeZone: string): FilterQuery<ITicket> {
  const where: FilterQuery<ITicket>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    switch (key) {
      case 'q': {
        if (typeof value !== 'string') throw queryError('q', said('request.filter_text', { field: 'q' }));
        const like = likePattern(value);
        where.push({ $or: [{ id: { $ilike: like } }, { title: { $ilike: like } }, { description: { $ilike: like } }] });
        break;
      }
      case 'id': {
        const ids = Array.isArray(value) ? value : [value];
        if (!ids.every((v) => typeof v === 'string')) throw queryError('id', said('request.filter_ticket_numbers', { field: 'id' }));
        where.push({ id: { $in: ids as string[] } });
        break;
      }
      case 'status':
      case 'step': {
        const allowed: readonly string[] = key === 'status' ? STATUSES : STEPS;
        const values = Array.isArray(value) ? value : [value];
        if (!values.every((v) => typeof v === 'string' && allowed.includes(v))) throw oneOfError(key, allowed);
        where.push({ [key]: { $in: values } });
        break;
      }
      case 'faultLevel':
      case 'hospitalId':
      case 'departmentId':
      case 'assigneeId': {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw queryError(key, said('request.filter_number', { field: key }));
        const column = { faultLevel: 'faultLevel', hospitalId: 'hospital', departmentId: 'department', assigneeId: 'assignee' }[key];
        where.push({ [column]: n });
        break;
      }
      case 'receivedFrom':
        where.push({ receivedAt: { $gte: dateBound(key, value, timeZone, false) } });
        break;
      case 'receivedTo':
        where.push({ receivedAt: { $lt: dateBound(key, value, timeZone, true) } });
        break;
      case 'breached':
        // Either commitment missed (or running late right now): the 已超时 quick filter.
        if (typeof value !== 'boolean') throw queryError('breached', said('request.filter_boolean', { field: 'breached' }));
        where.push(value ? { $or: [{ replyBreached: true }, { solutionBreached: true }] } : { replyBreached: false, solutionBreached: false });
        break;
      case 'workflowLost':
        // Open tickets whose workflow was lost (reconciliation): the dashboard's figure, listed.
        if (typeof value !== 'boolean') throw queryError('workflowLost', said('request.filter_boolean', { field: 'workflowLost' }));
        where.push(value ? { workflowState: { $ne: null } } : { workflowState: null });
        break;
      case 'systemCode':
        if (typeof value !== 'string') throw queryError(key, said('request.filter_text', { field: key }));
        where.push({ system: value });
        break;
      default:
        throw unknownFilter(key);
    }
  }
  return where.length ? { $and: where } : {};
}

const ticketId = textIdParams('ticket.not_found', 'Ticket number (服务请求编号)', 'SR-20261202-00042');

/** The ticket a step's path names, read before its body is checked: another hospital's ticket is 404 whatever was sent. */
const named = new WeakMap<Context, Awaited<ReturnType<typeof visibleTicket>>>();
const ticketFirst: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Route middleware runs before the route's validators: the id is checked here by the same schema.
  const id = ticketId.shape.id.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('ticket.not_found');
  named.set(c, await visibleTicket(c.get('em'), c.get('user'), id.data));
  await next();
};
const ticketOf = (c: Context) => named.get(c)!;
const onTicket = { tag: 'tickets' as const, idempotent: true, answers: [409 as const, 422 as const], before: [ticketFirst] };

const list = route({
  method: 'get',
  path: '/',
  operationId: 'listTickets',
  tag: 'tickets',
  summary: 'List the tickets (问题单) you may see',
  description:
    'Filters: q (text in number, title, description), id (ticket numbers), status, step, faultLevel, hospitalId, departmentId, assigneeId, systemCode, breached (true/false), receivedFrom and receivedTo (a day YYYY-MM-DD in the desk’s time zone, both ends included, or an ISO time). ' +
    'Sort: ' + SORTABLE.join(', ') + '; by default `urgency`: breached first, then the running clock’s deadline, then the fault level (L1 first).',
  list: listQueryOf(SORTABLE),
});
const get = route({ method: 'get', path: '/{id}', operationId: 'getTicket', tag: 'tickets', summary: 'One ticket with its tasks and the workflow’s record (triage, attempts, forms, signature, notes, SLA clocks)', request: { params: ticketId } });
const history = route({
  method: 'get',
  path: '/{id}/history',
  operationId: 'getTicketHistory',
  tag: 'tickets',
  summary: 'Audit timeline decoded from the workflow history',
  description: '`download=1` adds the raw history as an attachment (vendor staff only: 403 for a hospital contact).',
  request: { params: ticketId, query: z.object({ download: z.string().optional().openapi({ param: { description: '1: download with the raw workflow history' }, example: '1' }) }) },
  answers: [403],
});
const addNote = route({ ...onTicket, method: 'post', path: '/{id}/notes', operationId: 'addTicketNote', summary: 'Add a tracking note: internal (vendor staff, the default for staff) or for the hospital (the only choice of a hospital contact)', answers: [409, 422], request: { params: ticketId, body: jsonBody(noteInput) } });
const reassign = route({ ...onTicket, method: 'post', path: '/{id}/reassign', operationId: 'reassignTicket', summary: 'Reassign the current step to an active user fit for it', access: ['dispatcher', 'manager'], request: { params: ticketId, body: jsonBody(reassignInput) } });
const level = route({ ...onTicket, method: 'post', path: '/{id}/level', operationId: 'changeTicketLevel', summary: 'Change the fault level; deadlines are recomputed from receipt', access: ['dispatcher', 'manager'], request: { params: ticketId, body: jsonBody(levelInput) } });
const onlyAssigned = 'An engineer only on a ticket assigned to them (the workflow refuses others with 409).';
const pause = route({ ...onTicket, method: 'post', path: '/{id}/pause', operationId: 'pauseTicket', summary: 'Stop the SLA clocks (waiting on the hospital)', description: onlyAssigned, access: ['dispatcher', 'manager', 'engineer'], request: { params: ticketId, body: jsonBody(reasonInput) } });
const resume = route({ ...onTicket, method: 'post', path: '/{id}/resume', operationId: 'resumeTicket', summary: 'Restart the SLA clocks', description: onlyAssigned, access: ['dispatcher', 'manager', 'engineer'], request: { params: ticketId } });
const cancel = route({ ...onTicket, method: 'post', path: '/{id}/cancel', operationId: 'cancelTicket', summary: 'Cancel with a reason (the hospital only before work starts)', access: ['dispatcher', 'manager', 'hospital_contact'], request: { params: ticketId, body: jsonBody(reasonInput) } });
const create = route({
  method: 'post',
  path: '/',
  operationId: 'createTicket',
  tag: 'tickets',
  summary: 'Raise a service request: starts its workflow, answers with the ticket once written',
  description: 'A hospital contact raises requests for their own hospital only (403). The same Idempotency-Key with the same body answers 200 with the ticket it made; with another body, 422.',
  access: ['admin', 'manager', 'dispatcher', 'hospital_contact'],
  idempotent: true,
  request: { body: jsonBody(createTicketBody) },
  ok: { 201: 'The ticket, raised', 200: 'The ticket an earlier request with this Idempotency-Key raised' },
  answers: [422],
});

export function ticketsRoutes(deps: AppDeps, tickets: TicketGateway) {
  /** Runs a ticket-level Update and answers with the ticket as it now is. */
  async function act<A>(c: Context<AppEnv>, ticketNo: string, update: UpdateDefinition<StepResult, [A]>, arg: A) {
    // With the client's key, a retry is the same Update; without one, each request is its own.
    const { actor: _actor, ...body } = arg as { actor: unknown };
    const key = await boundClientKey(c, update.name, ticketNo, body);
    const updateId = key === undefined ? undefined : updateIdOf(update.name, ticketNo, c.get('user').id, body, key);
    await refusalsAsHttp(() => tickets.update(ticketNo, update, arg, { updateId }));
    const em = c.get('em').fork();
    const t = await em.findOneOrFail(Ticket, ticketNo, { populate: ['hospital', 'department', 'assignee'] });
    return asReader(c.get('user'), toTicketDto(t), await ticketDetail(tickets, em, t));
  }

  /**
   * Whether the run already under this ticket number is the one a concurrent request with the same
   * key started from our intake (then attaching to it writes the first row), and not an older
   * ticket's run left from a database restored behind Temporal.
   */
  async function startedBySameRequest(intake: TicketIntake, options: TicketWorkflowOptions): Promise<boolean> {
    try {
      const theirs = (await tickets.start(intake, options, 'USE_EXISTING')).projected.intake?.intake;
      return theirs?.receivedAt === intake.receivedAt && theirs.createdBy.userId === intake.createdBy.userId;
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return false; // an older ticket's closed run
      throw e;
    }
  }

  const r = newRouter();
  r.openapi(list, async (c) => {
    const q = parseListQuery(c.req.query(), { sortable: SORTABLE, defaultSort: { field: 'urgency', order: 'ASC' } });
    const em = c.get('em');
    const where = { $and: [await ticketsVisibleTo(em, c.get('user')), listFilter(q.filter, deps.timeZone)] };
    const orderBy = ticketOrder(q.sort);
    // The page and the total apart: counting through the page's joins costs 3× a plain count at
    // 100,000 rows (docs/benchmarks.md #4), and the two run side by side.
    const [rows, total] = await Promise.all([
      em.find(Ticket, where, {
        populate: ['hospital', 'department', 'assignee'],
        exclude: ['assignee.passwordHash'],
        orderBy: orderBy as never,
        offset: q.offset,
        limit: q.limit,
      }),
      em.fork().count(Ticket, where),
    ]);
    c.header('Content-Range', contentRange('tickets', q.offset, rows.length, total));
    const user = c.get('user');
    return c.json(rows.map((t) => (readsAsHospital(user) ? hospitalTicket(toTicketDto(t)) : toTicketDto(t))));
  });
  r.openapi(get, async (c) => {
    const em = c.get('em');
    const t = await visibleTicket(em, c.get('user'), c.req.param('id'));
    return c.json(asReader(c.get('user'), toTicketDto(t), await ticketDetail(tickets, em, t)));
  });
  r.openapi(history, async (c) => {
    const em = c.get('em');
    const user = c.get('user');
    const t = await visibleTicket(em, user, c.req.param('id'));
    const download = c.req.query('download') === '1';
    // The raw history names workers, task queues and internals: the vendor's, not the hospital's.
    if (download && user.role === 'hospital_contact') throw forbidden(said('history.vendor_only'));
    const { source, history } = await workflowHistory(tickets, em, t.id);
    const entries = timeline(history);
    if (download) {
      c.header('Content-Disposition', `attachment; filename="${t.id}-history.json"`);
      return c.json({ ticketId: t.id, workflowId: t.workflowId, exportedAt: new Date().toISOString(), source, timeline: entries, history: JSON.parse(historyToJSON(history)) });
    }
    if (readsAsHospital(user)) return c.json({ ticketId: t.id, timeline: hospitalTimeline(entries) });
    return c.json({ ticketId: t.id, workflowId: t.workflowId, source, timeline: entries });
  });
  r.openapi(addNote, async (c) => {
    const user = c.get('user');
    const t = ticketOf(c);
    const body = c.req.valid('json');
    // Refused here with the field named, before the workflow would refuse it too.
    if (readsAsHospital(user) && body.audience === 'internal') throw unprocessable({ audience: said('note.hospital_only') });
    return c.json(await act(c, t.id, addNoteUpdate, { actor: actorOf(user), text: body.text, audience: body.audience }));
  });
  r.openapi(reassign, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const t = ticketOf(c);
    const body = c.req.valid('json');
    const roles = t.step === 'triage' || t.step === 'dispatch' ? ['dispatcher'] : t.step === 'remote' ? ['engineer', 'dispatcher'] : ['engineer'];
    if (!(await isActiveIn(em, body.assigneeId, roles))) throw unprocessable({ assigneeId: said('step.active_user_at_step', { roles: roles.join(' or ') }) });
    return c.json(await act(c, t.id, reassignUpdate, { actor: actorOf(user), ...body }));
  });
  r.openapi(level, async (c) => {
    const user = c.get('user');
    const t = ticketOf(c);
    const body = c.req.valid('json');
    return c.json(await act(c, t.id, changeLevelUpdate, { actor: actorOf(user), ...body }));
  });
  r.openapi(pause, async (c) => {
    const user = c.get('user');
    const t = ticketOf(c);
    const body = c.req.valid('json');
    return c.json(await act(c, t.id, pauseUpdate, { actor: actorOf(user), reason: body.reason }));
  });
  r.openapi(resume, async (c) => {
    const user = c.get('user');
    const t = ticketOf(c);
    return c.json(await act(c, t.id, resumeUpdate, { actor: actorOf(user) }));
  });
  r.openapi(cancel, async (c) => {
    const user = c.get('user');
    const t = ticketOf(c);
    const body = c.req.valid('json');
    return c.json(await act(c, t.id, cancelUpdate, { actor: actorOf(user), reason: body.reason }));
  });
  r.openapi(create, async (c) => {
    const user = c.get('user');
    const body = c.req.valid('json');
    if (user.role === 'hospital_contact' && body.hospitalId !== user.hospitalId) {
      throw forbidden(said('ticket.own_hospital_only'));
    }
    const em = c.get('em');
    // The hospital, its system and its department checked in one round trip. Ids compare as
    // bigint: a request's number may lie beyond the int column's range (then it matches nothing).
    const [hospital] = await sql<{ id: number; name: string; runs: boolean; department_ok: boolean }>(
      em,
      `select h.id, h.name,
         exists (select 1 from hospital_systems s where s.hospital_id = h.id and s.system_code = ?) as runs,
         (?::bigint is null or exists (select 1 from departments d where d.id = ?::bigint and d.hospital_id = h.id)) as department_ok
       from hospitals h where h.id = ?::bigint`,
      [body.systemCode, body.departmentId ?? null, body.departmentId ?? null, body.hospitalId],
    );
    if (!hospital) throw unprocessable({ hospitalId: said('ticket.no_such_hospital') });
    if (!hospital.runs) throw unprocessable({ systemCode: said('ticket.system_not_run', { hospital: hospital.name }) });
    if (!hospital.department_ok) throw unprocessable({ departmentId: said('ticket.department_elsewhere', { hospital: hospital.name }) });

    // Idempotency-Key: the same key from the same user is the same ticket, however often retried.
    const key = clientKey(c);
    const requestHash = hashOfRequest('tickets.create:', body);
    let intake: TicketIntake | undefined;
    let replay = false;
    if (key) {
      const prior = await em.findOne(IdempotencyKey, { user: user.id, key });
      if (prior) {
        if (prior.requestHash !== requestHash) throw unprocessable({ 'Idempotency-Key': said('request.idempotency_reused') });
        intake = prior.intake as unknown as TicketIntake;
        replay = true;
      }
    }
    if (!intake) {
      const receivedAt = new Date();
      intake = {
        ticketNo: await nextTicketNo(em, receivedAt, deps.timeZone),
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
      if (key) {
        try {
          em.create(IdempotencyKey, { user: em.getReference(User, user.id), key, operation: 'tickets.create:', requestHash, ticketId: intake.ticketNo, intake: intake as unknown as Record<string, unknown> });
          await em.flush();
        } catch (e) {
          if (!(e instanceof UniqueConstraintViolationException)) throw e;
          // A concurrent request with the same key got there first: answer with its ticket.
          const winner = await em.fork().findOneOrFail(IdempotencyKey, { user: user.id, key });
          if (winner.requestHash !== requestHash) throw unprocessable({ 'Idempotency-Key': said('request.idempotency_reused') });
          intake = winner.intake as unknown as TicketIntake;
          replay = true;
        }
      }
    }
    // The hospital's terms travel with the start, so the workflow's first task needs no activity.
    const options = { slaTargets: await loadSlaTargets(em, hospital.id) };
    // USE_EXISTING: a retry attaches to the workflow its first attempt started, and like the
    // first attempt gets the ticket's first row and task back to write.
    for (let attempt = 1; ; attempt++) {
      const current: TicketIntake = intake!;
      try {
        await tickets.start(current, options, replay ? 'USE_EXISTING' : 'FAIL');
        break;
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
        // A retry after the ticket's workflow has already closed (archived or cancelled): the row answers.
        if (replay) break;
        // A concurrent request with our key read our intake and started the run first: attach to it.
        if (key && (await startedBySameRequest(current, options))) break;
        // A first attempt whose number Temporal already knows: the database was restored behind
        // Temporal and its sequence hands out numbers again. Jump past them rather than fail.
        if (attempt >= 3) throw new ApiError(503, said('service.ticket_numbers_behind'));
        await em.getConnection().execute(`select setval('ticket_no_seq', (select last_value from ticket_no_seq) + 1000)`);
        intake = { ...current, ticketNo: await nextTicketNo(em, new Date(current.receivedAt), deps.timeZone) };
        if (key) await em.nativeUpdate(IdempotencyKey, { user: user.id, key }, { ticketId: intake.ticketNo, intake: intake as unknown as Record<string, unknown> });
      }
    }
    const t = await em.fork().findOneOrFail(Ticket, intake!.ticketNo, { populate: ['hospital', 'department'] });
    const dto = readsAsHospital(user) ? hospitalTicket(toTicketDto(t)) : toTicketDto(t);
    if (replay) return c.json(dto, 200);
    return c.json(dto, 201);
  });
  return r;
}
