import type { ClockName } from './sla';
import type { Actor, Status, Step, TaskKind } from './ticket';
import type { Category, FaultLevel, MaintenanceType } from './catalogue';
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
  status: 'done' | 'cancelled';
  outcome: string;
  completedById: number | null;
  completedAt: number;
}

export interface NotificationRow {
  recipientId: number | null;
  recipientRole: Role | null;
  kind: string;
  message: string;
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
