/**
 * `npm run drill`: the fault drills at full size (issue 6). Real processes, real failures:
 *   1. kill -9 the worker at random moments while 200 on-site flows run over HTTP;
 *   2. restart the Temporal dev server (same SQLite file) mid-run;
 *   3. stop PostgreSQL for 20 s mid-run (the API must answer 503 meanwhile);
 *   4. verify the archive hash chain end to end and show every tampered row is detected.
 * Prints a summary with figures and exits 1 if anything failed.
 *
 * Options: --only worker,temporal,pg,archive   --flows 200   --concurrency 12   --kills 4
 *          --restarts 2   --outage-s 20   --seed <n>   --keep-logs
 */
import { parseArgs } from 'node:util';
import { archiveDrill, pgOutageDrill, temporalRestartDrill, workerKillDrill, type DrillOutcome } from '../harness/drills/scenarios';
import { formatSummary } from '../harness/drills/summary';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'worker,temporal,pg,archive' },
    flows: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '12' },
    kills: { type: 'string', default: '4' },
    restarts: { type: 'string', default: '2' },
    'outage-s': { type: 'string', default: '20' },
    seed: { type: 'string' },
    'keep-logs': { type: 'boolean', default: false },
  },
});

const int = (name: string, v: string | undefined, min: number, max: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
};

// Drills are demo runs: without a key of their own, checkpoints are signed with the demo key.
if (!process.env.DESK_ARCHIVE_KEY) process.env.DESK_DEMO ??= '1';

async function main(): Promise<number> {
  const only = new Set(values.only!.split(',').map((s) => s.trim()));
  for (const x of only) {
    if (!['worker', 'temporal', 'pg', 'archive'].includes(x)) {
      console.error(`--only: unknown drill "${x}" (worker, temporal, pg, archive)`);
      return 2;
    }
  }
  const flows = int('flows', values.flows, 3, 1000);
  const concurrency = int('concurrency', values.concurrency, 1, 64);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : int('seed', values.seed, 0, 2 ** 31);
  const started = Date.now();
  const log = (line: string) => console.log(`[drill +${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  // Generous but bounded: 200 flows take a few minutes on two cores, faults add their stalls.
  const driveTimeoutMs = Math.max(300_000, flows * 3_000);
  const common = { flows, concurrency, log, driveTimeoutMs, keepLogs: values['keep-logs'] };
  log(`fault drills: ${[...only].join(', ')}; ${flows} flows each, ${concurrency} at a time; seed ${seed}`);

  const outcomes: DrillOutcome[] = [];
  const guard = async (name: string, fn: () => Promise<DrillOutcome | DrillOutcome[]>) => {
    try {
      const r = await fn();
      outcomes.push(...(Array.isArray(r) ? r : [r]));
    } catch (e) {
      log(`FAIL ${name}: ${(e as Error).message}`);
      outcomes.push({ name, ok: false, seed, durationMs: 0, figures: {}, failures: [(e as Error).message] });
    }
  };
  if (only.has('worker')) {
    // The archive drill then runs on the archive the killed workers wrote.
    await guard('worker kill -9', () => workerKillDrill({ ...common, seed, kills: int('kills', values.kills, 1, 20), archiveDrill: only.has('archive') }));
  } else if (only.has('archive')) {
    await guard('archive hash chain', () => archiveDrill({ ...common, seed }));
  }
  if (only.has('temporal')) await guard('Temporal restart', () => temporalRestartDrill({ ...common, seed: seed + 1, restarts: int('restarts', values.restarts, 1, 10) }));
  if (only.has('pg')) await guard('PostgreSQL outage', () => pgOutageDrill({ ...common, seed: seed + 2, outageMs: int('outage-s', values['outage-s'], 1, 300) * 1000 }));

  console.log('');
  console.log(formatSummary(outcomes, Date.now() - started));
  return outcomes.length && outcomes.every((o) => o.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
