import type { ClockName } from './sla';
import type { Actor, DeskTaskKind, Status, Step, TaskKind, TicketIntake, TicketState } from './ticket';
import type { Category, FaultLevel, MaintenanceType } from './catalogue';
import type { NotificationKind, ParamValue } from './messages';
import type { Role } from './roles';

/** The ticket row's columns the workflow owns, as of one event. */
export interface TicketSnapshot {
  status: Status;
  step: Step;
  faultLevel: FaultLevel | null;
  category: Category | null;
  maintenanceType: MaintenanceType | null;
  departmentId: number | null;
  assigneeId: number | null;
  replyDueAt: number | null;
  replySatisfiedAt: number | null;
  replyBreached: boolean;
  solutionDueAt: number | null;
  solutionSatisfiedAt: number | null;
  solutionBreached: boolean;
  pausedSince: number | null;
  closedAt: number | null;
}

export interface TaskRow {
  id: string;
  kind: TaskKind;
  candidateRole: Role;
  assigneeId: number | null;
  createdAt: number;
  dueAt: number | null;
}

export interface ClosedTask {
  id: string;
  /** The whole row, so a task can be written closed even if its opening was never written. */
  kind: TaskKind | DeskTaskKind;
  candidateRole: Role;
  assigneeId: number | null;
  createdAt: number;
  status: 'done' | 'cancelled';
  outcome: string;
  completedById: number | null;
  completedAt: number;
  /** The Update that completed it (null when its ticket closed it): a retry of that very request replays its answer. */
  updateId: string | null;
}

/** To one user or a whole role; the sentence is `notify.<kind>` of domain/messages.ts with these params. */
export interface NotificationRow {
  recipientId: number | null;
  recipientRole: Role | null;
  kind: NotificationKind;
  params: Record<string, ParamValue>;
}

export interface EscalationRow {
  clock: ClockName;
  faultLevel: FaultLevel;
  dueAt: number;
  breachedAt: number;
  taskId: string;
}

/**
 * Everything one workflow event changes in PostgreSQL, written in one transaction under
 * `${ticketNo}:${seq}`: the event itself, the ticket row, task rows, an escalation, notifications.
 */
export interface Projection {
  ticketNo: string;
  seq: number;
  at: number;
  type: string;
  actor: Actor | null;
  data: Record<string, unknown>;
  ticket: TicketSnapshot;
  openTasks: TaskRow[];
  closedTasks: ClosedTask[];
  escalation: EscalationRow | null;
  acknowledgedEscalationTaskId?: string;
  notifications: NotificationRow[];
}

/** The ticket row as first written: the request as received and its first deadlines. */
export interface IntakeRecord {
  intake: TicketIntake;
  step: Step;
  replyDueAt: string | null;
  solutionDueAt: string | null;
}

/** What one write to PostgreSQL applies: maybe the ticket row itself, then events in order. */
export interface ProjectionBatch {
  intake?: IntakeRecord | null;
  projections: Projection[];
}

/** The ticket as the caller of an Update needs it to go on: where it is and its open tasks. */
export type TicketSummary = Pick<TicketState, 'ticketNo' | 'status' | 'step' | 'faultLevel' | 'assigneeId' | 'tasks' | 'seq'>;

/**
 * What every Update answers with: the ticket's summary and the events the Update made, which its
 * caller writes to PostgreSQL before it answers the user (the workflow writes them too, a little
 * later). The whole state is the `state` query's.
 */
export type StepResult = TicketSummary & { projected: ProjectionBatch };
