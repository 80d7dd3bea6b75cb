import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from '@hono/zod-openapi';
import { claimTaskUpdate } from '../../workflows/ticket/messages';
import { ApiError, forbidden, notFound, unprocessable } from '../errors';
import type { SessionUser } from '../env';
import { contentRange, listQueryOf, parseListQuery } from '../list-query';
import { parseBody, textIdParams } from '../validate';
import { newRouter, route } from '../route';
import { span } from '../timing';
import { actorOf } from '../workflow/actor';
import { refusalsAsHttp } from '../workflow/step-errors';
import type { TicketGateway } from '../workflow/ticket-gateway';
import type { TaskDto } from './task.dto';
import { completedByUpdate, findVisibleTask, listVisibleTasks, TASK_SORTABLE } from './task.sql';
import { redrawSignature } from './signature-image';
import { boundClientKey, updateIdOf } from '../workflow/update-id';
import { isActiveIn } from '../users/active-user';
import { STEP_BODIES, stepBodies, TASK_STEPS } from './task-steps';
import { said } from '../../domain/messages';
import { mayWork, maySign } from '../../domain/ticket-rules';

async function visibleTask(em: EntityManager, user: SessionUser, id: string): Promise<TaskDto> {
  const task = await findVisibleTask(em, user, id);
  if (!task) throw notFound('task.not_found');
  return task;
}

/** The API's share of the workflow's rules: wrong people get 403 here, before anything reaches Temporal. */
function assertMayWork(user: SessionUser, task: TaskDto): void {
  if (task.status !== 'open') throw new ApiError(409, said(task.status === 'done' ? 'task.already_done' : 'task.already_cancelled'));
  if (task.kind === 'signature') {
    if (!maySign(task.hospitalId, user)) throw forbidden(said('task.signature_own_hospital'));
    return;
  }
  if (mayWork(task, { userId: user.id, role: user.role })) throw forbidden(said('task.not_yours'));
}

/** Users a step names (the engineer for remote or on-site work) must exist, be active, and fit the job. */
async function assertAssignable(em: EntityManager, field: string, userId: number, roles: string[]): Promise<void> {
  if (!(await isActiveIn(em, userId, roles))) throw unprocessable({ [field]: said('step.active_user', { roles: roles.join(' or ') }) });
}


/** What the step sends on: the people it names checked, a signature drawn again. */
async function stepData(em: EntityManager, task: TaskDto, d: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (task.kind === 'triage') await assertAssignable(em, 'assigneeId', d.assigneeId as number, d.route === 'remote' ? ['engineer', 'dispatcher'] : ['engineer']);
  if (task.kind === 'dispatch' && d.decision === 'approve') await assertAssignable(em, 'engineerId', d.engineerId as number, ['engineer']);
  if (task.kind === 'signature' && d.decision === 'accept') {
    const drawn = redrawSignature(d.image as string);
    if ('refused' in drawn) throw unprocessable({ image: drawn.refused });
    return { ...d, image: drawn.image };
  }
  return d;
}

const taskId = textIdParams('task.not_found', 'Task id: the ticket number and the task’s place in it', 'SR-20261202-00042-T4');

const list = route({
  method: 'get',
  path: '/',
  operationId: 'listTasks',
  tag: 'tasks',
  summary: 'Tasks you may see',
  description:
    'Filters: mine, queue, status, kind, ticketId, assigneeId, hospitalId, receivedFrom and receivedTo (the ticket’s receipt: a day YYYY-MM-DD in the desk’s time zone, both ends included, or an ISO time). ' +
    'Sort: ' + TASK_SORTABLE.join(', ') + '; by default `urgency`: open tasks first, of breached tickets first, then the running clock’s deadline, then the fault level (L1 first).',
  list: listQueryOf(TASK_SORTABLE),
});
const get = route({ method: 'get', path: '/{id}', operationId: 'getTask', tag: 'tasks', summary: 'One task', request: { params: taskId } });
const claim = route({ method: 'post', path: '/{id}/claim', operationId: 'claimTask', tag: 'tasks', summary: 'Take an unassigned task of your role', request: { params: taskId }, answers: [409] });
const complete = route({
  method: 'post',
  path: '/{id}/complete',
  operationId: 'completeTask',
  tag: 'tasks',
  summary: 'Complete a step',
  description:
    'The body is the form of the task’s kind (one of the schemas shown), checked once the task is known: 404 if you may not see it, 403 if it is not yours to do, 409 if it is no longer open, then 400 naming each bad field, then 422 for what only the data can tell (an unsuitable engineer, a signature that is not a drawn image), then the workflow’s own refusal (409 or 422).',
  idempotent: true,
  request: { params: taskId, body: stepBodies },
  answers: [409, 422],
});

