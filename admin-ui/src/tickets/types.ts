import type { Category, Channel, ClockName, FaultLevel, MaintenanceType, Status, Step, SystemCode } from '../choices';
import type { Task } from '../tasks/types';
import type { ActorRef } from '../types';

/** A ticket as GET /api/tickets and /api/tickets/:id return it; `id` is the ticket number (问题单号). */
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
}

export interface SlaClockView {
  name: ClockName;
  windowSeconds: number;
  dueAt: string;
  satisfiedAt: string | null;
  breachedAt: string | null;
  met: boolean | null;
}

interface ByActor {
  by: ActorRef;
  /** epoch ms */
  at: number;
}

export interface TriageRecord extends ByActor {
  category: Category;
  maintenanceType: MaintenanceType;
  faultLevel: FaultLevel;
  departmentId: number | null;
  analysis: string;
  plan: string;
  route: 'remote' | 'onsite';
  assigneeId: number;
}

export interface RemoteAttempt extends ByActor {
  actions: string;
  outcome: 'resolved' | 'escalate';
  solution: string | null;
  reason: string | null;
}

export interface DispatchDecision extends ByActor {
  decision: 'approve' | 'send_back';
  engineerId: number | null;
  plan: string | null;
  reason: string | null;
}

export interface CheckIn extends ByActor {
  note: string | null;
}

export interface RepairForm extends ByActor {
  faultDescription: string;
  cause: string;
  handling: string;
  result: string;
  partsReplaced: string | null;
  startedAt: string;
  finishedAt: string;
  hash: string;
}

export interface Signature extends ByActor {
  signerName: string;
  signerDepartment: string;
  image: string;
  formHash: string;
}

export interface Refusal extends ByActor {
  reason: string;
  formHash: string;
}

export interface Note extends ByActor {
  text: string;
}

export interface TicketWorkRecord {
  triage: TriageRecord | null;
  remoteAttempts: RemoteAttempt[];
  dispatchDecisions: DispatchDecision[];
  onsiteEngineerId: number | null;
  checkIns: CheckIn[];
  repairForms: RepairForm[];
  signature: Signature | null;
  refusals: Refusal[];
  notes: Note[];
  pauseReason: string | null;
  cancelReason: string | null;
  archiveHash: string | null;
  sla: { level: FaultLevel | null; paused: boolean; pausedMs: number; clocks: SlaClockView[] };
}

/** GET /api/tickets/:id: the row plus every task and the workflow's own record of the work. */
export interface TicketDetail extends Ticket {
  tasks?: Task[];
  detailSource?: 'workflow' | 'archive' | 'unavailable';
  detail?: TicketWorkRecord | null;
}
