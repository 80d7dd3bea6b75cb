import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ticketWorkflowStatus } from '../../activities/workflow-status';
import { Ticket } from '../../db/entities';
import { clearWorkflowLost, markWorkflowLost, openLostTasks } from '../../db/workflow-state';
import { said } from '../../domain/messages';
import { requireRole, requireUser } from '../auth/session';
import { ApiError, notFound } from '../errors';
import type { AppEnv } from '../env';
import { actorOf } from '../workflow/actor';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { recordedTicket } from './recorded-state';
import { ticketDetail } from './ticket-detail';
import { toTicketDto } from './ticket.dto';

const spoken = z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const restartRoute = createRoute({
  method: 'post',
  path: '/{id}/restart',
  tags: ['tickets'],
  summary: 'Restart a ticket whose workflow was lost: a new run under the same workflow ID carries on from the state PostgreSQL recorded (manager, admin)',
  middleware: [requireUser, requireRole('manager', 'admin')] as const,
  request: { params: z.object({ id: z.string().min(1).max(32) }) },
  responses: {
    200: { description: 'The ticket as it now is, running again; `restart.skipped` lists recorded events the rebuild could not replay', content: { 'application/json': { schema: z.looseObject({ id: z.string() }) } } },
    404: { description: 'No such ticket', content: { 'application/json': { schema: spoken } } },
    409: { description: 'Not open, or its workflow runs (again)', content: { 'application/json': { schema: spoken } } },
    503: { description: 'No worker, or Temporal unreachable (Retry-After)', content: { 'application/json': { schema: spoken } } },
  },
});

/**
 * POST /api/tickets/{id}/restart (docs/workflow.md, "Restart"). The ticket's state is rebuilt from
 * its recorded events (api/tickets/recorded-state.ts) and a new run started with it; the run's
 * `restarted` event shows its open tasks again and closes the manager's `workflow_lost` task; the
 * mark goes. Only for an open ticket whose workflow Temporal does not have or that ended failed.
 */
export function restartRoutes(tickets: TicketGateway, temporal: Parameters<typeof ticketWorkflowStatus>[0]) {
  // A malformed ticket number is the same 404 as an unknown one.
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw notFound('ticket.not_found');
    },
  }).openapi(restartRoute, async (c) => {
    const { id } = c.req.valid('param');
    const em = c.get('em');
    const t = await em.findOne(Ticket, { id });
    if (!t) throw notFound('ticket.not_found');
    if (t.status !== 'open' && t.status !== 'resolved') throw new ApiError(409, said('ticket.restart_not_open', { status: t.status }));
    // Bounded: an unreachable Temporal is a prompt 503, not a hang.
    const status = await temporal.connection.withDeadline(Date.now() + 5000, () => ticketWorkflowStatus(temporal, id));
    if (status === 'running') {
      if (t.workflowState) await clearWorkflowLost(em, id);
      throw new ApiError(409, said('ticket.restart_running'));
    }
    if (status === 'completed') throw new ApiError(409, said('ticket.restart_not_lost'));
    // Found out here rather than by reconciliation: marked now, so the restart closes its task too.
    await markWorkflowLost(em.fork(), id, status);
    const recorded = (await recordedTicket(em.fork(), id))!;
    const lostTasks = await openLostTasks(em.fork(), id);
    try {
      await tickets.restart(recorded.intake, { slaTargets: recorded.targets, resumeFrom: { state: recorded.state, by: actorOf(c.get('user')), lostTasks } });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) throw new ApiError(409, said('ticket.restart_running'));
      throw e;
    }
    await clearWorkflowLost(em.fork(), id);
    const fresh = em.fork();
    const now = await fresh.findOneOrFail(Ticket, id, { populate: ['hospital', 'department', 'assignee'] });
    const body = { ...toTicketDto(now), ...(await ticketDetail(tickets, fresh, now)), restart: { skipped: recorded.skipped } };
    // The ticket DTO is described by GET /api/tickets/{id}; here only its id is promised.
    return c.json(body as unknown as { id: string }, 200);
  });
}
