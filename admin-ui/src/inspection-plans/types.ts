import type { BoardState } from '../../../domain/inspection/board';
import type { InspectionStatus } from '../../../domain/inspection/occurrence';
import type { Recurrence } from '../../../domain/inspection/plan.schemas';
import type { TemplateCode, TemplateSection } from '../../../domain/inspection/templates';

/** What `/api/inspection-plans` answers (the one plan adds `nextRuns`, as Temporal has them). */
export interface Plan {
  id: number;
  hospitalId: number;
  templateCode: TemplateCode;
  systemCodes: string[];
  recurrence: Recurrence;
  engineerId: number;
  reportDays: number;
  startDate: string;
  catchupDays: number;
  note: string | null;
  paused: boolean;
  pauseNote: string | null;
  nextRuns?: string[];
}

/** Pause and resume take a note; run now nothing; backfill the months. */
export type PlanAction = 'pause' | 'resume' | 'run' | 'backfill';

export interface Inspection {
  id: number;
  planId: number;
  period: string;
  hospitalId: number;
  templateCode: TemplateCode;
  templateVersion: number;
  engineerId: number;
  status: InspectionStatus;
  plannedDate: string;
  visitDate: string;
  reportDueDate: string;
  startedBy: string;
  /** When the overdue escalation fired. */
  overdueAt: string | null;
  /** `failed`: its run ended failed (vendor staff only). */
  workflowState?: 'missing' | 'failed' | null;
}

export interface Template {
  id: TemplateCode;
  code: TemplateCode;
  version: number;
  title: string;
  sections: TemplateSection[];
  createdAt: string;
  createdByName: string | null;
}

/** `GET /api/inspections/board`: hospitals × months × plans. */
export interface InspectionBoard {
  from: string;
  to: string;
  months: string[];
  today: string;
  hospitals: {
    id: number;
    name: string;
    months: { period: string; state: BoardState }[];
    plans: { id: number; templateCode: TemplateCode; paused: boolean; cells: { period: string; state: BoardState; inspectionId: number | null }[] }[];
  }[];
}
