import type { Projection } from '../../domain/projection';
import { DEFAULT_SLA_TARGETS, type SlaTarget } from '../../domain/sla';
import type { Actor, TicketIntake, TicketState } from '../../domain/ticket';
import { HANDLERS } from '../../workflows/ticket/handlers';
import { TicketMachine } from '../../workflows/ticket/machine';
import { rebuildTicketState, type RecordedEvent } from '../../workflows/ticket/rebuild';
import {
  acknowledgeEscalationUpdate,
  addNoteUpdate,
  changeLevelUpdate,
  checkInUpdate,
  claimTaskUpdate,
  dispatchDecisionUpdate,
  pauseUpdate,
  reassignUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  resumeUpdate,
  signatureUpdate,
  triageUpdate,
} from '../../workflows/ticket/messages';
import { approve, escalate, refuse, repairForm, sendBack, triage } from '../../harness/step-data';

/**
 * Restart's rebuild (workflows/ticket/rebuild.ts): the events as PostgreSQL records them (type,
 * actor without hospital, data, time), replayed through the machine, give back the state the
 * workflow had: tasks, clocks, reminders, seq.
 */
const dispatcher: Actor = { userId: 3, role: 'dispatcher', displayName: '李调度' };
const engineer: Actor = { userId: 5, role: 'engineer', displayName: '张工' };
const engineer2: Actor = { userId: 6, role: 'engineer', displayName: '刘工' };
const manager: Actor = { userId: 2, role: 'manager', displayName: '周经理' };
const contact: Actor = { userId: 7, role: 'hospital_contact', displayName: '陈老师', hospitalId: 1 };
const MIN = 60_000;
const T0 = Date.parse('2026-12-01T08:00:00Z');
// Short windows so warnings, a breach and reminders happen along the way.
const TARGETS: SlaTarget[] = DEFAULT_SLA_TARGETS.map((t) => ({ ...t, replySeconds: 20 * 60, firstSolutionSeconds: 90 * 60, warnAt: [0.5], unclaimedReminderSeconds: 5 * 60 }));

const intake: TicketIntake = {
  ticketNo: 'SR-20261201-00077',
  hospitalId: 1,
  departmentId: null,
  systemCode: 'mnis',
  channel: 'phone',
  faultLevel: 2,
  title: '白板不刷新',
  description: '护士站白板数据停在早上',
  reporterName: '王护士长',
  reporterPhone: null,
  receivedAt: new Date(T0).toISOString(),
  createdBy: dispatcher,
};

/** What the database keeps of an event: no hospital on the actor. */
const recorded = (p: Projection): RecordedEvent => ({
  seq: p.seq,
  type: p.type,
  actor: p.actor && { userId: p.actor.userId, role: p.actor.role, displayName: p.actor.displayName },
  data: JSON.parse(JSON.stringify(p.data)),
  at: p.at,
});

/** The state as the rebuild can know it: actors without hospital, the signature image left out. */
const comparable = (s: TicketState) =>
  JSON.parse(JSON.stringify(s), (key, v) => (key === 'hospitalId' && v !== null && typeof v === 'number' && key === 'hospitalId' ? undefined : v)) as TicketState;

