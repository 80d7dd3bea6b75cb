import type { ITicket } from '../../db/entities';

/** A ticket as the console shows it: flat, ids and display names side by side. */
export function toTicketDto(t: ITicket) {
  return {
    id: t.id,
    workflowId: t.workflowId,
    hospitalId: t.hospital.id,
    hospitalName: t.hospital.isInitialized() ? t.hospital.getEntity().name : undefined,
    departmentId: t.department?.id ?? null,
    departmentName: t.department?.isInitialized() ? t.department.getEntity().name : null,
    systemCode: t.system.code,
    channel: t.channel,
    faultLevel: t.faultLevel ?? null,
    title: t.title,
    description: t.description,
    reporterName: t.reporterName,
    reporterPhone: t.reporterPhone ?? null,
    category: t.category ?? null,
    maintenanceType: t.maintenanceType ?? null,
    status: t.status,
    step: t.step,
    assigneeId: t.assignee?.id ?? null,
    assigneeName: t.assignee?.isInitialized() ? t.assignee.getEntity().displayName : null,
    receivedAt: t.receivedAt.toISOString(),
    replyDueAt: t.replyDueAt?.toISOString() ?? null,
    replySatisfiedAt: t.replySatisfiedAt?.toISOString() ?? null,
    replyBreached: t.replyBreached,
    solutionDueAt: t.solutionDueAt?.toISOString() ?? null,
    solutionSatisfiedAt: t.solutionSatisfiedAt?.toISOString() ?? null,
    solutionBreached: t.solutionBreached,
    pausedSince: t.pausedSince?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    /** Set when the open ticket's workflow was lost (missing, failed): a manager restarts it. */
    workflowState: t.workflowState ?? null,
    createdById: t.createdBy.id,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
export type TicketDto = ReturnType<typeof toTicketDto>;
