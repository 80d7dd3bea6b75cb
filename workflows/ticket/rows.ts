import type { NotificationRow, TaskRow, TicketSnapshot } from '../../domain/projection';
import type { NotificationKind, Said } from '../../domain/messages';
import type { Role } from '../../domain/roles';
import { dueAtOf, type SlaTarget } from '../../domain/sla';
import type { Task, TicketIntake, TicketState } from '../../domain/ticket';

/** A ticket as intake leaves it, before its clocks are set and its first task opens. */
export function newTicketState(intake: TicketIntake): TicketState {
  return {
    ticketNo: intake.ticketNo,
    intake,
    status: 'open',
    step: 'triage',
    faultLevel: intake.faultLevel,
    assigneeId: null,
    tasks: [],
    triage: null,
    remoteAttempts: [],
    dispatchDecisions: [],
    onsiteEngineerId: null,
    checkIns: [],
    repairForms: [],
    signature: null,
    refusals: [],
    notes: [],
    sla: { receivedAt: Date.parse(intake.receivedAt), level: intake.faultLevel, clocks: [], pausedMs: 0, pausedSince: null },
    pauseReason: null,
    cancelReason: null,
    archiveHash: null,
    seq: 0,
    taskSeq: 0,
  };
}

/** The ticket row's columns the workflow owns, as of `now`. */
export function snapshotOf(s: TicketState, now: number): TicketSnapshot {
  const reply = s.sla.clocks.find((c) => c.name === 'reply');
  const solution = s.sla.clocks.find((c) => c.name === 'firstSolution');
  return {
    status: s.status,
    step: s.step,
    faultLevel: s.faultLevel,
    category: s.triage?.category ?? null,
    maintenanceType: s.triage?.maintenanceType ?? null,
    departmentId: s.triage?.departmentId ?? s.intake.departmentId,
    assigneeId: s.assigneeId,
    replyDueAt: dueAtOf(s.sla, 'reply'),
    replySatisfiedAt: reply?.satisfiedAt ?? null,
    replyBreached: reply?.breachedAt != null,
    solutionDueAt: dueAtOf(s.sla, 'firstSolution'),
    solutionSatisfiedAt: solution?.satisfiedAt ?? null,
    solutionBreached: solution?.breachedAt != null,
    pausedSince: s.sla.pausedSince,
    closedAt: s.status !== 'open' ? now : null,
  };
}

/** When a task is due: the clock it answers to, or for a signature its first reminder. */
function taskDue(s: TicketState, target: SlaTarget, task: Task): number | null {
  if (task.kind === 'signature') return task.createdAt + target.signatureReminderSeconds * 1000;
  const clock = task.kind === 'triage' ? 'reply' : task.kind === 'dispatch' || task.kind === 'remote' ? 'firstSolution' : null;
  return clock ? dueAtOf(s.sla, clock) : null;
}

/** The open task rows PostgreSQL must show. */
export function taskRowsOf(s: TicketState, target: SlaTarget): TaskRow[] {
  return s.tasks.map((t) => ({ id: t.id, kind: t.kind, candidateRole: t.candidateRole, assigneeId: t.assigneeId, createdAt: t.createdAt, dueAt: taskDue(s, target, t) }));
}

type Notice = Said<`notify.${NotificationKind}`>;
const kindOf = (n: Notice) => n.code.slice('notify.'.length) as NotificationKind;

export const toUser = (userId: number | null, n: Notice): NotificationRow[] =>
  userId === null ? [] : [{ recipientId: userId, recipientRole: null, kind: kindOf(n), params: n.params ?? {} }];
export const toRole = (role: Role, n: Notice): NotificationRow => ({ recipientId: null, recipientRole: role, kind: kindOf(n), params: n.params ?? {} });
