import type { ITicketTask } from '../../db/entities';

export function toTaskDto(t: ITicketTask) {
  const ticket = t.ticket.isInitialized() ? t.ticket.getEntity() : undefined;
  return {
    id: t.id,
    ticketId: t.ticket.id,
    kind: t.kind,
    candidateRole: t.candidateRole,
    assigneeId: t.assignee?.id ?? null,
    assigneeName: t.assignee?.isInitialized() ? t.assignee.getEntity().displayName : null,
    status: t.status,
    dueAt: t.dueAt?.toISOString() ?? null,
    outcome: t.outcome ?? null,
    completedById: t.completedBy?.id ?? null,
    /** Who completed it, by name: a task done straight from a role's queue has no assignee to show. */
    completedByName: t.completedBy?.isInitialized() ? t.completedBy.getEntity().displayName : null,
    completedAt: t.completedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    ticketTitle: ticket?.title,
    ticketStep: ticket?.step,
    faultLevel: ticket?.faultLevel ?? null,
    hospitalId: ticket?.hospital.id,
  };
}
export type TaskDto = ReturnType<typeof toTaskDto>;
