import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ticketWorkflowStatus } from '../../activities/workflow-status';
import { Ticket } from '../../db/entities';
import { clearWorkflowLost, markWorkflowLost, openLostTasks } from '../../db/workflow-state';
import { said } from '../../domain/messages';
import { ApiError, notFound } from '../errors';
import { newRouter, route } from '../route';
import { textIdParams } from '../validate';
import { actorOf } from '../workflow/actor';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { recordedTicket } from './recorded-state';
import { ticketDetail } from './ticket-detail';
import { toTicketDto } from './ticket.dto';

export const restartRoute = route({
  method: 'post',
  path: '/{id}/restart',
  operationId: 'restartTicket',
  tag: 'tickets',
  summary: 'Restart a ticket whose workflow was lost',
  description: 'A new run under the same workflow ID carries on from the state PostgreSQL recorded; `restart.skipped` lists recorded events the rebuild could not replay.',
  access: ['manager', 'admin'],
  request: { params: textIdParams('ticket.not_found', 'Ticket number (服务请求编号)', 'SR-20261202-00042') },
  ok: { 200: 'The ticket as it now is, running again' },
  answers: [409],
});

/**
 * POST /api/tickets/{id}/restart (docs/workflow.md, "Restart"). The ticket's state is rebuilt from
 * its recorded events (api/tickets/recorded-state.ts) and a new run started with it; the run's
 * `restarted` event shows its open tasks again and closes the manager's `workflow_lost` task; the
 * mark goes. Only for an open ticket whose workflow Temporal does not have or that ended failed.
 */
export function restartRoutes(tickets: TicketGateway, temporal: Parameters<typeof ticketWorkflowStatus>[0]) {
  const router = newRouter();
  router.openapi(restartRoute, async (c) => {
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
    return c.json(body, 200);
  });
  return router;
}