export function tasksRoutes(tickets: TicketGateway, timeZone: string) {
  const r = newRouter();
  // A schema made before @hono/zod-openapi extended zod has no .openapi(), which register() calls: a copy made now has.
  for (const [name, schema] of STEP_BODIES) r.openAPIRegistry.register(name, z.ZodType.prototype.openapi.call(schema, name));
  r.openapi(list, async (c) => {
    const user = c.get('user');
    const q = parseListQuery(c.req.query(), { sortable: TASK_SORTABLE, defaultSort: { field: 'urgency', order: 'ASC' } });
    const { rows, total } = await listVisibleTasks(c.get('em'), user, q, timeZone);
    c.header('Content-Range', contentRange('tasks', q.offset, rows.length, total));
    return c.json(rows);
  });
  r.openapi(get, async (c) => c.json(await visibleTask(c.get('em'), c.get('user'), c.req.param('id'))));
  r.openapi(claim, async (c) => {
    const user = c.get('user');
    const task = await visibleTask(c.get('em'), user, c.req.param('id'));
    if (task.status === 'open' && task.assigneeId === user.id) return c.json(task);
    if (task.status !== 'open') throw new ApiError(409, said(task.status === 'done' ? 'task.already_done' : 'task.already_cancelled'));
    if (task.candidateRole !== user.role) throw forbidden(said('task.for_role', { role: task.candidateRole }));
    if (task.kind === 'workflow_lost') throw new ApiError(409, said('task.restart_instead'));
    const updateId = `${task.id}:claim:${user.id}`;
    await refusalsAsHttp(() => tickets.update(task.ticketId, claimTaskUpdate, { actor: actorOf(user), taskId: task.id }, { updateId, timed: (part, fn) => span(c, part, fn) }));
    return c.json(await visibleTask(c.get('em'), user, task.id));
  });
  r.openapi(complete, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const task = await span(c, 'task', () => visibleTask(em, user, c.req.param('id')));
    // The desk's own task (a lost workflow) closes by restarting its ticket, not by a form.
    if (task.kind === 'workflow_lost') throw new ApiError(409, said('task.restart_instead'));
    const step = TASK_STEPS[task.kind];
    const doneByMe = task.status === 'done' && task.completedById === user.id;
    if (!doneByMe) assertMayWork(user, task);
    const { updateId, data } = await span(c, 'input', async () => {
      const sent = (await parseBody(c, step.schema)) as Record<string, unknown>;
      // Of the request as sent: the same request again is the same Update.
      return { updateId: updateIdOf('complete', task.id, user.id, sent, await boundClientKey(c, 'complete', task.id, sent)), data: doneByMe ? sent : await stepData(em, task, sent) };
    });
    if (doneByMe) {
      // A retry whose answer was lost gets it again; the same user with another body (a second
      // tab, an altered form, a signature flipped to refuse) is told the step is already done.
      if ((await completedByUpdate(em, task.id)) === updateId) return c.json(task);
      throw new ApiError(409, said('task.already_done'));
    }
    await refusalsAsHttp(() => tickets.update(task.ticketId, step.update, { actor: actorOf(user), taskId: task.id, data }, { updateId, timed: (part, fn) => span(c, part, fn) }));
    // Read again, as a retry reads it: the ticket's clocks and urgency moved with the step.
    return c.json(await visibleTask(em, user, task.id));
  });
  return r;
}
