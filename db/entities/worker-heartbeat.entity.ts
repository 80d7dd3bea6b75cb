import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * One row per running worker, written every few seconds while it polls its task queue and deleted
 * when it shuts down: `/api/ready` and the gateway read "is any worker alive" from here
 * (docs/decisions.md, "Worker liveness from a heartbeat row").
 */
export const WorkerHeartbeat = defineEntity({
  name: 'WorkerHeartbeat',
  tableName: 'worker_heartbeats',
  indexes: [{ properties: ['taskQueue', 'beatAt'] }],
  properties: (p) => ({
    /** The worker's identity and a random suffix: two workers of one process are two rows. */
    id: p.string().length(200).primary(),
    taskQueue: p.string().length(200),
    beatAt: p.datetime(),
    startedAt: p.datetime(),
  }),
});
export type IWorkerHeartbeat = InferEntity<typeof WorkerHeartbeat>;
