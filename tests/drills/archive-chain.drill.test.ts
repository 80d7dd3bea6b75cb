import { TAMPER_CASES } from '../../harness/drills/archive-tamper';
import { archiveDrill } from '../../harness/drills/scenarios';
import { drillLog, drillSeed, runPgServer, runTemporal } from './support';

describe('fault drill: the archive hash chain', () => {
  it('verifies end to end, and every edit behind the database’s back (content, prevHash, seq order, deletion) is detected and undone', async () => {
    const outcome = await archiveDrill({
      flows: 8,
      concurrency: 8,
      seed: drillSeed(),
      log: drillLog,
      driveTimeoutMs: 120_000,
      pgServerUrl: runPgServer(),
      temporal: runTemporal(),
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.figures).toMatchObject({ 'records verified': 8, 'tamper cases': TAMPER_CASES.length, missed: 0 });
  }, 240_000);
});
