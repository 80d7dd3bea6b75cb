import type { TicketState } from '../../../domain/ticket';
import type { Category, Channel, ClockName, FaultLevel, MaintenanceType, Status, Step, SystemCode } from '../choices';
import type { Task } from '../tasks/types';

/** A ticket as GET /api/tickets and /api/tickets/:id return it; `id` is the ticket number (服务请求编号). */
export interface Ticket {
  id: string;
  workflowId?: string;
  hospitalId: number;
  hospitalName: string;
  departmentId: number | null;
  departmentName: string | null;
  systemCode: SystemCode;
  channel: Channel;
  faultLevel: FaultLevel | null;
  title: string;
  description: string;
  reporterName: string;
  reporterPhone: string | null;
  category?: Category | null;
  maintenanceType?: MaintenanceType | null;
  status: Status;
  step: Step;
  assigneeId?: number | null;
  assigneeName?: string | null;
  receivedAt: string;
  replyDueAt: string | null;
  replySatisfiedAt?: string | null;
  replyBreached?: boolean;
  solutionDueAt?: string | null;
  solutionSatisfiedAt?: string | null;
  solutionBreached?: boolean;
  pausedSince?: string | null;
  closedAt?: string | null;
  /** Set when the open request's workflow was lost: a manager restarts it. */
  workflowState?: 'missing' | 'failed' | null;
}

export interface SlaClockView {
  name: ClockName;
  windowSeconds: number;
  dueAt: string;
  satisfiedAt: string | null;
  breachedAt: string | null;
  met: boolean | null;
}

// The workflow's records travel to the console as they are (plain JSON); type-only imports are erased in the build.
export type { CheckIn, DispatchDecision, Note, Refusal, RemoteAttempt, RepairForm, Signature, TriageRecord } from '../../../domain/ticket';

/** The show page's `detail`: the workflow state's records, with the SLA clocks as api/tickets/ticket-detail.ts sends them. */
export type TicketWorkRecord = Pick<
  TicketState,
  | 'triage'
  | 'remoteAttempts'
  | 'dispatchDecisions'
  | 'onsiteEngineerId'
  | 'checkIns'
  | 'repairForms'
  | 'signature'
  | 'refusals'
  | 'notes'
  | 'pauseReason'
  | 'cancelReason'
  | 'archiveHash'
> & { sla: { level: FaultLevel | null; paused: boolean; pausedMs: number; clocks: SlaClockView[] } };

/** GET /api/tickets/:id: the row plus every task and the workflow's own record of the work. */
export interface TicketDetail extends Ticket {
  tasks?: Task[];
  detailSource?: 'workflow' | 'archive' | 'database' | 'unavailable';
  detail?: TicketWorkRecord | null;
}
