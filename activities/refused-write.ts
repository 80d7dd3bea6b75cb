import { ApplicationFailure } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { markInspectionFailed } from '../db/inspection-state';
import { markWorkflowLost } from '../db/workflow-state';
import { causes } from '../platform/causes';

/** The failure type a workflow ends with when PostgreSQL refuses what it made (docs/decisions.md). */
export const WRITE_REFUSED = 'WriteRefusedByDatabase';

/**
 * SQLSTATE classes of a write PostgreSQL will refuse however often it is retried: 22 data exception
 * (a NUL in JSON, a value out of range, text too long), 23 integrity constraint violation, 42
 * syntax or access rule. An outage (08, 53, 57) is not among them: that one is retried until it lands.
 */
const REFUSED_STATES = /^(22|23|42)[0-9A-Z]{3}$/;

function sqlState(e: unknown): string | undefined {
  return causes(e)
    .map((err) => err.code)
    .find((code): code is string => typeof code === 'string' && REFUSED_STATES.test(code));
}

/**
 * A ticket's write the database refused for its content: retrying would loop for ever with no one
 * told (a NUL in a note once did). Instead the ticket is marked failed with its manager task at once,
 * and the activity fails for good, so the workflow ends failed; a manager restarts the ticket from
 * what PostgreSQL holds. Any other error is handed back as it was, to be retried.
 */
export async function refusedWrite(em: EntityManager, ticketNo: string, e: unknown): Promise<unknown> {
  const state = sqlState(e);
  if (!state) return e;
  await markWorkflowLost(em, ticketNo, 'failed');
  return ApplicationFailure.nonRetryable(`PostgreSQL refused the ticket's events (SQLSTATE ${state}): ${(e as Error).message}`, WRITE_REFUSED);
}

/**
 * The same rule for an inspection's write (a step, a timer, the archive): the row is marked failed
 * and the managers notified once, and the activity fails for good, so the step's caller hears it
 * and the run ends failed. Any other error is handed back as it was, to be retried.
 */
export async function refusedInspectionWrite(em: EntityManager, inspectionId: number, e: unknown): Promise<unknown> {
  const state = sqlState(e);
  if (!state) return e;
  await markInspectionFailed(em, inspectionId);
  return ApplicationFailure.nonRetryable(`PostgreSQL refused the inspection's write (SQLSTATE ${state}): ${(e as Error).message}`, WRITE_REFUSED);
}
