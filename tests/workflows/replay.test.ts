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

  const PATHS = ['onsite-signed', 'onsite-refused-then-signed', 'remote-resolved', 'cancelled-by-hospital', 'sla-breach-acknowledged', 'level-change-after-pause'];

  it('has every recorded path, for each generation of running tickets', () => {
    // v1: projections as ordinary activities, before any patch.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `v1-activity-projections-${p}.json`)));
    // v2: `patched('local-projections')`, projections as local activities.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `v2-local-projections-${p}.json`)));
    // v3: `patched('durable-projections')`, ordinary activities again.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `v3-durable-projections-${p}.json`)));
    // v4: `patched('api-projections')`, the API writes what Updates answer with.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `v4-api-projections-${p}.json`)));
    for (const p of PATHS) expect(patchesOf(`v4-api-projections-${p}.json`)).toEqual(['api-projections']);
    // v5: `patched('lean-answers')`, Updates answer with a summary and their events.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `v5-lean-answers-${p}.json`)));
    for (const p of PATHS) expect(patchesOf(`v5-lean-answers-${p}.json`)).toEqual(['lean-answers']);
    // current: `patched('lean-history')`, one activity to archive, fewer search attribute upserts.
    expect(files).toEqual(expect.arrayContaining(PATHS.map((p) => `${p}.json`)));
    for (const p of PATHS) expect(patchesOf(`${p}.json`)).toEqual(['lean-history']);
  });

  it.each(fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')))('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.DESK_WORKFLOW_BUNDLE! } }, history, `replay-${file}`);
  });
});
