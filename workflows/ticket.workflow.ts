import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { deadline } from '../domain/sla';
import type { TicketIntake, TicketState } from '../domain/ticket';
import { SA } from './search-attributes';
import { intakeUpdate, stateQuery } from './ticket.messages';

const acts = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  // Projection writes must eventually land: retry through database outages, never give up.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** One service request (服务请求), from intake to archive. */
export async function ticketWorkflow(intake: TicketIntake): Promise<TicketState> {
  const state: TicketState = {
    ticketNo: intake.ticketNo,
    status: 'open',
    step: 'intake',
    faultLevel: intake.faultLevel,
    receivedAt: intake.receivedAt,
    intakeRecorded: false,
  };
  setHandler(stateQuery, () => state);
  setHandler(intakeUpdate, async () => {
    await condition(() => state.intakeRecorded);
    return state;
  });

  // The row is written by the workflow itself, not by the update: a client that dies right after
  // starting the workflow still leaves a visible ticket behind.
  const policy = await acts.loadSlaPolicy(intake.hospitalId);
  const target = intake.faultLevel ? policy.find((t) => t.level === intake.faultLevel) : undefined;
  const replyDueAt = target ? deadline(new Date(intake.receivedAt), target.replySeconds).toISOString() : null;
  await acts.recordIntake({ intake, step: 'triage', replyDueAt });
  state.step = 'triage';
  state.intakeRecorded = true;
  upsertSearchAttributes([
    { key: SA.step, value: state.step },
    ...(replyDueAt ? [{ key: SA.replyDueAt, value: new Date(replyDueAt) }] : []),
  ]);

  // Triage and the steps after it arrive with the service-flow issue; until then the ticket waits.
  await condition(() => state.status !== 'open');
  return state;
}
