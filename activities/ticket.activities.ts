import { applyProjections } from '../db/projector';
import type { IntakeRecord, Projection, ProjectionBatch } from '../domain/projection';
import type { ActivityDeps } from './deps';

export function createTicketActivities({ orm }: ActivityDeps) {
  return {
    /**
     * The workflow's own write of events its callers have usually written already (the API does
     * so before it answers): whatever is missing lands, the rest is skipped. Retried until it lands.
     */
    async projectBatch(batch: ProjectionBatch): Promise<void> {
      await applyProjections(orm.em.fork(), batch);
    },

    /** Tickets started before api-projections: the ticket row and its "created" event. */
    async recordIntake(input: IntakeRecord): Promise<void> {
      await applyProjections(orm.em.fork(), { intake: input, projections: [] });
    },

    /** Tickets started before api-projections: one event at a time, in order. */
    async project(p: Projection): Promise<void> {
      await applyProjections(orm.em.fork(), { projections: [p] });
    },
  };
}
