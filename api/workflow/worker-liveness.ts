import type { Orm } from '../../db/orm';
import { liveWorkers } from '../../db/worker-heartbeat';

/**
 * "Does any worker poll the ticket task queue?", from the workers' heartbeat rows. A yes is kept
 * for `cacheMs` (one query per couple of seconds, not per step); a no is asked again each time, so
 * a worker that comes back counts at once. Concurrent askers share one query.
 */
export function workerLiveness(orm: Orm, taskQueue: string, cacheMs = 1000): () => Promise<boolean> {
  let aliveUntil = 0;
  let asking: Promise<boolean> | undefined;
  return async () => {
    if (Date.now() < aliveUntil) return true;
    asking ??= liveWorkers(orm.em.fork(), taskQueue)
      .then((n) => {
        if (n > 0) aliveUntil = Date.now() + cacheMs;
        return n > 0;
      })
      .finally(() => (asking = undefined));
    return asking;
  };
}
