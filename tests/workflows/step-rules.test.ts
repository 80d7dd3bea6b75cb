import { TicketEvent } from '../../db/entities';
import type { StepResult } from '../../domain/projection';
import {
  INVALID_INPUT,
  STEP_REJECTED,
  addNoteUpdate,
  cancelUpdate,
  changeLevelUpdate,
  claimTaskUpdate,
  dispatchDecisionUpdate,
  pauseUpdate,
  reassignUpdate,
  remoteAttemptUpdate,
  resumeUpdate,
  signatureUpdate,
  triageUpdate,
} from '../../workflows/ticket/messages';
import { atSignature, handleOf, openTicket, refusal, taskOf } from '../../harness/tickets';
import { accept, approve, resolvedRemotely, triage } from '../../harness/step-data';
import { recordHistory } from '../support/histories';
import { useStack } from '../../harness/use-stack';

const { stack, a } = useStack();

async function historyLength(ticketNo: string): Promise<number> {
  return (await handleOf(stack, ticketNo).describe()).historyLength;
}

describe('who may do what, and when', () => {
  it('refuses a step from the wrong role or person, with a reason, and leaves no trace in history', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    const before = await historyLength(t.ticketNo);

    expect(await refusal(h.update(triageUpdate, { actor: a.engineer, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) }))).toMatchObject({
      type: STEP_REJECTED,
      message: 'This task is for the dispatcher role',
    });
    expect(await refusal(h.update(triageUpdate, { actor: a.cdphc, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) }))).toMatchObject({
      type: STEP_REJECTED,
    });
    // A step that is not the current one.
    expect(await refusal(h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: `${t.ticketNo}-T9`, data: resolvedRemotely }))).toMatchObject({
      type: STEP_REJECTED,
      message: expect.stringContaining('is not open'),
    });
    // A task id of the wrong kind.
    expect(await refusal(h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(t, 'triage'), data: resolvedRemotely }))).toMatchObject({
      message: expect.stringContaining('is a triage task, not remote'),
    });
    expect(await historyLength(t.ticketNo)).toBe(before);

    // Someone else's assignment.
    const s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
    expect(await refusal(h.update(remoteAttemptUpdate, { actor: a.engineer2, taskId: taskOf(s, 'remote'), data: resolvedRemotely }))).toMatchObject({
      message: 'This task is assigned to someone else',
    });
  });

  it('refuses incomplete step data field by field, as the API does', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    const bad = { ...triage('remote', a.engineer.userId), analysis: '  ', faultLevel: 9 };
    const r = await refusal(h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: bad as never }));
    expect(r.type).toBe(INVALID_INPUT);
    expect(Object.keys(r.details![0] as object).sort()).toEqual(['analysis', 'faultLevel']);
  });

  it('lets only a contact of the requesting hospital sign', async () => {
    const s = await atSignature(stack, a);
    const h = handleOf(stack, s.ticketNo);
    for (const who of [a.demo2, a.dispatcher, a.engineer]) {
      expect(await refusal(h.update(signatureUpdate, { actor: who, taskId: taskOf(s, 'signature'), data: accept }))).toMatchObject({
        message: 'Only a contact of the hospital that raised the request can sign',
      });
    }
    expect(await refusal(h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(s, 'signature'), data: { ...accept, image: 'data:image/gif;base64,AAAA' } }))).toMatchObject({
      type: INVALID_INPUT,
      message: 'Signature must be a PNG image',
    });
    await h.update(signatureUpdate, { actor: a.cdphc, taskId: taskOf(s, 'signature'), data: accept });
  });

  it('applies the escape hatches only where they make sense', async () => {
    const t = await openTicket(stack, a.cdphc);
    const h = handleOf(stack, t.ticketNo);
    const note = (actor = a.demo2) => h.update(addNoteUpdate, { actor, text: '补充：仅三楼 PDA 受影响', audience: 'hospital' });
    expect(await refusal(note(a.demo2))).toMatchObject({ message: 'Not your hospital’s ticket' });
    await note(a.cdphc);
    expect(await refusal(h.update(resumeUpdate, { actor: a.dispatcher }))).toMatchObject({ message: 'The clock is not paused' });
    expect(await refusal(h.update(pauseUpdate, { actor: a.engineer, reason: '等待医院' }))).toMatchObject({
      message: 'Only a dispatcher, a manager or the assigned engineer can pause the clock',
    });
    await h.update(pauseUpdate, { actor: a.dispatcher, reason: '等待医院提供日志' });
    expect(await refusal(h.update(pauseUpdate, { actor: a.dispatcher, reason: 'x' }))).toMatchObject({ message: 'The clock is already paused' });
    expect(await refusal(h.update(changeLevelUpdate, { actor: a.dispatcher, faultLevel: 2, reason: 'x' }))).toMatchObject({ message: 'The ticket is already level 2' });
    expect(await refusal(h.update(changeLevelUpdate, { actor: a.engineer, faultLevel: 1, reason: 'x' }))).toMatchObject({ type: STEP_REJECTED });
    expect(await refusal(h.update(reassignUpdate, { actor: a.engineer, assigneeId: a.engineer.userId, reason: 'x' }))).toMatchObject({
      message: 'Only a dispatcher or manager can reassign',
    });
    expect(await refusal(h.update(cancelUpdate, { actor: a.demo2, reason: '误报' }))).toMatchObject({ type: STEP_REJECTED });
    expect(await refusal(h.update(cancelUpdate, { actor: a.dispatcher, reason: ' ' }))).toMatchObject({ type: INVALID_INPUT });

    // The hospital may withdraw its own request before work starts.
    const cancelled = await h.update(cancelUpdate, { actor: a.cdphc, reason: '误报，已自行恢复' });
    expect(cancelled).toMatchObject({ status: 'cancelled', step: 'cancelled', tasks: [] });
    expect(await refusal(note(a.cdphc))).toMatchObject({ message: 'The ticket is cancelled' });
    const done = await h.result();
    expect(done).toMatchObject({ status: 'cancelled', cancelReason: '误报，已自行恢复' });
    expect(done.archiveHash).toMatch(/^[0-9a-f]{64}$/);
    await recordHistory(stack, t.ticketNo, 'cancelled-by-hospital');
  });

  it('does not let a hospital cancel once work has started', async () => {
    const t = await openTicket(stack, a.cdphc);
    const h = handleOf(stack, t.ticketNo);
    await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
    expect(await refusal(h.update(cancelUpdate, { actor: a.cdphc, reason: '不需要了' }))).toMatchObject({
      message: 'Work has started; ask the dispatcher to cancel',
    });
  });

  it('reassigns the current task and lets the new assignee finish it', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    let s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) });
    s = await h.update(reassignUpdate, { actor: a.manager, assigneeId: a.engineer2.userId, reason: '张工休假' });
    expect(s.tasks[0].assigneeId).toBe(a.engineer2.userId);
    expect(await refusal(h.update(remoteAttemptUpdate, { actor: a.engineer, taskId: taskOf(s, 'remote'), data: resolvedRemotely }))).toMatchObject({
      message: 'This task is assigned to someone else',
    });
    await h.update(remoteAttemptUpdate, { actor: a.engineer2, taskId: taskOf(s, 'remote'), data: resolvedRemotely });
    expect((await h.result()).status).toBe('archived');
  });
});

