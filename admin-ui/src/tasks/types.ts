import type { DeskTaskKind, FaultLevel, Role, Step, TaskKind, TaskStatus } from '../choices';

/** A human step the workflow waits for (GET /api/tasks). */
export interface Task {
  id: string;
  ticketId: string;
  /** `workflow_lost`: the desk's own task, done by restarting the request (its show page), not by a form. */
  kind: TaskKind | DeskTaskKind;
  candidateRole: Role;
  assigneeId: number | null;
  assigneeName: string | null;
  status: TaskStatus;
  dueAt: string | null;
  outcome: string | null;
  completedById: number | null;
  /** Who completed it, by name (the API joins it). */
  completedByName: string | null;
  completedAt: string | null;
  createdAt: string;
  ticketTitle?: string;
  ticketStep?: Step;
  faultLevel: FaultLevel | null;
  hospitalId?: number;
  /** In lists: the hospital, and the ticket's SLA the queue is ordered by. */
  hospitalName?: string;
  ticketBreached?: boolean;
  ticketDueAt?: string | null;
}
