import type { EntityManager } from '@mikro-orm/postgresql';
import type { IInspection } from '../../db/entities';
import { sql } from '../../db/sql';
import { allowedSteps, mayRestart } from '../../domain/inspection/steps';
import type { InspectionTemplate } from '../../domain/inspection/templates';
import type { SessionUser } from '../env';

/** A closed occurrence is not run again. */
const FINAL: readonly IInspection['status'][] = ['archived', 'cancelled'];

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The row as every list shows it. */
export const inspectionDto = (i: IInspection) => ({
  id: i.id,
  planId: i.plan.id,
  period: i.period,
  hospitalId: i.hospital.id,
  workflowId: i.workflowId,
  templateCode: i.templateCode,
  templateVersion: i.templateVersion,
  engineerId: i.engineer.id,
  status: i.status,
  plannedDate: i.plannedDate,
  visitDate: i.visitDate,
  reportDueDate: i.reportDueDate,
  startedBy: i.startedBy,
  overdueAt: i.overdueAt?.toISOString() ?? null,
  /** `failed` once its run ended failed (a write PostgreSQL refused); vendor staff only. */
  workflowState: i.workflowState ?? null,
  createdAt: i.createdAt.toISOString(),
});

/** The version of the template the occurrence started with. */
export async function templateOf(em: EntityManager, i: Pick<IInspection, 'templateCode' | 'templateVersion'>): Promise<InspectionTemplate> {
  const [t] = await sql<InspectionTemplate>(em, 'select code, version, title, sections from inspection_templates where code = ? and version = ?', [i.templateCode, i.templateVersion]);
  return t;
}

export async function linkedTickets(em: EntityManager, inspectionId: number): Promise<{ itemKey: string; ticketId: string }[]> {
  return sql(em, 'select item_key as "itemKey", ticket_id as "ticketId" from inspection_tickets where inspection_id = ? order by id', [inspectionId]);
}

/**
 * One inspection as its page shows it: the row, the template it started with, the checklist, the
 * compiled report parts, review and signature (no image), linked tickets and the steps this user
 * may take now. A hospital contact gets no vendor-internal part: no review note or reviewer, no
 * send-back note, no people's ids, no workflow link.
 */
export async function inspectionDetail(em: EntityManager, i: IInspection, user: SessionUser) {
  const [template, linked, plan] = await Promise.all([
    templateOf(em, i),
    linkedTickets(em, i.id),
    sql<{ system_codes: string[] }>(em, 'select system_codes from inspection_plans where id = ?', [i.plan.id]),
  ]);
  const contact = user.role === 'hospital_contact';
  const review = i.review && {
    decision: i.review.decision,
    at: iso(i.review.at),
    ...(contact ? {} : { note: i.review.note, by: i.review.by }),
  };
  const returnNote = i.returnNote && (contact && i.returnNote.kind === 'send_back' ? null : { kind: i.returnNote.kind, note: i.returnNote.note, at: iso(i.returnNote.at) });
  const { engineerId, workflowId, workflowState, ...row } = inspectionDto(i);
  return {
    ...row,
    ...(contact ? {} : { engineerId, workflowId, workflowState }),
    systemCodes: i.systemCodes ?? plan[0]?.system_codes ?? [],
    confirmNote: i.confirmNote ?? null,
    template: { code: template.code, version: template.version, title: template.title, sections: template.sections },
    checklist: i.checklist ?? {},
    faultSummary: i.faultSummary ?? null,
    storage: i.storage ?? null,
    summary: i.summary ?? null,
    advice: i.advice ?? null,
    review,
    returnNote,
    signature: i.signature && { decision: i.signature.decision, signerName: i.signature.signerName, at: iso(i.signature.at), reason: i.signature.reason },
    reportHash: i.reportHash ?? null,
    cancelNote: contact ? null : (i.cancelNote ?? null),
    archiveSeq: i.archiveSeq ?? null,
    linkedTickets: linked,
    // A failed run takes no step (its Updates would meet a closed workflow): a manager or admin restarts it.
    allowed: i.workflowState ? (mayRestart(user) && !FINAL.includes(i.status) ? ['restart' as const] : []) : allowedSteps({ status: i.status, engineerId: i.engineer.id, hospitalId: i.hospital.id }, { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId }),
  };
}
