import { Escalation, Notification, Ticket, TicketEvent, TicketTask } from '../../db/entities';
import { met } from '../../domain/sla';
import {
  acknowledgeEscalationUpdate,
  changeLevelUpdate,
  claimTaskUpdate,
  signatureUpdate,
  pauseUpdate,
  resumeUpdate,
  triageUpdate,
} from '../../workflows/ticket/messages';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { eventTypes, waitForEvent } from '../../harness/ticket-events';
import { atSignature, handleOf, openTicket, stateOf, taskOf } from '../../harness/tickets';
import { accept, triage } from '../../harness/step-data';
import { recordHistory } from '../support/histories';
import { useStack } from '../../harness/use-stack';

const { stack, a } = useStack();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SLA clocks (服务响应时间) on the real server, with a seconds-long contract', () => {
  it('warns before the reply deadline, escalates at the breach, and the manager acknowledges', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 3, warnAt: [0.5] });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 1 });
    const received = Date.parse(t.intake.receivedAt);

    const warning = await waitForEvent(stack.orm, t.ticketNo, 'sla_warning');
    expect(warning.data).toMatchObject({ clock: 'reply', fraction: 0.5 });
    const breach = await waitForEvent(stack.orm, t.ticketNo, 'sla_breached');
    expect(breach.data).toMatchObject({ clock: 'reply', dueAt: received + 3000 });
    // Timer lateness on this machine: the breach is recorded within a second of the deadline.
    expect(breach.at.getTime() - (received + 3000)).toBeGreaterThanOrEqual(0);
    expect(breach.at.getTime() - (received + 3000)).toBeLessThan(1500);
    expect(warning.at.getTime()).toBeLessThan(breach.at.getTime());

    const em = stack.orm.em.fork();
    const escalation = await em.findOneOrFail(Escalation, { ticket: t.ticketNo }, { populate: ['task'] });
    expect(escalation).toMatchObject({ clock: 'reply', faultLevel: 1, acknowledgedAt: null });
    expect(escalation.task!.getEntity()).toMatchObject({ kind: 'escalation', candidateRole: 'manager', status: 'open' });
    expect(await em.findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ replyBreached: true });
    expect(await em.count(Notification, { ticket: t.ticketNo, recipientRole: 'manager', kind: 'escalation' })).toBe(1);
    // The breach's rows are written inside the workflow task that fired it; its upsert is applied
    // when that task completes, a moment later.
    let sa = (await handleOf(stack, t.ticketNo).describe()).searchAttributes;
    for (let i = 0; i < 50 && sa.SlaBreached?.[0] !== true; i++) {
      await new Promise((r) => setTimeout(r, 100));
      sa = (await handleOf(stack, t.ticketNo).describe()).searchAttributes;
    }
    expect(sa.SlaBreached).toEqual([true]);

    const h = handleOf(stack, t.ticketNo);
    await h.update(acknowledgeEscalationUpdate, { actor: a.manager, taskId: escalation.task!.id, data: { note: '已电话督促调度' } });
    const acked = await stack.orm.em.fork().findOneOrFail(Escalation, escalation.id);
    expect(acked).toMatchObject({ note: '已电话督促调度' });
    expect(acked.acknowledgedBy?.id).toBe(a.manager.userId);

    // Triage afterwards satisfies the reply, late: the commitment stays missed.
    await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId, 1) });
    const s = await stateOf(stack, t.ticketNo);
    const reply = s.sla.clocks.find((c) => c.name === 'reply')!;
    expect(reply.satisfiedAt).not.toBeNull();
    expect(met(s.sla, reply)).toBe(false);
    await recordHistory(stack, t.ticketNo, 'sla-breach-acknowledged');
  });

  it('a reply in time stops the reply clock: no breach follows', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 2 });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 2 });
    await handleOf(stack, t.ticketNo).update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId, 2) });
    const s = await stateOf(stack, t.ticketNo);
    expect(met(s.sla, s.sla.clocks[0])).toBe(true);
    await sleep(3000);
    expect(await eventTypes(stack.orm, t.ticketNo)).not.toContain('sla_breached');
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ replyBreached: false });
  });

  it('a pause stops the clocks; resuming moves the deadline by the time paused', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 2 });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 2 });
    const h = handleOf(stack, t.ticketNo);
    await h.update(pauseUpdate, { actor: a.dispatcher, reason: '等待医院确认停机时间' });
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ pausedSince: expect.any(Date) });
    await sleep(3000);
    expect(await eventTypes(stack.orm, t.ticketNo)).not.toContain('sla_breached');

    await h.update(resumeUpdate, { actor: a.dispatcher });
    const s = await stateOf(stack, t.ticketNo);
    expect(s.sla.pausedMs).toBeGreaterThanOrEqual(3000);
    const due = Date.parse(t.intake.receivedAt) + 2000 + s.sla.pausedMs;
    const row = await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo);
    expect([row.replyDueAt?.getTime(), row.pausedSince]).toEqual([due, null]);
    const breach = await waitForEvent(stack.orm, t.ticketNo, 'sla_breached');
    expect(breach.data).toMatchObject({ dueAt: due });
    expect(breach.at.getTime()).toBeGreaterThanOrEqual(due);
  });

  it('a level change recomputes the deadlines from receipt, keeping time paused', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 600 }, { 1: { replySeconds: 4, firstSolutionSeconds: 8 } });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 4 });
    const h = handleOf(stack, t.ticketNo);
    await h.update(pauseUpdate, { actor: a.manager, reason: '医院午休' });
    await sleep(1000);
    await h.update(resumeUpdate, { actor: a.manager });
    const resumed = await stateOf(stack, t.ticketNo);
    await h.update(changeLevelUpdate, { actor: a.dispatcher, faultLevel: 1, reason: '已影响全院护理记录' });
    const s = await stateOf(stack, t.ticketNo);
    const received = Date.parse(t.intake.receivedAt);
    const row = await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo);
    expect(row.faultLevel).toBe(1);
    expect(row.replyDueAt?.getTime()).toBe(received + 4000 + resumed.sla.pausedMs);
    expect(row.solutionDueAt?.getTime()).toBe(received + 8000 + resumed.sla.pausedMs);
    expect(s.sla.clocks.map((c) => c.name)).toEqual(['reply', 'firstSolution']);
    const sa = (await h.describe()).searchAttributes;
    expect(sa.FaultLevel).toEqual([1]);
    expect(new Date(sa.ReplyDueAt![0] as Date).getTime()).toBe(row.replyDueAt!.getTime());
    const breach = await waitForEvent(stack.orm, t.ticketNo, 'sla_breached');
    expect(breach.data).toMatchObject({ clock: 'reply', level: 1 });
    await recordHistory(stack, t.ticketNo, 'level-change-after-pause');
  });

  it('reminds the candidates while a task sits unclaimed, and stops once it is claimed', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 600, unclaimedReminderSeconds: 1 });
    const t = await openTicket(stack, a.dispatcher, { hospitalId });
    const first = await waitForEvent(stack.orm, t.ticketNo, 'reminder');
    expect(first.data).toMatchObject({ taskId: taskOf(t, 'triage'), kind: 'triage', count: 1 });
    expect(await stack.orm.em.fork().count(Notification, { ticket: t.ticketNo, kind: 'reminder', recipientRole: 'dispatcher' })).toBeGreaterThanOrEqual(1);
    await handleOf(stack, t.ticketNo).update(claimTaskUpdate, { actor: a.dispatcher2, taskId: taskOf(t, 'triage') });
    const count = await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'reminder' });
    await sleep(2500);
    expect(await stack.orm.em.fork().count(TicketEvent, { ticket: t.ticketNo, type: 'reminder' })).toBe(count);
    const task = await stack.orm.em.fork().findOneOrFail(TicketTask, taskOf(t, 'triage'));
    expect(task.assignee?.id).toBe(a.dispatcher2.userId);
    const q = await handleOf(stack, t.ticketNo).state();
    expect(q.assigneeId).toBe(a.dispatcher2.userId);
  });

  it('reminds the hospital while the repair form waits for its signature', async () => {
    const { hospitalId, contact } = await hospitalWithPolicy(stack.orm, { replySeconds: 600, signatureReminderSeconds: 1 });
    const s = await atSignature(stack, a, { hospitalId });
    const h = handleOf(stack, s.ticketNo);
    const reminder = await waitForEvent(stack.orm, s.ticketNo, 'reminder');
    expect(reminder.data).toMatchObject({ kind: 'signature', taskId: taskOf(s, 'signature') });
    const n = await stack.orm.em.fork().findOneOrFail(Notification, { ticket: s.ticketNo, kind: 'reminder' });
    expect(n.recipientRole).toBe('hospital_contact');
    await h.update(signatureUpdate, { actor: contact, taskId: taskOf(s, 'signature'), data: accept });
    expect((await h.result()).status).toBe('archived');
  });
});
