import type { OccurrenceRow, OccurrenceStart, OccurrenceState } from './record';

/** One line of `inspection_events` as a restart reads it. */
export interface RecordedStep {
  seq: number;
  type: string;
  at: number;
}

const lastSeq = (events: readonly RecordedStep[], type: string) => events.reduce((n, e) => (e.type === type && e.seq > n ? e.seq : n), 0);

/**
 * The state a failed occurrence's new run carries on from (docs/workflow.md, "Restarting an
 * inspection"): what its row last took, and from its events which reminders were already sent.
 * What the refused write carried never reached the row, so it is not here: that step is taken again.
 */
export function resumedState(start: OccurrenceStart, row: OccurrenceRow, events: readonly RecordedStep[]): OccurrenceState {
  const confirmed = lastSeq(events, 'confirmed');
  const approved = lastSeq(events, 'approved');
  const signing = row.status === 'signature';
  return {
    ...row,
    start,
    seq: Math.max(row.seq, ...events.map((e) => e.seq)),
    // Reminded of this visit already (after its last confirmation): not again. The instant is the start's, of today's visit date.
    visitReminderAt: start.visitReminderAt,
    visitReminded: events.some((e) => e.type === 'visit_reminder' && e.seq > confirmed),
    signatureSince: signing ? (row.review?.at ?? events.find((e) => e.seq === approved)?.at ?? null) : null,
    signatureReminders: signing ? events.filter((e) => e.type === 'signature_reminder' && e.seq > approved).length : 0,
    archive: null,
  };
}
