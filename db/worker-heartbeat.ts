import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './sql';

/** How often a worker writes its row while it polls (docs/decisions.md, "Worker liveness from a heartbeat row"). */
export const HEARTBEAT_EVERY_MS = 10_000;
/** A row younger than this is a live worker: three beats, so one slow write is not an outage. */
export const HEARTBEAT_FRESH_MS = 30_000;

/** The worker `id` is alive now (insert or refresh); rows of workers gone for a day are cleared on the way. */
export async function writeHeartbeat(em: EntityManager, id: string, taskQueue: string, startedAt: Date): Promise<void> {
  await sql(
    em,
    `with gone as (delete from worker_heartbeats where beat_at < now() - interval '1 day')
     insert into worker_heartbeats (id, task_queue, beat_at, started_at) values (?, ?, now(), ?)
     on conflict (id) do update set beat_at = now()`,
    [id, taskQueue, startedAt],
  );
}

/** The worker shut down: it no longer counts, at once. */
export async function removeHeartbeat(em: EntityManager, id: string): Promise<void> {
  await sql(em, 'delete from worker_heartbeats where id = ?', [id]);
}

/** How many workers on `taskQueue` beat within the window. */
export async function liveWorkers(em: EntityManager, taskQueue: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    em,
    `select count(*)::int as n from worker_heartbeats where task_queue = ? and beat_at > now() - make_interval(secs => ?)`,
    [taskQueue, HEARTBEAT_FRESH_MS / 1000],
  );
  return row.n;
}
