import type { UpdateDefinition } from '@temporalio/common';
import type { Projection, StepResult } from '../../domain/projection';
import { DEFAULT_SLA_TARGETS, dueAtOf, MAX_REMINDERS } from '../../domain/sla';
import type { Actor, TicketIntake } from '../../domain/ticket';
import { english } from '../../domain/messages';
import { HANDLERS } from '../../workflows/ticket/handlers';
import { TicketMachine } from '../../workflows/ticket/machine';
import {
  addNoteUpdate,
  cancelUpdate,
  changeLevelUpdate,
  checkInUpdate,
  claimTaskUpdate,
  dispatchDecisionUpdate,
  pauseUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  resumeUpdate,
  signatureUpdate,
  triageUpdate,
} from '../../workflows/ticket/messages';
import { accept, approve, escalate, refuse, repairForm, resolvedRemotely, sendBack, triage } from '../../harness/step-data';

/**
 * The ticket's state machine without Temporal: each Update's row of the handler table (who may,
 * what the data must hold, what it does) on a machine with a clock the test moves.
 */
const dispatcher: Actor = { userId: 3, role: 'dispatcher', displayName: '李调度' };
const engineer: Actor = { userId: 5, role: 'engineer', displayName: '张工' };
const contact: Actor = { userId: 7, role: 'hospital_contact', displayName: '陈老师', hospitalId: 1 };
const otherContact: Actor = { userId: 8, role: 'hospital_contact', displayName: '王老师', hospitalId: 2 };
const MIN = 60_000;
const T0 = Date.parse('2026-12-01T08:00:00Z');

function ticket(faultLevel: 1 | 2 | 3 | 4 | null = 2) {
  let now = T0;
  const intake: TicketIntake = {
    ticketNo: 'SR-20261201-00001',
    hospitalId: 1,
    departmentId: null,
    systemCode: 'mnis',
    channel: 'phone',
    faultLevel,
    title: '护理记录无法保存',
    description: '点击保存后提示超时',
    reporterName: '王护士长',
    reporterPhone: null,
    receivedAt: new Date(T0).toISOString(),
    createdBy: dispatcher,
  };
  const m = new TicketMachine(intake, DEFAULT_SLA_TARGETS, () => now);
  const opened = m.open();
  /** Sends one Update as the workflow would: refused (reason or fields) or applied, with its events. */
  function send<A>(update: UpdateDefinition<StepResult, [A]>, args: A): Projection[] | string {
    const h = HANDLERS.find((x) => x.update.name === update.name)!;
    const refused = h.check(m, args) ?? Object.values(h.fields?.(args) ?? {})[0];
    return refused ? english(refused) : h.apply(m, args, `update-${m.state.seq + 1}`);
  }
  const taskOf = (kind: string) => m.state.tasks.find((t) => t.kind === kind)!.id;
  const step = <D>(update: UpdateDefinition<StepResult, [{ actor: Actor; taskId: string; data: D }]>, actor: Actor, kind: string, data: D) =>
    send(update, { actor, taskId: taskOf(kind), data });
  return { m, opened, send, step, taskOf, later: (ms: number) => (now += ms) };
}

const types = (events: Projection[] | string) => (typeof events === 'string' ? events : events.map((e) => `${e.seq}:${e.type}`));

