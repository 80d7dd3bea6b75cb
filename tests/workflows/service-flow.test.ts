import { createHash } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { ARCHIVE_LOCK } from '../../activities/archive.activities';
import { ArchiveRecord, Notification, Ticket, TicketTask } from '../../db/entities';
import { verifyArchiveChain } from '../../db/archive-chain';
import { canonicalJson } from '../../domain/sha256';
import type { TicketState } from '../../domain/ticket';
import {
  checkInUpdate,
  dispatchDecisionUpdate,
  remoteAttemptUpdate,
  repairFormUpdate,
  signatureUpdate,
  triageUpdate,
} from '../../workflows/ticket/messages';
import { ticketWorkflowId } from '../../domain/ticket';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { eventTypes, waitForEvent } from '../../harness/ticket-events';
import { atSignature, handleOf, openTicket, stateOf, taskOf } from '../../harness/tickets';
import { accept, approve, escalate, refuse, repairForm, resolvedRemotely, sendBack, triage } from '../../harness/step-data';
import { recordHistory } from '../support/histories';
import { useStack } from '../../harness/use-stack';

const { stack, a } = useStack();

async function finished(ticketNo: string): Promise<TicketState> {
  return handleOf(stack, ticketNo).result();
}

describe('the service flow (服务流程)', () => {
  it('remote path: triage → remote attempt resolves → archived, with the reply and first solution recorded', async () => {
    const t = await openTicket(stack, a.dispatcher, { faultLevel: 1 });
    const h = handleOf(stack, t.ticketNo);
    let s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId, 1) });
    expect(s).toMatchObject({ step: 'remote', assigneeId: a.engineer.userId });
    // The update returned after its projection: the row and the new task are already there.
    const em = stack.orm.em.fork();
    expect(await em.findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ step: 'remote', category: 'fault_diagnosis', faultLevel: 1 });
    expect(await em.findOneOrFail(TicketTask, taskOf(s, 'remote'))).toMatchObject({ status: 'open', kind: 'remote' });

    s = await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: resolvedRemotely });
    expect(s.status).toBe('resolved');
    const done = await finished(t.ticketNo);
    expect(done).toMatchObject({ status: 'archived', step: 'archived' });
    expect(done.sla.clocks.map((c) => [c.name, c.satisfiedAt !== null, c.breachedAt])).toEqual([
      ['reply', true, null],
      ['firstSolution', true, null],
    ]);

    const row = await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo);
    expect(row).toMatchObject({ status: 'archived', step: 'archived', replyBreached: false, solutionBreached: false });
    expect(row.replySatisfiedAt).not.toBeNull();
    expect(await eventTypes(stack.orm, t.ticketNo)).toEqual(['created', 'triage_requested', 'triaged', 'remote_resolved', 'archived']);
    const tasks = await stack.orm.em.fork().find(TicketTask, { ticket: t.ticketNo }, { orderBy: { createdAt: 'asc' } });
    expect(tasks.map((x) => [x.kind, x.status, x.outcome])).toEqual([
      ['triage', 'done', 'remote'],
      ['remote', 'done', 'resolved'],
    ]);
    const archive = await stack.orm.em.fork().findOneOrFail(ArchiveRecord, { ticketId: t.ticketNo });
    expect(archive.outcome).toBe('resolved');
    expect(archive.signature).toBeNull();
    await recordHistory(stack, t.ticketNo, 'remote-resolved');
  });

  it('on-site path: triage → dispatch approved → check-in → repair form → hospital signs → archived with signature and history', async () => {
    const t = await openTicket(stack, a.cdphc, { faultLevel: 2 });
    const h = handleOf(stack, t.ticketNo);
    let s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('onsite', a.engineer2.userId) });
    expect(s.step).toBe('dispatch');
    s = await h.update(dispatchDecisionUpdate, { actor: a.dispatcher2, taskId: taskOf(s, 'dispatch'), data: approve(a.engineer2.userId) });
    expect(s).toMatchObject({ step: 'onsite', assigneeId: a.engineer2.userId });
    expect((await stateOf(stack, t.ticketNo)).onsiteEngineerId).toBe(a.engineer2.userId);
    // "notified at once": the engineer's notification is written before the approval returns.
    const note = await stack.orm.em.fork().findOne(Notification, { ticket: t.ticketNo, recipient: a.engineer2.userId, kind: 'dispatched' });
    expect(note).not.toBeNull();

    s = await h.update(checkInUpdate, { actor: a.engineer2, taskId: taskOf(s, 'checkin'), data: { note: '已到达重症医学科' } });
    const form = repairForm();
    s = await h.update(repairFormUpdate, { actor: a.engineer2, taskId: taskOf(s, 'repair_form'), data: form });
    expect(s.step).toBe('signature');
    const formHash = createHash('sha256').update(canonicalJson({ ticketNo: t.ticketNo, ...form })).digest('hex');
    expect((await stateOf(stack, t.ticketNo)).repairForms[0].hash).toBe(formHash);

    s = await h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(s, 'signature'), data: accept });
    expect(s.status).toBe('resolved');
    const done = await finished(t.ticketNo);
    expect(done.status).toBe('archived');
    expect(done.signature).toMatchObject({ signerName: '陈老师', formHash });

    const archive = await stack.orm.em.fork().findOneOrFail(ArchiveRecord, { ticketId: t.ticketNo });
    expect(archive.signature).toMatchObject({ signerName: '陈老师', signerDepartment: '信息科', formHash, image: accept.image });
    expect(archive.repairForm).toMatchObject({ handling: form.handling, hash: formHash });
    // The exported history is the real one: it contains the signature update the hospital sent.
    const events = (archive.history as { events: { eventType: string; workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest: { input: { name: string } } } }[] }).events;
    const accepted = events
      .filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED')
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest.input.name);
    expect(accepted).toEqual(['intake', 'triage', 'dispatchDecision', 'checkIn', 'repairForm', 'signature']);
    expect((await verifyArchiveChain(stack.orm.em.fork())).problems).toEqual([]);
    expect(await eventTypes(stack.orm, t.ticketNo)).toEqual([
      'created', 'triage_requested', 'triaged', 'dispatch_approved', 'checked_in', 'repair_form_submitted', 'signed', 'archived',
    ]);
    await recordHistory(stack, t.ticketNo, 'onsite-signed');
  });

  it('remote fails → dispatcher sends back → remote again → escalates → approved', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    let s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
    s = await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: escalate });
    expect(s.step).toBe('dispatch');
    s = await h.update(dispatchDecisionUpdate, { actor: a.dispatcher, taskId: taskOf(s, 'dispatch'), data: sendBack });
    expect(s).toMatchObject({ step: 'remote', assigneeId: a.engineer.userId });
    s = await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: escalate });
    s = await h.update(dispatchDecisionUpdate, { actor: a.dispatcher, taskId: taskOf(s, 'dispatch'), data: approve(a.engineer2.userId) });
    expect(s.step).toBe('onsite');
    const q = await stateOf(stack, t.ticketNo);
    expect(q.remoteAttempts).toHaveLength(2);
    expect(q.dispatchDecisions.map((d) => d.decision)).toEqual(['send_back', 'approve']);
  });

  it('hospital refuses to sign → the work goes back on site → a new form is signed', async () => {
    const t = await atSignature(stack, a);
    const h = handleOf(stack, t.ticketNo);
    let s = await h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(t, 'signature'), data: refuse });
    expect(s).toMatchObject({ status: 'open', step: 'onsite' });
    const q = await stateOf(stack, t.ticketNo);
    expect(q.refusals[0]).toMatchObject({ reason: refuse.reason, formHash: q.repairForms[0].hash });
    expect(s.tasks.map((x) => [x.kind, x.assigneeId])).toEqual([['checkin', a.engineer.userId]]);

    s = await h.update(checkInUpdate, { actor: a.engineer, taskId: taskOf(s, 'checkin'), data: { note: '二次上门' } });
    const second = { ...repairForm(), handling: '更换白板主机网卡并重装客户端' };
    s = await h.update(repairFormUpdate, { actor: a.engineer, taskId: taskOf(s, 'repair_form'), data: second });
    s = await h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(s, 'signature'), data: accept });
    const done = await finished(t.ticketNo);
    expect(done.repairForms).toHaveLength(2);
    // The signature vouches for the second form, not the refused one.
    expect(done.signature!.formHash).toBe(done.repairForms[1].hash);
    expect(done.signature!.formHash).not.toBe(done.repairForms[0].hash);
    const archive = await stack.orm.em.fork().findOneOrFail(ArchiveRecord, { ticketId: t.ticketNo });
    expect(archive.repairForm).toMatchObject({ handling: second.handling });
    await recordHistory(stack, t.ticketNo, 'onsite-refused-then-signed');
  });

  it('exposes the full state by query, deadlines included', async () => {
    const t = await openTicket(stack, a.dispatcher, { faultLevel: 1 });
    const q = await handleOf(stack, t.ticketNo).state();
    expect(q).toMatchObject({ ticketNo: t.ticketNo, step: 'triage', status: 'open', faultLevel: 1 });
    expect(q.sla.clocks.map((c) => [c.name, c.windowSeconds])).toEqual([
      ['reply', 30 * 60],
      ['firstSolution', 60 * 60],
    ]);
    const desc = await handleOf(stack, t.ticketNo).describe();
    expect(new Date(desc.searchAttributes.ReplyDueAt![0] as string | Date).getTime()).toBe(Date.parse(t.intake.receivedAt) + 30 * 60_000);
    // The start request set the first deadlines and the breach flag: the intake upserted nothing.
    expect(desc.searchAttributes).toMatchObject({ TicketStatus: ['open'], SlaBreached: [false], FaultLevel: [1] });
    expect(desc.searchAttributes.TicketStep).toBeUndefined();
    expect(await upsertsOf(t.ticketNo)).toEqual([]);
  });

  it('writes a step itself when its caller never did (the API died after the Update): nothing is lost', async () => {
    // Nobody writes what the Updates answered: only the workflow's own projection activity can
    // put the ticket in PostgreSQL.
    const { ticketNo, started, h } = await unwrittenTicket({ graceSeconds: 2 });
    await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(started, 'triage'), data: triage('remote', a.engineer.userId) });
    expect(await stack.orm.em.fork().findOne(Ticket, ticketNo)).toBeNull();
    const triaged = await waitForEvent(stack.orm, ticketNo, 'triaged', 15_000);
    expect(triaged.actorId).toBe(a.dispatcher.userId);
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, ticketNo)).toMatchObject({ step: 'remote', projectionSeq: 2 });
    expect(await eventTypes(stack.orm, ticketNo)).toEqual(['created', 'triage_requested', 'triaged']);
  });
});

