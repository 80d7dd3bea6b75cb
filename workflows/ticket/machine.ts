import type { ClosedTask, EscalationRow, IntakeRecord, NotificationRow, Projection, TaskRow, TicketSnapshot, TicketSummary } from '../../domain/projection';
import type { Role } from '../../domain/roles';
import { canonicalJson, sha256Hex } from '../../domain/sha256';
import { MAX_REMINDERS, clocksForLevel, dueAtOf, nextSlaEvent, pause, resume, satisfy, targetFor, type SlaEvent, type SlaTarget } from '../../domain/sla';
import { PROVISIONAL_LEVEL, type Actor, type Task, type TaskKind, type TicketIntake, type TicketState } from '../../domain/ticket';
import { mainTask } from '../../domain/ticket-rules';
import type { CheckInInput, DispatchDecisionInput, RemoteAttemptInput, RepairFormInput, SignatureInput, TriageInput } from '../../domain/ticket.schemas';
import type { FaultLevel } from '../../domain/catalogue';

/** A reminder of a task nobody picked up, or of a signature the hospital has not given. */
export type TimerEvent = SlaEvent | { at: number; kind: 'reminder'; taskId: string };

type EventExtra = { closed?: ClosedTask[]; escalation?: EscalationRow; ackTaskId?: string; notify?: NotificationRow[] };

const toUser = (userId: number | null, kind: string, message: string): NotificationRow[] =>
  userId === null ? [] : [{ recipientId: userId, recipientRole: null, kind, message }];
const toRole = (role: Role, kind: string, message: string): NotificationRow => ({ recipientId: null, recipientRole: role, kind, message });

/**
 * One ticket's state and its transitions, free of Temporal: every step method changes the state
 * and returns the events it made, numbered in order. The workflow decides when a method may run
 * (domain/ticket-rules) and what becomes of its events (the outbox); tests drive it directly.
 */
export class TicketMachine {
  readonly state: TicketState;
  /** The ticket row as first written: the request and its first deadlines. */
  readonly intakeRecord: IntakeRecord;

