import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TicketState } from '../domain/ticket';

/** Full current state of a ticket. */
export const stateQuery = defineQuery<TicketState>('state');

/**
 * Sent together with the workflow start (update-with-start): returns once the ticket row is
 * written, so the client that created the ticket can read it straight away.
 */
export const intakeUpdate = defineUpdate<TicketState>('intake');
