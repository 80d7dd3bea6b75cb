import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';

/**
 * Histories recorded from real runs, one per path through the flow, replayed against the current
 * workflow code. Until release 1.0 a change of behaviour re-records them in the same commit (the
 * diff shows it); from 1.0 on, running tickets must replay, so a change goes behind `patched()`.
 */
/** The patch ids a recorded history carries (marker details are base64 JSON payloads). */
function patchesOf(file: string): string[] {
  type Marker = { markerName?: string; details?: Record<string, { payloads?: { data?: string }[] }> };
  const { events } = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as { events: { markerRecordedEventAttributes?: Marker }[] };
  // Local activities leave markers too; only patch markers carry a patch id.
  return events
    .map((e) => e.markerRecordedEventAttributes)
    .filter((m): m is Marker => m?.markerName === 'core_patch')
    .flatMap((m) => Object.values(m.details ?? {}).flatMap((d) => (d.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data ?? '', 'base64').toString('utf8')) as { id?: string }).id ?? '')));
}

describe('replay of recorded ticket histories', () => {
  const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

  const PATHS = ['onsite-signed', 'onsite-refused-then-signed', 'remote-resolved', 'cancelled-by-hospital', 'sla-breach-acknowledged', 'level-change-after-pause', 'restarted-then-resolved'];

  it('has one history for every path, of one generation', () => {
    expect(files.sort()).toEqual(PATHS.map((p) => `${p}.json`).sort());
    for (const p of PATHS) expect(patchesOf(`${p}.json`)).toEqual([]);
  });

  it.each(fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')))('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.DESK_WORKFLOW_BUNDLE! } }, history, `replay-${file}`);
  });
});
