import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { ticketWorkflowId } from '../domain/ticket';

/**
 * What Temporal says of a ticket's workflow: running, completed (archived or cancelled), or lost:
 * `missing` (Temporal does not know it: its database was lost or restored from before the ticket)
 * or `failed` (failed, terminated, timed out or cancelled: it ended without closing the ticket).
 * Used by reconciliation and by the gateway when a step finds no workflow.
 */
export async function ticketWorkflowStatus(temporal: Client, ticketNo: string): Promise<'running' | 'completed' | 'missing' | 'failed'> {
  try {
    const { status } = await temporal.workflow.getHandle(ticketWorkflowId(ticketNo)).describe();
    if (status.name === 'RUNNING') return 'running';
    if (status.name === 'COMPLETED' || status.name === 'CONTINUED_AS_NEW') return 'completed';
    return 'failed';
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return 'missing';
    throw e;
  }
}
