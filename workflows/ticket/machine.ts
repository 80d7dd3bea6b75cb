import type { ClosedTask, Projection } from '../../domain/projection';
import { canonicalJson, sha256Hex } from '../../domain/sha256';
import { dueAtOf, pause, resume, satisfy } from '../../domain/sla';
import { PROVISIONAL_LEVEL, type Actor, type NoteAudience } from '../../domain/ticket';
import { mainTask } from '../../domain/ticket-rules';
import type { CheckInInput, DispatchDecisionInput, RemoteAttemptInput, RepairFormInput, SignatureInput, TriageInput } from '../../domain/ticket.schemas';
import type { FaultLevel } from '../../domain/catalogue';
import type { TimerEvent } from './next-timer';
import { TicketRecord } from './record';
import { toRole, toUser } from './rows';
import { said } from '../../domain/messages';

/**
 * One ticket's steps, free of Temporal: every method changes the state and returns the events it
 * made, numbered in order. The workflow decides when a method may run (domain/ticket-rules) and
 * what becomes of its events (the outbox); tests drive it directly.
 */
export class TicketMachine extends TicketRecord {
  // ---- steps: each returns the events it made ---------------------------------------------------

  /** The request is registered: the dispatchers' triage task opens. */
  open(): Projection[] {
    this.newTask('triage', 'dispatcher', null);
    const { ticketNo, intake } = this.state;
    return this.commit('triage_requested', null, {}, { notify: [toRole('dispatcher', said('notify.new_ticket', { ticketNo, reporter: intake.reporterName, title: intake.title }))] });
  }

  /**
   * A new run carries on from the state its lost run had recorded (restart): nothing changes but
   * the open tasks are shown again and the desk's `workflow_lost` tasks close.
   */
  restarted(by: Actor, lost: { id: string; createdAt: number }[]): Projection[] {
    const closed: ClosedTask[] = lost.map((t) => ({
      id: t.id,
      kind: 'workflow_lost',
      candidateRole: 'manager',
      assigneeId: null,
      createdAt: t.createdAt,
      status: 'done',
      outcome: 'restarted',
      completedById: by.userId,
      completedAt: this.now(),
      updateId: null,
    }));
    return this.commit('restarted', by, { lostTasks: lost.map((t) => t.id) }, { closed });
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
      return this.commit('triaged', actor, { ...d }, { closed: [closed], notify: toUser(d.assigneeId, said('notify.assigned', { ticketNo: s.ticketNo })) });
    }
    s.step = 'dispatch';
    s.assigneeId = null;
    this.newTask('dispatch', 'dispatcher', null);
    return this.commit('triaged', actor, { ...d }, { closed: [closed], notify: [toRole('dispatcher', said('notify.dispatch_requested', { ticketNo: s.ticketNo }))] });
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
    return this.commit('remote_escalated', actor, { ...d }, { closed: [closed], notify: [toRole('dispatcher', said('notify.remote_escalated', { ticketNo: s.ticketNo }))] });
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
      return this.commit('dispatch_approved', actor, { ...d }, { closed: [closed], notify: toUser(d.engineerId, said('notify.dispatched', { ticketNo: s.ticketNo, title: s.intake.title })) });
    }
    const back = s.remoteAttempts.at(-1)?.by.userId ?? s.triage?.assigneeId ?? null;
    s.step = 'remote';
    s.assigneeId = back;
    this.newTask('remote', 'engineer', back);
    return this.commit('dispatch_sent_back', actor, { ...d }, { closed: [closed], notify: toUser(back, said('notify.sent_back', { ticketNo: s.ticketNo, reason: d.reason })) });
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
      notify: [toRole('hospital_contact', said('notify.signature_requested', { ticketNo: s.ticketNo }))],
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
        ...toUser(s.onsiteEngineerId, said('notify.signature_refused', { ticketNo: s.ticketNo, reason: d.reason })),
        toRole('dispatcher', said('notify.signature_refused', { ticketNo: s.ticketNo, reason: d.reason })),
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

  addNote(actor: Actor, text: string, audience: NoteAudience): Projection[] {
    this.state.notes.push({ text, audience, by: actor, at: this.now() });
    return this.commit('note', actor, { text, audience });
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
      notify: toUser(assigneeId, said('notify.reassigned', { ticketNo: s.ticketNo, kind: task.kind, reason })),
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

  /** A timer came due: a reminder, an SLA warning, or a breach that opens an escalation. */
  fire(e: TimerEvent): Projection[] {
    const s = this.state;
    if (e.kind === 'reminder') {
      const task = this.task(e.taskId);
      task.reminders += 1;
      const msg = said('notify.reminder', { ticketNo: s.ticketNo, kind: task.kind, sinceAt: new Date(task.createdAt).toISOString(), count: task.reminders });
      return this.commit('reminder', null, { taskId: task.id, kind: task.kind, count: task.reminders }, { notify: [toRole(task.candidateRole, msg)] });
    }
    const clock = s.sla.clocks.find((c) => c.name === e.clock)!;
    const due = dueAtOf(s.sla, e.clock)!;
    if (e.kind === 'warning') {
      clock.warned.push(e.fraction);
      const msg = said('notify.sla_warning', { ticketNo: s.ticketNo, clock: e.clock, dueAt: new Date(due).toISOString(), percent: Math.round(e.fraction * 100) });
      return this.commit('sla_warning', null, { clock: e.clock, fraction: e.fraction, dueAt: due }, {
        notify: [...toUser(s.assigneeId, msg), toRole('dispatcher', msg)],
      });
    }
    clock.breachedAt = this.now();
    const task = this.newTask('escalation', 'manager', null);
    const msg = said('notify.escalation', { ticketNo: s.ticketNo, level: s.sla.level ?? PROVISIONAL_LEVEL, clock: e.clock, dueAt: new Date(due).toISOString() });
    return this.commit('sla_breached', null, { clock: e.clock, dueAt: due, level: s.sla.level }, {
      escalation: { clock: e.clock, faultLevel: s.sla.level ?? PROVISIONAL_LEVEL, dueAt: due, breachedAt: this.now(), taskId: task.id },
      notify: [toRole('manager', msg), toRole('dispatcher', msg)],
    });
  }
}
