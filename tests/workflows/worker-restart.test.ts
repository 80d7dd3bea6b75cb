import { Ticket } from '../../db/entities';
import { checkInUpdate, dispatchDecisionUpdate, repairFormUpdate, signatureUpdate, triageUpdate } from '../../workflows/ticket/messages';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { eventTypes, waitForEvent } from '../../harness/ticket-events';
import { handleOf, openTicket, taskOf } from '../../harness/tickets';
import { accept, approve, repairForm, triage } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';

const { stack, a } = useStack();

describe('a worker restart in the middle of the flow', () => {
  it('loses nothing: a deadline that passed while no worker ran is escalated on restart, and the flow completes', async () => {
    const { hospitalId, contact } = await hospitalWithPolicy(stack.orm, { replySeconds: 600 }, { 1: { replySeconds: 600, firstSolutionSeconds: 3 } });
    const t = await openTicket(stack, a.dispatcher, { hospitalId, faultLevel: 1 });
    const h = handleOf(stack, t.ticketNo);
    const s = await h.update(triageUpdate, { actor: a.dispatcher, taskId: taskOf(t, 'triage'), data: triage('onsite', a.engineer.userId, 1) });

    await stack.stopWorker();
    await new Promise((r) => setTimeout(r, 4000));
    // Nothing ran the workflow while the first-solution deadline passed.
    expect(await eventTypes(stack.orm, t.ticketNo)).not.toContain('sla_breached');
    await stack.startWorker();

    const breach = await waitForEvent(stack.orm, t.ticketNo, 'sla_breached');
    expect(breach.data).toMatchObject({ clock: 'firstSolution' });
    // The new worker rebuilt the state from history: the same open task is still there.
    const q = await h.state();
    expect(q.tasks.map((x) => x.kind).sort()).toEqual(['dispatch', 'escalation']);
    expect(q.triage).toMatchObject({ route: 'onsite', by: { userId: a.dispatcher.userId } });

    let next = await h.update(dispatchDecisionUpdate, { actor: a.dispatcher, taskId: taskOf(s, 'dispatch'), data: approve(a.engineer.userId) });
    next = await h.update(checkInUpdate, { actor: a.engineer, taskId: taskOf(next, 'checkin'), data: {} });

    await stack.stopWorker();
    await stack.startWorker();
    next = await h.update(repairFormUpdate, { actor: a.engineer, taskId: taskOf(next, 'repair_form'), data: repairForm() });
    await h.update(signatureUpdate, { actor: contact, taskId: taskOf(next, 'signature'), data: accept });
    expect((await h.result()).status).toBe('archived');
    expect(await stack.orm.em.fork().findOneOrFail(Ticket, t.ticketNo)).toMatchObject({ status: 'archived', solutionBreached: true });
  });
});
