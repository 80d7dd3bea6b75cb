import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR, INSPECTION_PREFIX } from '../support/histories';

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

/**
 * Histories recorded from real runs, one per path through a flow (tickets', and inspections' under
 * the `inspection-` prefix), replayed against the current workflow code: a change that would make a
 * running ticket or inspection take another step than its history says fails here. Until release
 * 1.0 a change of behaviour re-records them in the same commit (the diff shows it); from 1.0 on,
 * tickets and inspections run across deployments (an inspection for weeks, until its signature), so
 * a change to what a running workflow does goes behind `patched('<change-id>')`: these histories
 * stay as they are and must keep replaying, the new path's are recorded beside them
 * (docs/workflow.md, "Changing the workflow").
 */
describe('replay of recorded ticket and inspection histories', () => {
  const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

  const TICKET_PATHS = ['onsite-signed', 'onsite-refused-then-signed', 'remote-resolved', 'cancelled-by-hospital', 'sla-breach-acknowledged', 'level-change-after-pause', 'restarted-then-resolved'];
  const INSPECTION_PATHS = [
    'signed',
    'sent-back-then-signed',
    'refused-then-signed',
    'cancelled',
    'overdue-then-submitted',
    'visit-reminded-then-confirmed',
    'signature-reminded',
    'write-refused',
    'archive-refused',
    'restarted-then-signed',
  ].map((p) => `${INSPECTION_PREFIX}${p}`);
  const isInspection = (f: string) => f.startsWith(INSPECTION_PREFIX);

  it.each([
    ['ticket', TICKET_PATHS, files.filter((f) => !isInspection(f))],
    ['inspection', INSPECTION_PATHS, files.filter(isInspection)],
  ])('has one %s history for every path, of one generation', (_kind, paths, recorded) => {
    expect([...recorded].sort()).toEqual(paths.map((p) => `${p}.json`).sort());
    for (const p of paths) expect(patchesOf(`${p}.json`)).toEqual([]);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.DESK_WORKFLOW_BUNDLE! } }, history, `replay-${file}`);
  });
});
