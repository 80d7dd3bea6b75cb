import { pgOutageDrill } from '../../harness/drills/scenarios';
import { drillLog, drillSeed, runTemporal } from './support';

describe('fault drill: PostgreSQL stopped mid-run', () => {
  it('20 on-site flows, PostgreSQL down for 5 s: the API answers 503 meanwhile, activities retry, every flow ends archived once', async () => {
    const outcome = await pgOutageDrill({
      flows: 20,
      concurrency: 10,
      outageMs: 5_000,
      seed: drillSeed(),
      log: drillLog,
      driveTimeoutMs: 200_000,
      temporal: runTemporal(),
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.figures['probes during outage']).toBeGreaterThan(0);
    expect(outcome.figures['probe answers 503']).toBe(outcome.figures['probes during outage']);
    expect(outcome.figures).toMatchObject({ 'flows archived': 20, 'archive records': 20, 'workflows completed': 20 });
  }, 300_000);
});
