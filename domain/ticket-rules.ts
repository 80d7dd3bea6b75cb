import { said, type Said } from './messages';
import type { Role } from './roles';
import type { Actor, NoteAudience, Task, TaskKind, TicketState } from './ticket';

/**
 * Who may do what, and when. Each check returns what to say when a step is refused, or null. The
 * workflow runs them in its Update validators (so a refused step leaves no trace in history)
 * and again at the start of the handler (so of two steps accepted together, only the first wins).
 */
export type Rejection = Said | null;

const DISPATCH_ROLES: Role[] = ['dispatcher', 'manager'];

function notOpen(state: TicketState): Rejection {
  return state.status !== 'open' ? said('ticket.not_open', { status: state.status }) : null;
}

/** The assignee works a task; while it is unassigned, anyone of its role may (the console offers the same). */
export function mayWork(task: Pick<Task, 'assigneeId' | 'candidateRole'>, actor: { userId: number; role: Role }): Rejection {
  if (task.assigneeId !== null) return task.assigneeId === actor.userId ? null : said('task.assigned_elsewhere');
  return actor.role === task.candidateRole ? null : said('task.for_role', { role: task.candidateRole });
}

/** Only a contact of the hospital that raised the request signs its repair form. */
export function maySign(ticketHospitalId: number | null | undefined, actor: { role: Role; hospitalId?: number | null }): boolean {
  return actor.role === 'hospital_contact' && ticketHospitalId != null && actor.hospitalId === ticketHospitalId;
}

/** Common to every task step: the ticket is open, the task open and of this kind, the actor entitled. */
export function checkStep(state: TicketState, actor: Actor, taskId: string, kind: TaskKind): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) return said('task.not_open', { taskId });
  if (task.kind !== kind) return said('task.wrong_kind', { taskId, kind: task.kind, expected: kind });
  if (kind === 'signature') return maySign(state.intake.hospitalId, actor) ? null : said('signature.own_hospital_contact');
  return mayWork(task, actor);
}

export function checkClaim(state: TicketState, actor: Actor, taskId: string): Rejection {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) return said('claim.not_open', { taskId });
  if (task.kind === 'signature') return said('claim.signature');
  if (task.assigneeId !== null) return task.assigneeId === actor.userId ? said('claim.already_yours') : said('claim.taken');
  if (actor.role !== task.candidateRole) return said('task.for_role', { role: task.candidateRole });
  return null;
}

/** A note written without a choice: staff write for the desk, a hospital contact for the hospital. */
export function defaultNoteAudience(actor: Actor): NoteAudience {
  return actor.role === 'hospital_contact' ? 'hospital' : 'internal';
}

export function checkNote(state: TicketState, actor: Actor, audience: NoteAudience): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (actor.role === 'hospital_contact' && actor.hospitalId !== state.intake.hospitalId) return said('note.not_your_hospital');
  // The hospital cannot write what it may not read.
  if (actor.role === 'hospital_contact' && audience !== 'hospital') return said('note.hospital_only');
  return null;
}

/** The task of the current step (not an escalation running beside it). */
export function mainTask(state: TicketState): Task | undefined {
  return state.tasks.find((t) => t.kind !== 'escalation');
}

export function checkReassign(state: TicketState, actor: Actor, assigneeId: number): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!DISPATCH_ROLES.includes(actor.role)) return said('reassign.role');
  const task = mainTask(state);
  if (!task) return said('reassign.nothing');
  if (task.kind === 'signature') return said('reassign.signature');
  if (task.assigneeId === assigneeId) return said('reassign.same_person');
  return null;
}

export function checkLevelChange(state: TicketState, actor: Actor, level: number): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!DISPATCH_ROLES.includes(actor.role)) return said('level.role');
  if (state.sla.level === level) return said('level.same', { level });
  return null;
}

function mayHoldClock(state: TicketState, actor: Actor): boolean {
  return DISPATCH_ROLES.includes(actor.role) || (actor.role === 'engineer' && state.assigneeId === actor.userId);
}

export function checkPause(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!mayHoldClock(state, actor)) return said('clock.pause_role');
  if (state.sla.pausedSince !== null) return said('clock.already_paused');
  return null;
}

export function checkResume(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (!mayHoldClock(state, actor)) return said('clock.resume_role');
  if (state.sla.pausedSince === null) return said('clock.not_paused');
  return null;
}

export function checkCancel(state: TicketState, actor: Actor): Rejection {
  const closed = notOpen(state);
  if (closed) return closed;
  if (DISPATCH_ROLES.includes(actor.role)) return null;
  if (actor.role === 'hospital_contact' && actor.hospitalId === state.intake.hospitalId) {
    // The hospital may withdraw its request until work has started.
    return state.step === 'triage' ? null : said('cancel.work_started');
  }
  return said('cancel.role');
}
