import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectionBatch } from '../domain/projection';
import { sql } from './sql';

/**
 * Writes workflow events into PostgreSQL. Two writers call it with the same projections: the API,
 * straight after an Update it sent has completed (so the answer to the user already shows the
 * step), and the workflow's own projection activity a little later (so nothing is lost if the API
 * died in between). Both may run at once and in any order, hence:
 * - the ticket row is locked first, so projections of one ticket apply one at a time;
 * - each event is written once (`${ticketNo}:${seq}`): the second writer finds it and skips it;
 * - the ticket row and open-task rows only take a projection newer than the one they show, while
 *   what only ever moves forward (closing a task, events, notifications) applies whatever the order.
 */
export async function applyProjections(em: EntityManager, batch: ProjectionBatch): Promise<void> {
  if (!batch.intake && !batch.projections.length) return;
  // One round trip: the statements live in desk_apply_projections (migration 20261126190000).
  await sql(em, 'select desk_apply_projections(?::jsonb)', [JSON.stringify(batch)]);
}
