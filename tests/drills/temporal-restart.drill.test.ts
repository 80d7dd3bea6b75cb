import { temporalRestartDrill } from '../../harness/drills/scenarios';
import { drillLog, drillSeed, runPgServer } from './support';

describe('fault drill: restart the Temporal server mid-run', () => {
  it('20 on-site flows, the dev server (SQLite state) stopped and started, then crashed and kept down 16–20 s: the same API and worker processes carry on, nothing lost', async () => {
    const outcome = await temporalRestartDrill({
      flows: 20,
      concurrency: 10,
      restarts: 2,
      // Early in the run (see worker-kill.drill.test.ts); npm run drill restarts anywhere.
      window: [0.08, 0.3],
      seed: drillSeed(),
      log: drillLog,
      driveTimeoutMs: 200_000,
      pgServerUrl: runPgServer(),
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.figures).toMatchObject({ 'flows archived': 20, 'Temporal restarts': 2, 'worker process restarts needed': 0, 'workflows completed': 20 });
  }, 300_000);
});
