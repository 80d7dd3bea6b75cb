import type { Role } from './roles';
import type { Actor, Task, TaskKind, TicketState } from './ticket';

/**
 * Who may do what, and when. Each check returns the reason a step is refused, or null. The
 * workflow runs them in its Update validators (so a refused step leaves no trace in history)
 * and again at the start of the handler (so of two steps accepted together, only the first wins).
 */
export type Rejection = string | null;

const DISPATCH_ROLES: Role[] = ['dispatcher', 'manager'];

function notOpen(state: TicketState): Rejection {
  if (state.status !== 'open') return `The ticket is ${state.status}`;
  return null;
}

export function openTask(state: TicketState, taskId: string, kind: TaskKind): Task | string {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) return `Task ${taskId} is not open (already completed by someone else, or never existed)`;
  if (task.kind !== kind) return `Task ${taskId} is a ${task.kind} task, not ${kind}`;
  return task;
}

/** The assignee, or while unassigned anyone of the candidate role. */
function mayWork(task: Task, actor: Actor): Rejection {
  if (task.assigneeId !== null) {
    return task.assigneeId === actor.userId ? null : 'This task is assigned to someone else';
  }
  return actor.role === task.candidateRole ? null : `This task is for the ${task.candidateRole} role`;
}

/** Common to every task step: the ticket is open, the task open and of this kind, the actor entitled. */
export function checkStep(state: TicketState, actor: Actor, taskId: string, kind: TaskKind): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  const task = openTask(state, taskId, kind);
  if (typeof task === 'string') return task;
  if (kind === 'signature') {
    if (actor.role !== 'hospital_contact' || actor.hospitalId !== state.intake.hospitalId) {
      return 'Only a contact of the hospital that raised the request can sign';
    }
    return null;
  }
  return mayWork(task, actor);
}

export function checkClaim(state: TicketState, actor: Actor, taskId: string): Rejection {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) return `Task ${taskId} is not open`;
  if (task.kind === 'signature') return 'Signature tasks are not claimed; the hospital signs';
  if (task.assigneeId !== null) return task.assigneeId === actor.userId ? 'You already hold this task' : 'Someone else already holds this task';
  if (actor.role !== task.candidateRole) return `This task is for the ${task.candidateRole} role`;
  return null;
}

export function checkNote(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (actor.role === 'hospital_contact' && actor.hospitalId !== state.intake.hospitalId) return 'Not your hospital’s ticket';
  return null;
}

/** The task of the current step (not an escalation running beside it). */
export function mainTask(state: TicketState): Task | undefined {
  return state.tasks.find((t) => t.kind !== 'escalation');
}

export function checkReassign(state: TicketState, actor: Actor, assigneeId: number): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!DISPATCH_ROLES.includes(actor.role)) return 'Only a dispatcher or manager can reassign';
  const task = mainTask(state);
  if (!task) return 'Nothing to reassign at this step';
  if (task.kind === 'signature') return 'The signature belongs to the hospital and cannot be reassigned';
  if (task.assigneeId === assigneeId) return 'The task is already assigned to that person';
  return null;
}

export function checkLevelChange(state: TicketState, actor: Actor, level: number): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!DISPATCH_ROLES.includes(actor.role)) return 'Only a dispatcher or manager can change the fault level';
  if (state.sla.level === level) return `The ticket is already level ${level}`;
  return null;
}

function mayHoldClock(state: TicketState, actor: Actor): boolean {
  return DISPATCH_ROLES.includes(actor.role) || (actor.role === 'engineer' && state.assigneeId === actor.userId);
}

export function checkPause(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!mayHoldClock(state, actor)) return 'Only a dispatcher, a manager or the assigned engineer can pause the clock';
  if (state.sla.pausedSince !== null) return 'The clock is already paused';
  return null;
}

export function checkResume(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!mayHoldClock(state, actor)) return 'Only a dispatcher, a manager or the assigned engineer can resume the clock';
  if (state.sla.pausedSince === null) return 'The clock is not paused';
  return null;
}

export function checkCancel(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (DISPATCH_ROLES.includes(actor.role)) return null;
  if (actor.role === 'hospital_contact' && actor.hospitalId === state.intake.hospitalId) {
    // The hospital may withdraw its request until work has started.
    return state.step === 'triage' ? null : 'Work has started; ask the dispatcher to cancel';
  }
  return 'Only a dispatcher, a manager or the requesting hospital can cancel';
}