describe('TicketMachine', () => {
  it('opens with a triage task for the dispatchers and deadlines from the level', () => {
    const { m, opened } = ticket(1);
    expect(types(opened)).toEqual(['1:triage_requested']);
    expect(opened[0].openTasks).toMatchObject([{ kind: 'triage', candidateRole: 'dispatcher', assigneeId: null, dueAt: T0 + 30 * MIN }]);
    expect(opened[0].notifications).toMatchObject([{ recipientRole: 'dispatcher', kind: 'new_ticket' }]);
    expect(m.intakeRecord).toMatchObject({ step: 'triage', replyDueAt: new Date(T0 + 30 * MIN).toISOString(), solutionDueAt: new Date(T0 + 60 * MIN).toISOString() });
  });

  it('remote path: triage, then a remote fix resolves the ticket and meets both clocks', () => {
    const { m, step, later } = ticket(1);
    later(10 * MIN);
    const triaged = step(triageUpdate, dispatcher, 'triage', triage('remote', engineer.userId, 1));
    expect(types(triaged)).toEqual(['2:triaged']);
    expect((triaged as Projection[])[0].closedTasks).toMatchObject([{ kind: 'triage', status: 'done', outcome: 'remote', completedById: dispatcher.userId, updateId: 'update-2' }]);
    expect(m.state).toMatchObject({ step: 'remote', assigneeId: engineer.userId });
    later(20 * MIN);
    expect(types(step(remoteAttemptUpdate, engineer, 'remote', resolvedRemotely))).toEqual(['3:remote_resolved']);
    expect(m.final).toBe(true);
    expect(m.snapshot()).toMatchObject({ status: 'resolved', replySatisfiedAt: T0 + 10 * MIN, solutionSatisfiedAt: T0 + 30 * MIN, replyBreached: false });
    const archived = m.archivedEvent();
    expect(archived).toMatchObject({ seq: 4, type: 'archived', ticket: { status: 'archived', step: 'archived' } });
    expect(m.state.status).toBe('resolved');
    m.archived('ab'.repeat(32));
    expect(m.state).toMatchObject({ status: 'archived', step: 'archived', seq: 4, archiveHash: 'ab'.repeat(32) });
  });

  it('on-site path: sent back once, approved, a refused form, then signed', () => {
    const { m, step } = ticket();
    step(triageUpdate, dispatcher, 'triage', triage('remote', engineer.userId));
    expect(types(step(remoteAttemptUpdate, engineer, 'remote', escalate))).toEqual(['3:remote_escalated']);
    expect(types(step(dispatchDecisionUpdate, dispatcher, 'dispatch', sendBack))).toEqual(['4:dispatch_sent_back']);
    // Back to the engineer who tried remotely.
    expect(m.state.tasks).toMatchObject([{ kind: 'remote', assigneeId: engineer.userId }]);
    step(remoteAttemptUpdate, engineer, 'remote', escalate);
    step(dispatchDecisionUpdate, dispatcher, 'dispatch', approve(engineer.userId));
    expect(m.state).toMatchObject({ step: 'onsite', onsiteEngineerId: engineer.userId });
    step(checkInUpdate, engineer, 'checkin', { note: '已到达' });
    const filed = step(repairFormUpdate, engineer, 'repair_form', repairForm()) as Projection[];
    expect(filed[0].data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(filed[0].openTasks).toMatchObject([{ kind: 'signature', candidateRole: 'hospital_contact' }]);
    // Only the requesting hospital signs.
    expect(step(signatureUpdate, otherContact, 'signature', accept)).toBe('Only a contact of the hospital that raised the request can sign');
    expect(types(step(signatureUpdate, contact, 'signature', refuse))).toEqual(['9:signature_refused']);
    expect(m.state.tasks).toMatchObject([{ kind: 'checkin', assigneeId: engineer.userId }]);
    step(checkInUpdate, engineer, 'checkin', {});
    step(repairFormUpdate, engineer, 'repair_form', repairForm());
    expect(types(step(signatureUpdate, contact, 'signature', accept))).toEqual(['12:signed']);
    expect(m.state.signature).toMatchObject({ signerName: '陈老师', formHash: m.state.repairForms[1].hash });
    expect(m.state.refusals).toMatchObject([{ formHash: m.state.repairForms[0].hash }]);
    expect(m.withoutImage().signature!.image).toBe('(see query)');
    expect(m.final).toBe(true);
  });

  it('refuses steps by rule and by field, changing nothing', () => {
    const { m, send, step, taskOf } = ticket();
    expect(step(triageUpdate, engineer, 'triage', triage('remote', engineer.userId))).toBe('This task is for the dispatcher role');
    expect(step(triageUpdate, dispatcher, 'triage', { ...triage('remote', engineer.userId), plan: ' ' })).toBe('Write the plan');
    expect(send(remoteAttemptUpdate, { actor: engineer, taskId: taskOf('triage'), data: resolvedRemotely })).toMatch(/is a triage task, not remote/);
    expect(send(cancelUpdate, { actor: dispatcher, reason: ' ' })).toBe('Give a reason');
    expect(m.state.seq).toBe(1);
  });

  it('claims, notes, level changes and cancels', () => {
    const { m, send, taskOf } = ticket(3);
    expect(types(send(claimTaskUpdate, { actor: dispatcher, taskId: taskOf('triage') }))).toEqual(['2:task_claimed']);
    expect(send(claimTaskUpdate, { actor: dispatcher, taskId: taskOf('triage') })).toBe('You already hold this task');
    expect(types(send(addNoteUpdate, { actor: contact, text: '仅三楼受影响', audience: 'hospital' }))).toEqual(['3:note']);
    expect(send(addNoteUpdate, { actor: contact, text: '?', audience: 'internal' })).toBe('A hospital contact writes notes for the hospital only');
    expect(send(addNoteUpdate, { actor: otherContact, text: '?', audience: 'hospital' })).toBe('Not your hospital’s ticket');
    expect(m.state.notes.map((n) => n.audience)).toEqual(['hospital']);
    expect(types(send(changeLevelUpdate, { actor: dispatcher, faultLevel: 1, reason: '影响全院' }))).toEqual(['4:level_changed']);
    expect(dueAtOf(m.state.sla, 'reply')).toBe(T0 + 30 * MIN);
    const cancelled = send(cancelUpdate, { actor: dispatcher, reason: '重复报修' }) as Projection[];
    expect(cancelled[0].closedTasks).toMatchObject([{ kind: 'triage', status: 'cancelled' }]);
    expect(m.state).toMatchObject({ status: 'cancelled', step: 'cancelled', tasks: [] });
    expect(m.archivedEvent().ticket).toMatchObject({ status: 'cancelled', step: 'cancelled' });
  });
});

describe('TicketMachine timers', () => {
  it('warns, then breaches into an escalation for the managers', () => {
    const { m, later } = ticket(2);
    // The unclaimed reminder (10 min) comes first, then the warning at 75 % of the hour.
    expect(m.nextTimer()).toEqual({ at: T0 + 10 * MIN, kind: 'reminder', taskId: 'SR-20261201-00001-T1' });
    const reminded = m.fire(m.nextTimer()!);
    expect(reminded[0]).toMatchObject({ type: 'reminder', data: { count: 1 } });
    m.fire(m.nextTimer()!);
    expect(m.nextTimer()).toEqual({ at: T0 + 30 * MIN, kind: 'reminder', taskId: 'SR-20261201-00001-T1' });
    m.fire(m.nextTimer()!);
    // Reminders stop at MAX_REMINDERS.
    expect(m.state.tasks[0].reminders).toBe(MAX_REMINDERS);
    expect(m.nextTimer()).toEqual({ at: T0 + 45 * MIN, kind: 'warning', clock: 'reply', fraction: 0.75 });
    expect(m.fire(m.nextTimer()!)[0]).toMatchObject({ type: 'sla_warning', data: { clock: 'reply', fraction: 0.75 } });
    expect(m.nextTimer()).toEqual({ at: T0 + 60 * MIN, kind: 'breach', clock: 'reply' });
    later(60 * MIN);
    const breached = m.fire(m.nextTimer()!)[0];
    expect(breached).toMatchObject({ type: 'sla_breached', ticket: { replyBreached: true }, escalation: { clock: 'reply', faultLevel: 2, dueAt: T0 + 60 * MIN } });
    expect(m.state.tasks.map((t) => [t.kind, t.candidateRole])).toEqual([
      ['triage', 'dispatcher'],
      ['escalation', 'manager'],
    ]);
    expect(m.nextTimer()).toMatchObject({ kind: 'reminder', taskId: 'SR-20261201-00001-T2' });
  });

  it('a paused clock has no timer; resuming pushes the deadline back by the pause', () => {
    const { m, send, later } = ticket(2);
    send(claimTaskUpdate, { actor: dispatcher, taskId: 'SR-20261201-00001-T1' });
    later(5 * MIN);
    send(pauseUpdate, { actor: dispatcher, reason: '等待医院' });
    expect(m.nextTimer()).toBeNull();
    later(20 * MIN);
    const resumed = send(resumeUpdate, { actor: dispatcher }) as Projection[];
    expect(resumed[0].data).toEqual({ pausedMs: 20 * MIN });
    expect(dueAtOf(m.state.sla, 'reply')).toBe(T0 + 80 * MIN);
    expect(m.nextTimer()).toEqual({ at: T0 + 65 * MIN, kind: 'warning', clock: 'reply', fraction: 0.75 });
  });
});
