import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';

/**
 * Histories recorded from real runs, replayed against the current workflow code. A change that
 * would break tickets already running in production (a non-deterministic change without
 * `patched()`) fails here.
 */
describe('replay of recorded ticket histories', () => {
  const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

  it('has the recorded paths to check against', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining(['onsite-signed.json', 'onsite-refused-then-signed.json', 'remote-resolved.json', 'cancelled-by-hospital.json', 'sla-breach-acknowledged.json', 'level-change-after-pause.json']),
    );
  });

  it.each(fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')))('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.DESK_WORKFLOW_BUNDLE! } }, history, `replay-${file}`);
  });
});
