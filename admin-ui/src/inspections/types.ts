import type { ItemAnswer, InspectionStep } from '../../../domain/inspection/steps';
import type { CompiledFaultSummary } from '../../../domain/inspection/record';
import type { CapacityAnalysis } from '../../../domain/inspection/storage-capacity';
import type { TemplateSection } from '../../../domain/inspection/templates';
import type { Inspection } from '../inspection-plans/types';

/** `GET /api/inspections/{id}`: the row, its template, the report's parts and the steps this user may take now. */
export interface InspectionDetail extends Omit<Inspection, 'engineerId'> {
  engineerId?: number;
  workflowId?: string;
  systemCodes: string[];
  confirmNote: string | null;
  template: { code: string; version: number; title: string; sections: TemplateSection[] };
  checklist: Record<string, ItemAnswer>;
  faultSummary: CompiledFaultSummary | null;
  storage: CapacityAnalysis | null;
  summary: string | null;
  advice: string | null;
  review: { decision: 'approve' | 'send_back'; at: string; note?: string; by?: { userId: number; displayName?: string } } | null;
  returnNote: { kind: string; note: string; at: string } | null;
  signature: { decision: 'signed' | 'refused'; signerName: string; at: string; reason: string | null } | null;
  reportHash: string | null;
  cancelNote: string | null;
  archiveSeq: number | null;
  linkedTickets: { itemKey: string; ticketId: string }[];
  /** `restart` only while its run has failed (managers and admins). */
  allowed: (InspectionStep | 'restart')[];
}

/** The steps sent as `POST /api/inspections/{id}/{step}`. */
export type InspectionStepName = Exclude<InspectionStep, 'finding_ticket'> | 'restart';