function run() {
  let now = T0 + 200;
  const m = new TicketMachine(intake, TARGETS, () => now);
  const events: Projection[] = [...m.open()];
  const send = <A>(update: { name: string }, args: A) => {
    const h = HANDLERS.find((x) => x.update.name === update.name)!;
    const refused = h.check(m, args) ?? Object.values(h.fields?.(args) ?? {})[0];
    if (refused) throw new Error(`${update.name} refused: ${JSON.stringify(refused)}`);
    events.push(...h.apply(m, args, `u${m.state.seq + 1}`));
  };
  const taskOf = (kind: string) => m.state.tasks.find((t) => t.kind === kind)!.id;
  /** Moves the clock to `at`, firing every timer due on the way, as the timer loop does. */
  const until = (at: number) => {
    for (let next = m.nextTimer(); next && next.at <= at; next = m.nextTimer()) {
      now = next.at;
      events.push(...m.fire(next));
    }
    now = at;
  };
  until(T0 + 6 * MIN); // an unclaimed reminder
  send(claimTaskUpdate, { actor: dispatcher, taskId: taskOf('triage') });
  until(T0 + 12 * MIN); // the reply warning at 50 %
  send(triageUpdate, { actor: dispatcher, taskId: taskOf('triage'), data: triage('onsite', engineer.userId, 2) });
  until(T0 + 14 * MIN);
  send(dispatchDecisionUpdate, { actor: dispatcher, taskId: taskOf('dispatch'), data: sendBack });
  send(remoteAttemptUpdate, { actor: engineer, taskId: taskOf('remote'), data: escalate });
  send(pauseUpdate, { actor: dispatcher, reason: '等医院停机窗口' });
  until(T0 + 40 * MIN);
  send(resumeUpdate, { actor: dispatcher });
  send(changeLevelUpdate, { actor: manager, faultLevel: 1, reason: '影响全院' });
  until(T0 + 200 * MIN); // breaches (and an escalation task), reminders
  send(acknowledgeEscalationUpdate, { actor: manager, taskId: taskOf('escalation'), data: { note: '已催办' } });
  send(dispatchDecisionUpdate, { actor: dispatcher, taskId: taskOf('dispatch'), data: approve(engineer.userId) });
  send(reassignUpdate, { actor: dispatcher, assigneeId: engineer2.userId, reason: '张工休假' });
  send(checkInUpdate, { actor: engineer2, taskId: taskOf('checkin'), data: { note: '已到场' } });
  send(repairFormUpdate, { actor: engineer2, taskId: taskOf('repair_form'), data: repairForm(new Date(now)) });
  until(now + 30 * MIN);
  send(signatureUpdate, { actor: contact, taskId: taskOf('signature'), data: refuse });
  send(addNoteUpdate, { actor: contact, text: '明早再来', audience: 'hospital' });
  until(now + 10 * MIN);
  return { m, events };
}

describe('rebuilding a ticket from its recorded events', () => {
  it('gives back the state the workflow had: tasks, clocks (warnings, breaches, pause), reminders, seq', () => {
    const { m, events } = run();
    const types = new Set(events.map((e) => e.type));
    expect([...types]).toEqual(
      expect.arrayContaining(['reminder', 'sla_warning', 'sla_breached', 'triaged', 'dispatch_sent_back', 'remote_escalated', 'paused', 'resumed', 'level_changed', 'escalation_acknowledged', 'reassigned', 'signature_refused', 'note', 'task_claimed']),
    );
    const { state, skipped } = rebuildTicketState(intake, TARGETS, events.map(recorded));
    expect(skipped).toEqual([]);
    expect(comparable(state)).toEqual(comparable(m.state));
    // The next timer is the same moment: a restarted run fires what the lost one would have.
    const again = new TicketMachine(intake, TARGETS, () => 0);
    again.carryOn(state);
    expect(again.nextTimer()).toEqual(m.nextTimer());
  });

  it('a gap in the recorded events is skipped over, numbered as recorded', () => {
    const { events } = run();
    const kept = events.filter((e) => e.type !== 'note').map(recorded);
    const { state, skipped } = rebuildTicketState(intake, TARGETS, kept);
    expect(state.seq).toBe(kept.at(-1)!.seq);
    expect(skipped).toEqual([]);
    // A lost step whose successor needs it is reported, not guessed.
    const broken = events.filter((e) => e.type !== 'checked_in').map(recorded);
    expect(rebuildTicketState(intake, TARGETS, broken).skipped.map((s) => s.type)).toContain('repair_form_submitted');
  });

  it('a restarted run says so in one event that closes the desk’s lost-workflow tasks and shows the open tasks again', () => {
    const { m } = run();
    const again = new TicketMachine(intake, TARGETS, () => T0 + 999 * MIN);
    again.carryOn(JSON.parse(JSON.stringify(m.state)));
    const [e] = again.restarted(manager, [{ id: `${intake.ticketNo}-W1`, createdAt: T0 }]);
    expect(e).toMatchObject({ seq: m.state.seq + 1, type: 'restarted', actor: manager, closedTasks: [{ id: `${intake.ticketNo}-W1`, kind: 'workflow_lost', status: 'done', outcome: 'restarted' }] });
    expect(e.openTasks.map((t) => t.id)).toEqual(m.state.tasks.map((t) => t.id));
  });
});
