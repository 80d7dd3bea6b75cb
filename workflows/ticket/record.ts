import type { ClosedTask, EscalationRow, IntakeRecord, NotificationRow, Projection, TicketSnapshot, TicketSummary } from '../../domain/projection';
import type { Role } from '../../domain/roles';
import { clocksForLevel, dueAtOf, targetFor, type SlaTarget } from '../../domain/sla';
import { PROVISIONAL_LEVEL, type Actor, type Task, type TaskKind, type TicketIntake, type TicketState } from '../../domain/ticket';
import type { FaultLevel } from '../../domain/catalogue';
import { nextTimer, type TimerEvent } from './next-timer';
import { newTicketState, snapshotOf, taskRowsOf } from './rows';

type EventExtra = { closed?: ClosedTask[]; escalation?: EscalationRow; ackTaskId?: string; notify?: NotificationRow[] };

/**
 * One ticket's state and how its events are made: each event is numbered, carries the ticket row
 * and open tasks as they stand, and is what PostgreSQL must show. The steps are TicketMachine's.
 */
export class TicketRecord {
  readonly state: TicketState;
  /** The ticket row as first written: the request and its first deadlines. */
  readonly intakeRecord: IntakeRecord;

  constructor(
    intake: TicketIntake,
    private readonly targets: readonly SlaTarget[],
    protected readonly now: () => number,
  ) {
    this.state = newTicketState(intake);
    this.state.sla.clocks = clocksForLevel(this.state.sla, this.target(), now());
    const due = (clock: 'reply' | 'firstSolution') => dueAtOf(this.state.sla, clock);
    this.intakeRecord = {
      intake,
      step: 'triage',
      replyDueAt: new Date(due('reply')!).toISOString(),
      solutionDueAt: due('firstSolution') === null ? null : new Date(due('firstSolution')!).toISOString(),
    };
  }

  /** A restarted run (docs/workflow.md, "Restart"): the state rebuilt from the recorded events replaces the new one. */
  carryOn(from: TicketState): void {
    Object.assign(this.state, from);
  }

  get final(): boolean {
    return this.state.status !== 'open';
  }

  target(): SlaTarget {
    return targetFor(this.targets, this.state.sla.level ?? PROVISIONAL_LEVEL);
  }

  task(id: string): Task {
    return this.state.tasks.find((t) => t.id === id)!;
  }

  /** What an Update answers with: enough for its caller to go on (the `state` query has it all). */
  summary(): TicketSummary {
    const { ticketNo, status, step, faultLevel, assigneeId, tasks, seq } = this.state;
    return { ticketNo, status, step, faultLevel, assigneeId, tasks, seq };
  }

  /** The state without the signature image, which would otherwise land in the history again. */
  withoutImage(): TicketState {
    const s = this.state;
    return s.signature ? { ...s, signature: { ...s.signature, image: '(see query)' } } : s;
  }

  /** The ticket row's columns the workflow owns, as they stand. */
  snapshot(): TicketSnapshot {
    return snapshotOf(this.state, this.now());
  }

  /** The next moment a timer must fire: an SLA warning or breach, or a reminder; none while paused. */
  nextTimer(): TimerEvent | null {
    return nextTimer(this.state, this.target());
  }

  /**
   * The closing event, for the archive activity to write with the record (it fills in the record's
   * number and hash). The state moves on only once the record exists (`archived`).
   */
  archivedEvent(): Projection {
    return this.eventOf(this.state.seq + 1, 'archived', null, { archiveSeq: null, hash: null }, {}, { ...this.snapshot(), ...this.closing() });
  }

  archived(hash: string): void {
    Object.assign(this.state, this.closing(), { archiveHash: hash });
    this.state.seq += 1;
  }

  /** Closes a task as its step completes; the row carries everything, in case its opening was never written. */
  close(task: Task, outcome: string, by: Actor | null, status: 'done' | 'cancelled' = 'done', updateId: string | null = null): ClosedTask {
    this.state.tasks = this.state.tasks.filter((t) => t.id !== task.id);
    const { id, kind, candidateRole, assigneeId, createdAt } = task;
    return { id, kind, candidateRole, assigneeId, createdAt, status, outcome, completedById: by?.userId ?? null, completedAt: this.now(), updateId };
  }

  // ---- helpers ------------------------------------------------------------------------------

  protected newTask(kind: TaskKind, candidateRole: Role, assigneeId: number | null): Task {
    this.state.taskSeq += 1;
    const task: Task = { id: `${this.state.ticketNo}-T${this.state.taskSeq}`, kind, candidateRole, assigneeId, createdAt: this.now(), reminders: 0 };
    this.state.tasks.push(task);
    return task;
  }

  /** The ticket is done: every open task closes, escalations too, as nothing is left to escalate. */
  protected closeAll(outcome: string, by: Actor | null): ClosedTask[] {
    return [...this.state.tasks].map((t) => this.close(t, outcome, by, 'cancelled'));
  }

  protected applyLevel(level: FaultLevel): void {
    const s = this.state;
    s.faultLevel = level;
    s.sla.level = level;
    s.sla.clocks = clocksForLevel(s.sla, targetFor(this.targets, level), this.now());
  }

  /** A resolved ticket ends archived; a cancelled one stays cancelled, with its archive record. */
  protected closing(): Pick<TicketState, 'status' | 'step'> {
    return this.state.status === 'resolved' ? { status: 'archived', step: 'archived' } : { status: this.state.status, step: this.state.step };
  }

  protected commit(type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}): Projection[] {
    this.state.seq += 1;
    return [this.eventOf(this.state.seq, type, actor, data, extra)];
  }

  /** Event number `seq` as PostgreSQL must show it: the event, the ticket row and its tasks as of now. */
  protected eventOf(seq: number, type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}, ticket = this.snapshot()): Projection {
    return {
      ticketNo: this.state.ticketNo,
      seq,
      at: this.now(),
      type,
      actor,
      data,
      ticket,
      openTasks: taskRowsOf(this.state, this.target()),
      closedTasks: extra.closed ?? [],
      escalation: extra.escalation ?? null,
      acknowledgedEscalationTaskId: extra.ackTaskId,
      notifications: extra.notify ?? [],
    };
  }
}