/** The activities a ticket's history scheduled, in order. */
async function activitiesOf(ticketNo: string): Promise<string[]> {
  const { events } = await stack.client.workflow.getHandle(ticketWorkflowId(ticketNo)).fetchHistory();
  return (events ?? []).flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name ?? '?'] : []));
}

/** A ticket whose API dies after every Update: nobody writes what its Updates answer with. */
async function unwrittenTicket(opts: { hospitalId?: number; graceSeconds: number }) {
  const started = await openTicket(stack, a.dispatcher, { faultLevel: 3, hospitalId: opts.hospitalId, projectionGraceSeconds: opts.graceSeconds, unwritten: true });
  return { ticketNo: started.ticketNo, started, h: handleOf(stack, started.ticketNo, { unwritten: true }) };
}

describe('lean answers', () => {
  it('an Update answers with the ticket summary and the events it made, not the whole state', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const s = await handleOf(stack, t.ticketNo).update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('onsite', a.engineer.userId) });
    expect(Object.keys(s).sort()).toEqual(['assigneeId', 'faultLevel', 'projected', 'seq', 'status', 'step', 'tasks', 'ticketNo']);
    expect(s).toMatchObject({ ticketNo: t.ticketNo, status: 'open', step: 'dispatch', seq: 2 });
    expect(s.projected!.projections.map((p) => [p.seq, p.type])).toEqual([[2, 'triaged']]);
    expect(t.projected!.intake?.intake.ticketNo).toBe(t.ticketNo);
    // The whole state is still one query away.
    expect((await stateOf(stack, t.ticketNo)).triage).toMatchObject({ route: 'onsite', by: { userId: a.dispatcher.userId } });
  });

  it("a timer's own write takes unwritten events along: no grace write, no activity", async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 4, warnAt: [0.5] });
    const { ticketNo } = await unwrittenTicket({ hospitalId, graceSeconds: 60 });
    // Nobody wrote the ticket; the warning (2 s) comes long before the grace (60 s) and writes it all.
    const warning = await waitForEvent(stack.orm, ticketNo, 'sla_warning', 10_000);
    expect(warning.data).toMatchObject({ clock: 'reply', fraction: 0.5 });
    expect(await eventTypes(stack.orm, ticketNo)).toEqual(['created', 'triage_requested', 'sla_warning']);
    await waitForEvent(stack.orm, ticketNo, 'sla_breached', 10_000);
    expect(await activitiesOf(ticketNo)).toEqual([]);
  });

  it('the archive activity writes what nobody wrote, before the archive record', async () => {
    const { ticketNo, started, h } = await unwrittenTicket({ graceSeconds: 600 });
    const s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(started, 'triage'), data: triage('remote', a.engineer.userId) });
    await h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: resolvedRemotely });
    await h.result();
    expect(await eventTypes(stack.orm, ticketNo)).toEqual(['created', 'triage_requested', 'triaged', 'remote_resolved', 'archived']);
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, ticketNo)).toMatchObject({ status: 'archived', step: 'archived' });
    // One activity archives, writing what was pending and then the archived event with the record.
    expect(await activitiesOf(ticketNo)).toEqual(['archiveTicket']);
  });
});