describe('concurrency and retries', () => {
  it('of two dispatchers approving the same dispatch, exactly one wins; the other is told why', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    const s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('onsite', a.engineer.userId) });
    const taskId = taskOf(s, 'dispatch');
    const results = await Promise.allSettled([
      h.update(dispatchDecisionUpdate, { actor: a.dispatcher, taskId, data: approve(a.engineer.userId) }),
      h.update(dispatchDecisionUpdate, { actor: a.dispatcher2, taskId, data: approve(a.engineer2.userId) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(await refusal(Promise.reject(lost.reason))).toMatchObject({ type: STEP_REJECTED, message: expect.stringContaining('is not open') });
    const events = await stack.orm.em.fork().find(TicketEvent, { ticket: t.ticketNo, type: 'dispatch_approved' });
    expect(events).toHaveLength(1);
  });

  it('of two dispatchers claiming the same triage, exactly one holds it', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    const taskId = taskOf(t, 'triage');
    const results = await Promise.allSettled([
      h.update(claimTaskUpdate, { actor: a.dispatcher, taskId }),
      h.update(claimTaskUpdate, { actor: a.dispatcher2, taskId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<StepResult>).value;
    expect([a.dispatcher.userId, a.dispatcher2.userId]).toContain(winner.tasks[0].assigneeId);
  });

  it('a retried step with the same update id is applied once and answers the same', async () => {
    const t = await openTicket(stack, a.dispatcher);
    const h = handleOf(stack, t.ticketNo);
    const step = { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('remote', a.engineer.userId) };
    const updateId = `${taskOf(t, 'triage')}:complete:${a.dispatcher.userId}`;
    const first = await h.update(triageUpdate, step, updateId);
    const again = await h.update(triageUpdate, step, updateId);
    expect(again).toEqual(first);
    const triaged = await stack.orm.em.fork().find(TicketEvent, { ticket: t.ticketNo, type: 'triaged' });
    expect(triaged).toHaveLength(1);
  });
});
