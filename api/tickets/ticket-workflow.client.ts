import type { EntityManager } from '@mikro-orm/postgresql';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { formatTicketNo, ticketWorkflowId, type TicketIntake, type TicketState } from '../../domain/ticket';
import { SA } from '../../workflows/search-attributes';
import { intakeUpdate } from '../../workflows/ticket.messages';
import type { ticketWorkflow } from '../../workflows/ticket.workflow';

/** Next ticket number from the database sequence (never reused, even after a crash). */
export async function nextTicketNo(em: EntityManager, receivedAt: Date, timeZone: string): Promise<string> {
  const [{ serial }] = await em.getConnection().execute<{ serial: string }[]>(`select nextval('ticket_no_seq') as serial`);
  return formatTicketNo(receivedAt, Number(serial), timeZone);
}

/**
 * Starts the ticket's workflow and waits, in the same call (update-with-start), until its row and
 * first task are written. A second call with the same ticket number fails: one workflow per ticket.
 */
export function startTicketWorkflow(
  client: Client,
  taskQueue: string,
  intake: TicketIntake,
  conflictPolicy: 'FAIL' | 'USE_EXISTING' = 'FAIL',
): Promise<TicketState> {
  return client.workflow.executeUpdateWithStart(intakeUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', {
      workflowId: ticketWorkflowId(intake.ticketNo),
      taskQueue,
      args: [intake],
      workflowIdConflictPolicy: conflictPolicy,
      // A ticket number never runs twice, not even after its first run has closed.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SA.ticketNo, value: intake.ticketNo },
        { key: SA.hospitalId, value: String(intake.hospitalId) },
        { key: SA.status, value: 'open' },
        { key: SA.step, value: 'intake' },
        ...(intake.faultLevel ? [{ key: SA.faultLevel, value: intake.faultLevel }] : []),
      ],
    }),
  });
}
