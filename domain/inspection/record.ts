import { canonicalJson, sha256Hex } from '../sha256';
import type { FaultSummary } from './fault-summary';
import type { InspectionStatus } from './occurrence';
import type { CapacityAnalysis } from './storage-capacity';
import type { Checklist, InspectionActor } from './steps';
import type { InspectionTemplate } from './templates';

/**
 * What one inspection's run holds and writes: its start (decided when it was opened, timer
 * instants included, so the workflow only sleeps), the report as compiled and frozen, the review
 * and the signature. Shared by the workflow, its activities, the API and the PDF.
 */

/** The outcome a signed report's archive record carries; its `ticket_id` is the occurrence's workflow ID (docs/decisions.md). */
export const INSPECTION_OUTCOME = 'inspection_signed';

/** How often a report waiting for its signature is chased, at most. */
export const MAX_SIGNATURE_REMINDERS = 3;

export interface OccurrenceStart {
  inspectionId: number;
  planId: number;
  period: string;
  workflowId: string;
  hospitalId: number;
  hospitalName: string;
  engineerId: number;
  template: InspectionTemplate;
  systemCodes: string[];
  visitDate: string;
  reportDueDate: string;
  /** ms since the epoch; null when the reminder's moment had passed when the run started. */
  visitReminderAt: number | null;
  /** The end of the report's due day, desk time. */
  overdueAt: number;
  /** Between the reminders of a report waiting for the hospital's signature. */
  signatureReminderMs: number;
}

/** A ticket of the period as the report lists it. */
export interface ReportTicket {
  id: string;
  title: string;
  faultLevel: number | null;
  category: string | null;
  status: string;
}

/** 历史故障调查与问题汇总 as compiled at submit: the counts and, for the table, the tickets themselves. */
export interface CompiledFaultSummary extends FaultSummary {
  tickets: ReportTicket[];
}

/** What the hospital signs: its canonical JSON's sha256 is `reportHash` (docs/decisions.md). */
export interface InspectionReport {
  inspectionId: number;
  workflowId: string;
  hospital: { id: number; name: string };
  period: string;
  template: { code: string; version: number; title: string };
  visitDate: string;
  systemCodes: string[];
  engineer: { userId: number; displayName: string };
  checklist: Checklist;
  faultSummary: CompiledFaultSummary;
  storage: CapacityAnalysis | null;
  summary: string;
  advice: string;
  submittedAt: number;
}

export const reportHashOf = (report: InspectionReport): string => sha256Hex(canonicalJson(report));

export interface Review {
  decision: 'approve' | 'send_back';
  note: string;
  by: { userId: number; displayName: string };
  at: number;
}

export interface SignatureRecord {
  decision: 'signed' | 'refused';
  signerName: string;
  at: number;
  reason: string | null;
  by: { userId: number; displayName: string };
  /** The report it was given for. */
  reportHash: string;
}

/** Why the occurrence went back on site: a manager's send-back or the hospital's refusal. */
export interface ReturnNote {
  kind: 'send_back' | 'refused';
  note: string;
  at: number;
}

/** The occurrence's state as its run holds it (the signature image aside). */
export interface OccurrenceState {
  start: OccurrenceStart;
  status: InspectionStatus;
  /** Counts the events; the row takes only a newer one. */
  seq: number;
  visitDate: string;
  systemCodes: string[];
  confirmNote: string | null;
  visitReminderAt: number | null;
  checklist: Checklist;
  summary: string | null;
  advice: string | null;
  faultSummary: CompiledFaultSummary | null;
  storage: CapacityAnalysis | null;
  report: InspectionReport | null;
  reportHash: string | null;
  review: Review | null;
  signature: SignatureRecord | null;
  returnNote: ReturnNote | null;
  cancelNote: string | null;
  visitReminded: boolean;
  overdueAt: number | null;
  signatureSince: number | null;
  signatureReminders: number;
  archive: { seq: number; hash: string } | null;
}

/** One line of the occurrence's log (inspection_events), `${workflowId}:${seq}`. */
export interface OccurrenceEvent {
  seq: number;
  type: string;
  actor: { userId: number; role: string; displayName: string } | null;
  at: number;
  data: Record<string, unknown>;
}

/** A notification the event sends: to one user, or to a role (hospital contacts: of this hospital). */
export interface OccurrenceNotice {
  recipientId?: number;
  recipientRole?: 'manager' | 'hospital_contact';
  kind: string;
  params: Record<string, string | number>;
}

/** The inspections row's columns the run writes. */
export type OccurrenceRow = Pick<
  OccurrenceState,
  | 'status'
  | 'seq'
  | 'visitDate'
  | 'systemCodes'
  | 'confirmNote'
  | 'checklist'
  | 'summary'
  | 'advice'
  | 'faultSummary'
  | 'storage'
  | 'report'
  | 'reportHash'
  | 'review'
  | 'signature'
  | 'returnNote'
  | 'cancelNote'
  | 'overdueAt'
>;

/** What one step or timer writes, in one transaction. */
export interface OccurrenceWrite {
  inspectionId: number;
  workflowId: string;
  row: OccurrenceRow;
  events: OccurrenceEvent[];
  notices: OccurrenceNotice[];
  /** A restarted run's first write: the row's failed mark goes with it. */
  clearsFailure?: boolean;
}

export type { InspectionActor };
