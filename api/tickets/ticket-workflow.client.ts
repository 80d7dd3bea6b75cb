import type { EntityManager } from '@mikro-orm/postgresql';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { applyProjections } from '../../db/projector';
import type { Orm } from '../../db/orm';
import type { StepResult } from '../../domain/projection';
import { formatTicketNo, ticketWorkflowId, type TicketIntake, type TicketWorkflowOptions } from '../../domain/ticket';
import { startSearchAttributes } from '../../workflows/search-attributes';
import { intakeUpdate } from '../../workflows/ticket.messages';
import type { ticketWorkflow } from '../../workflows/ticket.workflow';

/** Next ticket number from the database sequence (never reused, even after a crash). */
export async function nextTicketNo(em: EntityManager, receivedAt: Date, timeZone: string): Promise<string> {
  const [{ serial }] = await em.getConnection().execute<{ serial: string }[]>(`select nextval('ticket_no_seq') as serial`);
  return formatTicketNo(receivedAt, Number(serial), timeZone);
}

/**
 * Starts the ticket's workflow and, in the same call (update-with-start), gets back its first row
 * and task to write. A second call with the same ticket number fails: one workflow per ticket.
 */
export function startTicketWorkflow(
  client: Client,
  taskQueue: string,
  intake: TicketIntake,
  conflictPolicy: 'FAIL' | 'USE_EXISTING' = 'FAIL',
  options: TicketWorkflowOptions = {},
): Promise<StepResult> {
  return client.workflow.executeUpdateWithStart(intakeUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', {
      workflowId: ticketWorkflowId(intake.ticketNo),
      taskQueue,
      args: [intake, options],
      workflowIdConflictPolicy: conflictPolicy,
      // A ticket number never runs twice, not even after its first run has closed.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: startSearchAttributes(intake, options.slaTargets),
    }),
  });
}

/**
 * Writes the events an Update answered with, before the caller answers its own user: the step is
 * already in the workflow's history, so the database never shows what the history does not hold.
 * Tickets from before api-projections answer without events: the workflow wrote them itself.
 */
export async function writeProjected(orm: Orm, result: unknown): Promise<void> {
  const projected = (result as StepResult | null | undefined)?.projected;
  if (projected && (projected.intake || projected.projections.length)) await applyProjections(orm.em.fork(), projected);
}
