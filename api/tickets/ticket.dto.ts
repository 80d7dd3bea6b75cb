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
    status: t.status,
    step: t.step,
    receivedAt: t.receivedAt.toISOString(),
    replyDueAt: t.replyDueAt?.toISOString() ?? null,
    createdById: t.createdBy.id,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
export type TicketDto = ReturnType<typeof toTicketDto>;
