/** What the fast drills share: the run's services from global setup, a seed, and a log line format. */
import type { TemporalTarget } from '../../harness/drills/infra';

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the drills through jest (global setup provides it)`);
  return v;
}

/** The run's Temporal dev server (in memory; the drills use task queues of their own). */
export const runTemporal = (): TemporalTarget => ({ address: env('TEMPORAL_ADDRESS'), namespace: env('TEMPORAL_NAMESPACE') });

/** The run's PostgreSQL server; each drill creates (and drops) a database of its own on it. */
export const runPgServer = () => env('DESK_TEST_PG_SERVER');

/** DESK_DRILL_SEED replays a fault plan; otherwise a fresh one each run (printed with the result). */
export const drillSeed = () => (process.env.DESK_DRILL_SEED ? Number(process.env.DESK_DRILL_SEED) : Math.floor(Math.random() * 2 ** 31));

export const drillLog = (line: string) => process.stdout.write(`[drill] ${line}\n`);
