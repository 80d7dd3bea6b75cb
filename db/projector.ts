import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectionBatch } from '../domain/projection';
import { sql } from './sql';

/** Writes workflow events into PostgreSQL, idempotently and in any order (the rules: db/sql/projections.sql). */
export async function applyProjections(em: EntityManager, batch: ProjectionBatch): Promise<void> {
  if (!batch.intake && !batch.projections.length) return;
  await sql(em, 'select desk_apply_projections(?::jsonb)', [JSON.stringify(batch)]);
}
