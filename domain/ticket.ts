import type { Category, Channel, FaultLevel, MaintenanceType } from './catalogue';
import type { Role } from './roles';
import type { SlaState, SlaTarget } from './sla';

/** Where a ticket is in the service flow (服务流程). */
export const STEPS = ['intake', 'triage', 'remote', 'dispatch', 'onsite', 'signature', 'archived', 'cancelled'] as const;
export type Step = (typeof STEPS)[number];

/** open: being worked; resolved: solved, being archived; archived / cancelled: final. */
export const STATUSES = ['open', 'resolved', 'archived', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Level assumed for the SLA clocks until triage sets the real one (the seed's "general"). */
export const PROVISIONAL_LEVEL: FaultLevel = 3;

/** Who did something: travels with every workflow step and lands in the event log. */
export interface Actor {
  userId: number;
  role: Role;
  displayName: string;
  /** Hospital contacts only. */
  hospitalId?: number | null;
}

/** How the starter runs a ticket. */
export interface TicketWorkflowOptions {
  /** The hospital's terms, read by the starter so the workflow needs no activity to know them. */
  slaTargets: SlaTarget[];
  /** See DEFAULT_PROJECTION_GRACE_SECONDS in the workflow. */
  projectionGraceSeconds?: number;
  /**
   * A new run of a ticket whose workflow was lost (restart, docs/workflow.md): the state rebuilt
   * from the events PostgreSQL recorded. The run carries on from there, opening nothing new.
   */
  resumeFrom?: ResumeFrom;
}

/** What a restarted run starts from: the rebuilt state, who restarted it, and the desk's tasks it closes. */
export interface ResumeFrom {
  state: TicketState;
  by: Actor;
  /** The open `workflow_lost` tasks the restart closes. */
  lostTasks: { id: string; createdAt: number }[];
}

/** Why the desk no longer trusts a ticket's workflow: none found (missing), or it ended without closing the ticket (failed). */
export const WORKFLOW_STATES = ['missing', 'failed'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** What intake knows about a request before anyone has triaged it. */
export interface TicketIntake {
  ticketNo: string;
  hospitalId: number;
  departmentId: number | null;
  systemCode: string;
  channel: Channel;
  /** The caller may already say how bad it is; triage decides. */
  faultLevel: FaultLevel | null;
  title: string;
  description: string;
  reporterName: string;
  reporterPhone: string | null;
  /** Receipt time: every SLA clock starts here, not when the workflow happened to start. */
  receivedAt: string;
  createdBy: Actor;
}

/** Human steps the workflow waits for; one open task row each. */
export const TASK_KINDS = ['triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature', 'escalation'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/**
 * Tasks the desk raises itself, beside the workflow's: a ticket whose workflow was lost
 * (reconciliation), for a manager to restart. Closed by the restart, not by a form.
 */
export const DESK_TASK_KINDS = ['workflow_lost'] as const;
export type DeskTaskKind = (typeof DESK_TASK_KINDS)[number];
export const ALL_TASK_KINDS = [...TASK_KINDS, ...DESK_TASK_KINDS] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The choices a step's form offers. */
export const ROUTES = ['remote', 'onsite'] as const;
export const REMOTE_OUTCOMES = ['resolved', 'escalate'] as const;
export const DISPATCH_DECISIONS = ['approve', 'send_back'] as const;
export const SIGNATURE_DECISIONS = ['accept', 'refuse'] as const;

export interface Task {
  id: string;
  kind: TaskKind;
  /** Who may claim it while unassigned. */
  candidateRole: Role;
  assigneeId: number | null;
  createdAt: number;
  /** Reminders sent so far (unclaimed / signature pending). */
  reminders: number;
}

export interface TriageRecord {
  category: Category;
  maintenanceType: MaintenanceType;
  faultLevel: FaultLevel;
  departmentId: number | null;
  analysis: string;
  plan: string;
  route: 'remote' | 'onsite';
  /** Remote: who tries remotely. On-site: who the triager proposes to the dispatcher. */
  assigneeId: number;
  by: Actor;
  at: number;
}

export interface RemoteAttempt {
  actions: string;
  outcome: 'resolved' | 'escalate';
  solution: string | null;
  reason: string | null;
  by: Actor;
  at: number;
}

export interface DispatchDecision {
  decision: 'approve' | 'send_back';
  engineerId: number | null;
  plan: string | null;
  reason: string | null;
  by: Actor;
  at: number;
}

export interface CheckIn {
  note: string | null;
  by: Actor;
  at: number;
}

/** 系统维修单: the on-site handling record the hospital signs. */
export interface RepairForm {
  faultDescription: string;
  cause: string;
  handling: string;
  result: string;
  partsReplaced: string | null;
  startedAt: string;
  finishedAt: string;
  by: Actor;
  at: number;
  /** sha256 over the canonical JSON of the fields above except by/at: what a signature vouches for. */
  hash: string;
}

export interface Signature {
  signerName: string;
  signerDepartment: string;
  /** PNG data URL from the signature pad. */
  image: string;
  formHash: string;
  by: Actor;
  at: number;
}

export interface Refusal {
  reason: string;
  formHash: string;
  by: Actor;
  at: number;
}

/** Who a note is for, chosen when written: vendor staff only, or the hospital too. */
export const NOTE_AUDIENCES = ['internal', 'hospital'] as const;
export type NoteAudience = (typeof NOTE_AUDIENCES)[number];

export interface Note {
  text: string;
  audience: NoteAudience;
  by: Actor;
  at: number;
}

/** The state a ticket workflow exposes by query and returns from its updates. */
export interface TicketState {
  ticketNo: string;
  intake: TicketIntake;
  status: Status;
  step: Step;
  faultLevel: FaultLevel | null;
  assigneeId: number | null;
  tasks: Task[];
  triage: TriageRecord | null;
  remoteAttempts: RemoteAttempt[];
  dispatchDecisions: DispatchDecision[];
  onsiteEngineerId: number | null;
  checkIns: CheckIn[];
  repairForms: RepairForm[];
  signature: Signature | null;
  refusals: Refusal[];
  notes: Note[];
  sla: SlaState;
  pauseReason: string | null;
  cancelReason: string | null;
  archiveHash: string | null;
  /** Event counter: each state change is projected once under `${ticketNo}:${seq}`. */
  seq: number;
  taskSeq: number;
}

/** Business workflow ID: the ticket number itself, so a ticket can never run twice. */
export function ticketWorkflowId(ticketNo: string): string {
  return `ticket-${ticketNo}`;
}

/**
 * Ticket numbers read like the paper forms: SR-yyyymmdd-NNNNN, the date in the desk's time zone
 * (the hospital's working day), the serial from a database sequence so it never repeats.
 */
/** Building a DateTimeFormat costs more than formatting with it: one per time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTicketNo(receivedAt: Date, serial: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format
    .formatToParts(receivedAt)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `SR-${parts.year}${parts.month}${parts.day}-${String(serial).padStart(5, '0')}`;
}
