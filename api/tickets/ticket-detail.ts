import type { EntityManager } from '@mikro-orm/postgresql';
import { ArchiveRecord, TicketTask, type ITicket } from '../../db/entities';
import { dueAt, met } from '../../domain/sla';
import type { TicketState } from '../../domain/ticket';
import { toTaskDto } from '../tasks/task.dto';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { recordedTicket } from './recorded-state';

/**
 * What the show page needs beyond the row: every task, and the workflow's own record of the work
 * (triage, attempts, forms, signature, notes, clocks). Live tickets answer from the workflow by
 * query; once Temporal no longer has the run, the archive answers.
 */
export type TicketDetail = Awaited<ReturnType<typeof ticketDetail>>;

export async function ticketDetail(tickets: TicketGateway, em: EntityManager, t: ITicket) {
  const tasks = await em.find(TicketTask, { ticket: t.id }, { populate: ['assignee', 'completedBy'], orderBy: { createdAt: 'asc', id: 'asc' } });
  let state: TicketState | null = null;
  let source: 'workflow' | 'archive' | 'database' | 'unavailable' = 'unavailable';
  try {
    // A lost workflow is not asked; a dead worker or server fails fast (the gateway).
    if (t.workflowState) throw new Error('workflow lost');
    state = await tickets.state(t.id);
    source = 'workflow';
  } catch {
    const archived = await em.findOne(ArchiveRecord, { ticketId: t.id });
    if (archived) {
      state = { ...(archived.ticket as unknown as TicketState), signature: archived.signature as unknown as TicketState['signature'] };
      source = 'archive';
    } else {
      // The record PostgreSQL keeps: the state rebuilt from the ticket's events (no signature image).
      const recorded = await recordedTicket(em.fork(), t.id).catch(() => null);
      if (recorded) {
        state = recorded.state;
        source = 'database';
      }
    }
  }
  return {
    tasks: tasks.map(toTaskDto),
    detailSource: source,
    detail: state && {
      triage: state.triage,
      remoteAttempts: state.remoteAttempts,
      dispatchDecisions: state.dispatchDecisions,
      onsiteEngineerId: state.onsiteEngineerId,
      checkIns: state.checkIns,
      repairForms: state.repairForms,
      signature: state.signature,
      refusals: state.refusals,
      notes: state.notes,
      pauseReason: state.pauseReason,
      cancelReason: state.cancelReason,
      archiveHash: state.archiveHash,
      sla: {
        level: state.sla.level,
        paused: state.sla.pausedSince !== null,
        pausedMs: state.sla.pausedMs,
        clocks: state.sla.clocks.map((c) => ({
          name: c.name,
          windowSeconds: c.windowSeconds,
          dueAt: new Date(dueAt(state!.sla, c)).toISOString(),
          satisfiedAt: c.satisfiedAt === null ? null : new Date(c.satisfiedAt).toISOString(),
          breachedAt: c.breachedAt === null ? null : new Date(c.breachedAt).toISOString(),
          met: met(state!.sla, c),
        })),
      },
    },
  };
}
