import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Department, Hospital, NursingSystem, Ticket, TicketEvent, User } from '../db/entities';
import type { Step, TicketIntake } from '../domain/ticket';
import { ticketWorkflowId } from '../domain/ticket';
import type { ActivityDeps } from './deps';

export function createTicketActivities({ orm }: ActivityDeps) {
  return {
    /**
     * Writes the ticket row and its "created" event. Retries and replays call it again with the
     * same input: an existing row means the first attempt already committed.
     */
    async recordIntake(input: { intake: TicketIntake; step: Step; replyDueAt: string | null }): Promise<void> {
      const { intake } = input;
      const em = orm.em.fork();
      if (await em.findOne(Ticket, intake.ticketNo, { fields: ['id'] })) return;
      try {
        await em.transactional(async (tx) => {
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
            createdBy: tx.getReference(User, intake.createdBy.userId),
          });
          tx.create(TicketEvent, {
            eventKey: `${intake.ticketNo}:created`,
            ticket,
            type: 'created',
            actorId: intake.createdBy.userId,
            actorRole: intake.createdBy.role,
            actorName: intake.createdBy.displayName,
            data: { channel: intake.channel, title: intake.title, faultLevel: intake.faultLevel },
            at: new Date(intake.receivedAt),
          });
        });
      } catch (e) {
        // A concurrent attempt (e.g. an activity retried after a timeout) won the insert.
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
      }
    },
  };
}
