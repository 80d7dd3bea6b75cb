import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Department, Escalation, Hospital, Notification, NursingSystem, Ticket, TicketEvent, TicketTask, User } from '../db/entities';
import type { Projection } from '../domain/projection';
import type { Step, TicketIntake } from '../domain/ticket';
import { ticketWorkflowId } from '../domain/ticket';
import type { ActivityDeps } from './deps';

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

export function createTicketActivities({ orm }: ActivityDeps) {
  /** Runs `fn` once per event key: a retry after a commit whose reply was lost finds the event and stops. */
  async function once(eventKey: string, fn: (tx: EntityManager) => Promise<void>): Promise<void> {
    const em = orm.em.fork();
    if (await em.count(TicketEvent, { eventKey })) return;
    try {
      await em.transactional(fn);
    } catch (e) {
      // A concurrent attempt of the same activity won the insert of the event row.
      if (!(e instanceof UniqueConstraintViolationException) || !(await orm.em.fork().count(TicketEvent, { eventKey }))) throw e;
    }
  }

  return {
    /** Writes the ticket row and its "created" event. */
    async recordIntake(input: { intake: TicketIntake; step: Step; replyDueAt: string | null; solutionDueAt: string | null }): Promise<void> {
      const { intake } = input;
      await once(`${intake.ticketNo}:0`, async (tx) => {
        const ticket = tx.create(Ticket, {
          id: intake.ticketNo,
          workflowId: ticketWorkflowId(intake.ticketNo),
          hospital: tx.getReference(Hospital, intake.hospitalId),
          department: intake.departmentId ? tx.getReference(Department, intake.departmentId) : null,
          system: tx.getReference(NursingSystem, intake.systemCode),
          channel: intake.channel,
          faultLevel: intake.faultLevel,
          title: intake.title,
          description: intake.description,
          reporterName: intake.reporterName,
          reporterPhone: intake.reporterPhone,
          status: 'open',
          step: input.step,
          receivedAt: new Date(intake.receivedAt),
          replyDueAt: input.replyDueAt ? new Date(input.replyDueAt) : null,
          solutionDueAt: input.solutionDueAt ? new Date(input.solutionDueAt) : null,
          createdBy: tx.getReference(User, intake.createdBy.userId),
        });
        tx.create(TicketEvent, {
          eventKey: `${intake.ticketNo}:0`,
          ticket,
          type: 'created',
          actorId: intake.createdBy.userId,
          actorRole: intake.createdBy.role,
          actorName: intake.createdBy.displayName,
          data: { channel: intake.channel, title: intake.title, faultLevel: intake.faultLevel },
          at: new Date(intake.receivedAt),
        });
      });
    },

    /**
     * Applies one workflow event to PostgreSQL. Idempotent by `${ticketNo}:${seq}`; the ticket row
     * only moves forward (projectionSeq), so two projections finishing out of order cannot regress it.
     */
    async project(p: Projection): Promise<void> {
      const eventKey = `${p.ticketNo}:${p.seq}`;
      await once(eventKey, async (tx) => {
        const ticket = tx.getReference(Ticket, p.ticketNo);
        tx.create(TicketEvent, {
          eventKey,
          ticket,
          type: p.type,
          actorId: p.actor?.userId ?? null,
          actorRole: p.actor?.role ?? null,
          actorName: p.actor?.displayName ?? null,
          data: p.data,
          at: new Date(p.at),
        });
        const s = p.ticket;
        await tx.nativeUpdate(
          Ticket,
          { id: p.ticketNo, projectionSeq: { $lt: p.seq } },
          {
            status: s.status,
            step: s.step,
            faultLevel: s.faultLevel,
            category: s.category,
            maintenanceType: s.maintenanceType,
            department: s.departmentId,
            assignee: s.assigneeId,
            replyDueAt: date(s.replyDueAt),
            replySatisfiedAt: date(s.replySatisfiedAt),
            replyBreached: s.replyBreached,
            solutionDueAt: date(s.solutionDueAt),
            solutionSatisfiedAt: date(s.solutionSatisfiedAt),
            solutionBreached: s.solutionBreached,
            pausedSince: date(s.pausedSince),
            closedAt: date(s.closedAt),
            projectionSeq: p.seq,
            updatedAt: new Date(),
          },
        );
        for (const t of p.openTasks) {
          await tx.upsert(TicketTask, {
            id: t.id,
            ticket,
            kind: t.kind,
            candidateRole: t.candidateRole,
            assignee: t.assigneeId,
            status: 'open',
            dueAt: date(t.dueAt),
            createdAt: new Date(t.createdAt),
          });
        }
        for (const t of p.closedTasks) {
          await tx.nativeUpdate(
            TicketTask,
            { id: t.id },
            { status: t.status, outcome: t.outcome, completedBy: t.completedById, completedAt: new Date(t.completedAt) },
          );
        }
        if (p.escalation) {
          const e = p.escalation;
          tx.create(Escalation, {
            id: `${p.ticketNo}:${e.clock}:${p.seq}`,
            ticket,
            clock: e.clock,
            faultLevel: e.faultLevel,
            dueAt: new Date(e.dueAt),
            breachedAt: new Date(e.breachedAt),
            task: tx.getReference(TicketTask, e.taskId),
          });
        }
        if (p.acknowledgedEscalationTaskId && p.actor) {
          await tx.nativeUpdate(
            Escalation,
            { task: p.acknowledgedEscalationTaskId },
            { acknowledgedBy: p.actor.userId, acknowledgedAt: new Date(p.at), note: String(p.data.note ?? '') },
          );
        }
        p.notifications.forEach((n, i) =>
          tx.create(Notification, {
            id: `${eventKey}:${i}`,
            ticket,
            recipient: n.recipientId,
            recipientRole: n.recipientRole,
            kind: n.kind,
            message: n.message,
            createdAt: new Date(p.at),
          }),
        );
      });
    },
  };
}
