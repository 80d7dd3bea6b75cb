import { workerKillDrill } from '../../harness/drills/scenarios';
import { drillLog, drillSeed, runPgServer, runTemporal } from './support';

describe('fault drill: kill -9 the worker process mid-run', () => {
  it('20 on-site flows over HTTP, worker SIGKILLed twice at random moments: all archived, no step twice, chain intact', async () => {
    const [outcome] = await workerKillDrill({
      flows: 20,
      concurrency: 10,
      kills: 2,
      // Early in the run, before any flow reaches its archive: a kill during an archiveTicket
      // activity costs that ticket its 2-minute start-to-close timeout (npm run drill covers that).
      window: [0.03, 0.18],
      seed: drillSeed(),
      log: drillLog,
      driveTimeoutMs: 200_000,
      pgServerUrl: runPgServer(),
      temporal: runTemporal(),
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.figures).toMatchObject({ 'flows archived': 20, 'worker kills (SIGKILL)': 2, 'archive records': 20, 'workflows completed': 20 });
  }, 300_000);
});
