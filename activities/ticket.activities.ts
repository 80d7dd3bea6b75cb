import { applyProjections } from '../db/projector';
import type { ProjectionBatch } from '../domain/projection';
import type { ActivityDeps } from './deps';
import { refusedWrite } from './refused-write';

export function createTicketActivities({ orm }: ActivityDeps) {
  return {
    /**
     * The workflow's own write of events its callers have usually written already (the API does
     * so before it answers): whatever is missing lands, the rest is skipped. Retried until it lands.
     */
    async projectBatch(batch: ProjectionBatch): Promise<void> {
      try {
        await applyProjections(orm.em.fork(), batch);
      } catch (e) {
        const ticketNo = batch.intake?.intake.ticketNo ?? batch.projections[0]?.ticketNo;
        throw ticketNo ? await refusedWrite(orm.em.fork(), ticketNo, e) : e;
      }
    },
  };
}