  constructor(
    intake: TicketIntake,
    private readonly targets: readonly SlaTarget[],
    private readonly now: () => number,
  ) {
    this.state = {
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
    this.state.sla.clocks = clocksForLevel(this.state.sla, this.target(), now());
    const due = (clock: 'reply' | 'firstSolution') => dueAtOf(this.state.sla, clock);
    this.intakeRecord = {
      intake,
      step: 'triage',
      replyDueAt: new Date(due('reply')!).toISOString(),
      solutionDueAt: due('firstSolution') === null ? null : new Date(due('firstSolution')!).toISOString(),
    };
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
    const { sla, triage } = this.state;
    const reply = sla.clocks.find((c) => c.name === 'reply');
    const solution = sla.clocks.find((c) => c.name === 'firstSolution');
    return {
      status: this.state.status,
      step: this.state.step,
      faultLevel: this.state.faultLevel,
      category: triage?.category ?? null,
      maintenanceType: triage?.maintenanceType ?? null,
      departmentId: triage?.departmentId ?? this.state.intake.departmentId,
      assigneeId: this.state.assigneeId,
      replyDueAt: dueAtOf(sla, 'reply'),
      replySatisfiedAt: reply?.satisfiedAt ?? null,
      replyBreached: reply?.breachedAt != null,
      solutionDueAt: dueAtOf(sla, 'firstSolution'),
      solutionSatisfiedAt: solution?.satisfiedAt ?? null,
      solutionBreached: solution?.breachedAt != null,
      pausedSince: sla.pausedSince,
      closedAt: this.final ? this.now() : null,
    };
  }

  // ---- steps: each returns the events it made ---------------------------------------------------

  /** The request is registered: the dispatchers' triage task opens. */
  open(): Projection[] {
    this.newTask('triage', 'dispatcher', null);
    const { ticketNo, intake } = this.state;
    return this.commit('triage_requested', null, {}, { notify: [toRole('dispatcher', 'new_ticket', `${ticketNo}: new request from ${intake.reporterName}: ${intake.title}`)] });
  }

  triage(actor: Actor, closed: ClosedTask, d: TriageInput): Projection[] {
    const s = this.state;
    s.triage = { ...d, departmentId: d.departmentId ?? s.intake.departmentId, by: actor, at: this.now() };
    this.applyLevel(d.faultLevel);
    satisfy(s.sla, 'reply', this.now());
    if (d.route === 'remote') {
      s.step = 'remote';
      s.assigneeId = d.assigneeId;
      this.newTask('remote', 'engineer', d.assigneeId);
      return this.commit('triaged', actor, { ...d }, { closed: [closed], notify: toUser(d.assigneeId, 'assigned', `${s.ticketNo}: remote support assigned to you`) });
    }
    s.step = 'dispatch';
    s.assigneeId = null;
    this.newTask('dispatch', 'dispatcher', null);
    return this.commit('triaged', actor, { ...d }, { closed: [closed], notify: [toRole('dispatcher', 'dispatch_requested', `${s.ticketNo}: on-site service requested at triage`)] });
  }

  remoteAttempt(actor: Actor, closed: ClosedTask, d: RemoteAttemptInput): Projection[] {
    const s = this.state;
    const resolved = d.outcome === 'resolved';
    s.remoteAttempts.push({ actions: d.actions, outcome: d.outcome, solution: resolved ? d.solution : null, reason: resolved ? null : d.reason, by: actor, at: this.now() });
    if (resolved) {
      satisfy(s.sla, 'firstSolution', this.now());
      s.status = 'resolved';
      return this.commit('remote_resolved', actor, { ...d }, { closed: [closed, ...this.closeAll('resolved', actor)] });
    }
    s.step = 'dispatch';
    this.newTask('dispatch', 'dispatcher', null);
    return this.commit('remote_escalated', actor, { ...d }, { closed: [closed], notify: [toRole('dispatcher', 'dispatch_requested', `${s.ticketNo}: remote attempt failed, on-site service requested`)] });
  }

  dispatchDecision(actor: Actor, closed: ClosedTask, d: DispatchDecisionInput): Projection[] {
    const s = this.state;
    const approved = d.decision === 'approve';
    s.dispatchDecisions.push({
      decision: d.decision,
      engineerId: approved ? d.engineerId : null,
      plan: approved ? d.plan : null,
      reason: approved ? null : d.reason,
      by: actor,
      at: this.now(),
    });
    if (approved) {
      // The seed's level-1 promise: a first solution within the hour. An approved dispatch plan is one.
      satisfy(s.sla, 'firstSolution', this.now());
      s.step = 'onsite';
      s.onsiteEngineerId = d.engineerId;
      s.assigneeId = d.engineerId;
      this.newTask('checkin', 'engineer', d.engineerId);
      return this.commit('dispatch_approved', actor, { ...d }, { closed: [closed], notify: toUser(d.engineerId, 'dispatched', `${s.ticketNo}: go on site to ${s.intake.title}`) });
    }
    const back = s.remoteAttempts.at(-1)?.by.userId ?? s.triage?.assigneeId ?? null;
    s.step = 'remote';
    s.assigneeId = back;
    this.newTask('remote', 'engineer', back);
    return this.commit('dispatch_sent_back', actor, { ...d }, { closed: [closed], notify: toUser(back, 'sent_back', `${s.ticketNo}: on-site dispatch not approved: ${d.reason}`) });
  }

  checkIn(actor: Actor, closed: ClosedTask, d: CheckInInput): Projection[] {
    this.state.checkIns.push({ note: d.note ?? null, by: actor, at: this.now() });
    this.newTask('repair_form', 'engineer', actor.userId);
    return this.commit('checked_in', actor, { note: d.note ?? null }, { closed: [closed] });
  }

  repairForm(actor: Actor, closed: ClosedTask, d: RepairFormInput): Projection[] {
    const s = this.state;
    const content = { ticketNo: s.ticketNo, ...d, partsReplaced: d.partsReplaced ?? null };
    const hash = sha256Hex(canonicalJson(content));
    s.repairForms.push({ ...content, by: actor, at: this.now(), hash });
    s.step = 'signature';
    this.newTask('signature', 'hospital_contact', null);
    return this.commit('repair_form_submitted', actor, { ...content, hash }, {
      closed: [closed],
      notify: [toRole('hospital_contact', 'signature_requested', `${s.ticketNo}: please check and sign the repair form (系统维修单)`)],
    });
  }

  signature(actor: Actor, closed: ClosedTask, d: SignatureInput): Projection[] {
    const s = this.state;
    const formHash = s.repairForms.at(-1)!.hash;
    if (d.decision === 'accept') {
      s.signature = { signerName: d.signerName, signerDepartment: d.signerDepartment, image: d.image, formHash, by: actor, at: this.now() };
      s.status = 'resolved';
      return this.commit('signed', actor, { signerName: d.signerName, signerDepartment: d.signerDepartment, formHash }, { closed: [closed, ...this.closeAll('resolved', actor)] });
    }
    s.refusals.push({ reason: d.reason, formHash, by: actor, at: this.now() });
    // Back on site: the engineer returns, checks in again and files a new repair form.
    s.step = 'onsite';
    this.newTask('checkin', 'engineer', s.onsiteEngineerId);
    return this.commit('signature_refused', actor, { reason: d.reason, formHash }, {
      closed: [closed],
      notify: [
        ...toUser(s.onsiteEngineerId, 'signature_refused', `${s.ticketNo}: the hospital refused the repair form: ${d.reason}`),
        toRole('dispatcher', 'signature_refused', `${s.ticketNo}: the hospital refused the repair form`),
      ],
    });
  }

  acknowledgeEscalation(actor: Actor, closed: ClosedTask, d: { note: string }): Projection[] {
    return this.commit('escalation_acknowledged', actor, { taskId: closed.id, note: d.note }, { closed: [closed], ackTaskId: closed.id });
  }

  claim(actor: Actor, taskId: string): Projection[] {
    const task = this.task(taskId);
    task.assigneeId = actor.userId;
    if (task.kind !== 'escalation') this.state.assigneeId = actor.userId;
    return this.commit('task_claimed', actor, { taskId, kind: task.kind });
  }

  addNote(actor: Actor, text: string): Projection[] {
    this.state.notes.push({ text, by: actor, at: this.now() });
    return this.commit('note', actor, { text });
  }

  reassign(actor: Actor, assigneeId: number, reason: string): Projection[] {
    const s = this.state;
    const task = mainTask(s)!;
    const from = task.assigneeId;
    task.assigneeId = assigneeId;
    task.reminders = 0;
    s.assigneeId = assigneeId;
    if (s.step === 'onsite') s.onsiteEngineerId = assigneeId;
    return this.commit('reassigned', actor, { taskId: task.id, from, to: assigneeId, reason }, {
      notify: toUser(assigneeId, 'assigned', `${s.ticketNo}: ${task.kind} task reassigned to you: ${reason}`),
    });
  }

  changeLevel(actor: Actor, faultLevel: FaultLevel, reason: string): Projection[] {
    const from = this.state.sla.level;
    this.applyLevel(faultLevel);
    return this.commit('level_changed', actor, { from, to: faultLevel, reason });
  }

  pause(actor: Actor, reason: string): Projection[] {
    pause(this.state.sla, this.now());
    this.state.pauseReason = reason;
    return this.commit('paused', actor, { reason });
  }

  resume(actor: Actor): Projection[] {
    const pausedMs = this.now() - this.state.sla.pausedSince!;
    resume(this.state.sla, this.now());
    this.state.pauseReason = null;
    return this.commit('resumed', actor, { pausedMs });
  }

  cancel(actor: Actor, reason: string): Projection[] {
    const s = this.state;
    s.status = 'cancelled';
    s.step = 'cancelled';
    s.cancelReason = reason;
    return this.commit('cancelled', actor, { reason }, { closed: this.closeAll('cancelled', actor) });
  }

  /** The next moment a timer must fire: an SLA warning or breach, or a reminder; none while paused. */
  nextTimer(): TimerEvent | null {
    if (this.state.sla.pausedSince !== null) return null;
    let next: TimerEvent | null = nextSlaEvent(this.state.sla);
    const t = this.target();
    for (const task of this.state.tasks) {
      if (task.reminders >= MAX_REMINDERS) continue;
      const every = task.kind === 'signature' ? t.signatureReminderSeconds : task.assigneeId === null ? t.unclaimedReminderSeconds : null;
      if (every === null) continue;
      const at = task.createdAt + every * 1000 * (task.reminders + 1);
      if (!next || at < next.at) next = { at, kind: 'reminder', taskId: task.id };
    }
    return next;
  }

  /** A timer came due: a reminder, an SLA warning, or a breach that opens an escalation. */
  fire(e: TimerEvent): Projection[] {
    const s = this.state;
    if (e.kind === 'reminder') {
      const task = this.task(e.taskId);
      task.reminders += 1;
      const msg = `${s.ticketNo}: ${task.kind} task waiting since ${new Date(task.createdAt).toISOString()} (reminder ${task.reminders})`;
      return this.commit('reminder', null, { taskId: task.id, kind: task.kind, count: task.reminders }, { notify: [toRole(task.candidateRole, 'reminder', msg)] });
    }
    const clock = s.sla.clocks.find((c) => c.name === e.clock)!;
    const due = dueAtOf(s.sla, e.clock)!;
    if (e.kind === 'warning') {
      clock.warned.push(e.fraction);
      const msg = `${s.ticketNo}: ${e.clock} deadline ${new Date(due).toISOString()} is ${Math.round(e.fraction * 100)}% used`;
      return this.commit('sla_warning', null, { clock: e.clock, fraction: e.fraction, dueAt: due }, {
        notify: [...toUser(s.assigneeId, 'sla_warning', msg), toRole('dispatcher', 'sla_warning', msg)],
      });
    }
    clock.breachedAt = this.now();
    const task = this.newTask('escalation', 'manager', null);
    const msg = `${s.ticketNo}: level ${s.sla.level} ${e.clock} commitment breached (due ${new Date(due).toISOString()})`;
    return this.commit('sla_breached', null, { clock: e.clock, dueAt: due, level: s.sla.level }, {
      escalation: { clock: e.clock, faultLevel: s.sla.level ?? PROVISIONAL_LEVEL, dueAt: due, breachedAt: this.now(), taskId: task.id },
      notify: [toRole('manager', 'escalation', msg), toRole('dispatcher', 'escalation', msg)],
    });
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
  close(task: Task, outcome: string, by: Actor | null, status: 'done' | 'cancelled' = 'done'): ClosedTask {
    this.state.tasks = this.state.tasks.filter((t) => t.id !== task.id);
    const { id, kind, candidateRole, assigneeId, createdAt } = task;
    return { id, kind, candidateRole, assigneeId, createdAt, status, outcome, completedById: by?.userId ?? null, completedAt: this.now() };
  }

  // ---- helpers ------------------------------------------------------------------------------

  private newTask(kind: TaskKind, candidateRole: Role, assigneeId: number | null): Task {
    this.state.taskSeq += 1;
    const task: Task = { id: `${this.state.ticketNo}-T${this.state.taskSeq}`, kind, candidateRole, assigneeId, createdAt: this.now(), reminders: 0 };
    this.state.tasks.push(task);
    return task;
  }

  /** The ticket is done: every open task closes, escalations too, as nothing is left to escalate. */
  private closeAll(outcome: string, by: Actor | null): ClosedTask[] {
    return [...this.state.tasks].map((t) => this.close(t, outcome, by, 'cancelled'));
  }

  private applyLevel(level: FaultLevel): void {
    const s = this.state;
    s.faultLevel = level;
    s.sla.level = level;
    s.sla.clocks = clocksForLevel(s.sla, targetFor(this.targets, level), this.now());
  }

  private taskDue(task: Task): number | null {
    if (task.kind === 'signature') return task.createdAt + this.target().signatureReminderSeconds * 1000;
    const clock = task.kind === 'triage' ? 'reply' : task.kind === 'dispatch' || task.kind === 'remote' ? 'firstSolution' : null;
    return clock ? dueAtOf(this.state.sla, clock) : null;
  }

  /** A resolved ticket ends archived; a cancelled one stays cancelled, with its archive record. */
  private closing(): Pick<TicketState, 'status' | 'step'> {
    return this.state.status === 'resolved' ? { status: 'archived', step: 'archived' } : { status: this.state.status, step: this.state.step };
  }

  private commit(type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}): Projection[] {
    this.state.seq += 1;
    return [this.eventOf(this.state.seq, type, actor, data, extra)];
  }

  /** Event number `seq` as PostgreSQL must show it: the event, the ticket row and its tasks as of now. */
  private eventOf(seq: number, type: string, actor: Actor | null, data: Record<string, unknown>, extra: EventExtra = {}, ticket = this.snapshot()): Projection {
    const s = this.state;
    const openTasks = s.tasks.map((t): TaskRow => ({ id: t.id, kind: t.kind, candidateRole: t.candidateRole, assigneeId: t.assigneeId, createdAt: t.createdAt, dueAt: this.taskDue(t) }));
    return {
      ticketNo: s.ticketNo,
      seq,
      at: this.now(),
      type,
      actor,
      data,
      ticket,
      openTasks,
      closedTasks: extra.closed ?? [],
      escalation: extra.escalation ?? null,
      acknowledgedEscalationTaskId: extra.ackTaskId,
      notifications: extra.notify ?? [],
    };
  }
}
