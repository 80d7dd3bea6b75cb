import { loadSlaTargets } from '../db/sla-targets';
import type { ActivityDeps } from './deps';

export function createSlaActivities({ orm }: ActivityDeps) {
  return {
    /** For tickets whose starter did not pass the hospital's terms along (see the intake's options). */
    async loadSlaPolicy(hospitalId: number) {
      return loadSlaTargets(orm.em.fork(), hospitalId);
    },
  };
}