describe('lean history', () => {
  it('an on-site flow ends in one activity, and upserts only what operators filter on', async () => {
    const t = await atSignature(stack, a, { faultLevel: 2, triageLevel: 1 });
    const h = handleOf(stack, t.ticketNo);
    await h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(t, 'signature'), data: accept });
    await h.result();
    expect(await activitiesOf(t.ticketNo)).toEqual(['archiveTicket']);
    // Triage moved the level (2 → 1: reply in 30 min, and a first-solution deadline); archiving
    // archived. No step or assignee upserts, no 'resolved' on the way.
    expect(await upsertsOf(t.ticketNo)).toEqual([['FaultLevel', 'ReplyDueAt', 'SolutionDueAt'], ['TicketStatus']]);
    // The step that closed the ticket left its timers pending: nothing cancels them at the end.
    expect(await timerEventsAfterLastUpdate(t.ticketNo)).toEqual([]);
    const desc = await h.describe();
    expect(desc.searchAttributes).toMatchObject({ TicketStatus: ['archived'], FaultLevel: [1], SlaBreached: [false] });
    expect(desc.searchAttributes.TicketStep).toBeUndefined();
    expect(desc.searchAttributes.AssigneeId).toBeUndefined();
    // The archived event, written with the record, vouches for it.
    const record = await stack.orm.em.fork().findOneOrFail(ArchiveRecord, { ticketId: t.ticketNo });
    const events = await stack.orm.em.fork().getConnection().execute<{ type: string; data: { archiveSeq: number; hash: string } }[]>(
      `select type, data from ticket_events where ticket_id = ? and type = 'archived'`,
      [t.ticketNo],
    );
    expect(events).toEqual([{ type: 'archived', data: { archiveSeq: record.seq, hash: record.hash } }]);
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ status: 'archived', step: 'archived' });
    expect((await eventTypes(stack.orm, t.ticketNo)).at(-1)).toBe('archived');
  });

  it('a timer that comes due while the archive record is being written says nothing', async () => {
    const { hospitalId, contact } = await hospitalWithPolicy(stack.orm, { replySeconds: 3600, signatureReminderSeconds: 2 });
    const t = await atSignature(stack, a, { hospitalId, faultLevel: 2 });
    const h = handleOf(stack, t.ticketNo);
    // The signature reminder is due in 2 s; the archive waits behind the chain's lock meanwhile.
    const lock = new PgClient({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [ARCHIVE_LOCK]);
      await h.update(signatureUpdate, { actor: contact, taskId: taskOf(t, 'signature'), data: accept });
      await new Promise((r) => setTimeout(r, 3500));
      expect(await stack.orm.em.fork().findOne(ArchiveRecord, { ticketId: t.ticketNo })).toBeNull();
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [ARCHIVE_LOCK]);
      await lock.end();
    }
    expect((await h.result()).status).toBe('archived');
    const types = await eventTypes(stack.orm, t.ticketNo);
    expect(types).not.toContain('reminder');
    expect(types.slice(-2)).toEqual(['signed', 'archived']);
  });
});

/** Timer events after the last Update completed in a ticket's history (the step that closed it). */
async function timerEventsAfterLastUpdate(ticketNo: string): Promise<string[]> {
  const events = (await stack.client.workflow.getHandle(ticketWorkflowId(ticketNo)).fetchHistory()).events ?? [];
  const last = events.map((e) => Boolean(e.workflowExecutionUpdateCompletedEventAttributes)).lastIndexOf(true);
  return events.slice(last + 1).flatMap((e) => Object.keys(e).filter((k) => /^timer\w+EventAttributes$/.test(k) && e[k as keyof typeof e]));
}

/** The search attributes each upsert in a ticket's history set, by name. */
async function upsertsOf(ticketNo: string): Promise<string[][]> {
  const { events } = await stack.client.workflow.getHandle(ticketWorkflowId(ticketNo)).fetchHistory();
  return (events ?? []).flatMap((e) => {
    const fields = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    return fields ? [Object.keys(fields).sort()] : [];
  });
}
