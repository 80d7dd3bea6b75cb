import type { EntityManager } from '@mikro-orm/postgresql';
import type { IInspection } from '../../db/entities';
import { occurrenceStartOf } from '../../db/inspection-start';
import { sql } from '../../db/sql';
import type { OccurrenceRow, OccurrenceStart, OccurrenceState } from '../../domain/inspection/record';
import { resumedState, type RecordedStep } from '../../domain/inspection/resume';

/** The row's columns the run writes, as the run holds them. */
function rowOf(i: IInspection, start: OccurrenceStart): OccurrenceRow {
  return {
    status: i.status,
    seq: i.projectionSeq,
    visitDate: i.visitDate,
    // Null until confirmed: the plan's systems, as a fresh run starts with.
    systemCodes: i.systemCodes ?? start.systemCodes,
    confirmNote: i.confirmNote ?? null,
    checklist: i.checklist ?? {},
    summary: i.summary ?? null,
    advice: i.advice ?? null,
    faultSummary: i.faultSummary ?? null,
    storage: i.storage ?? null,
    report: i.report ?? null,
    reportHash: i.reportHash ?? null,
    review: i.review ?? null,
    signature: i.signature ?? null,
    returnNote: i.returnNote ?? null,
    cancelNote: i.cancelNote ?? null,
    overdueAt: i.overdueAt ? i.overdueAt.getTime() : null,
  };
}

/**
 * What a restart starts from (docs/workflow.md, "Restarting an inspection"): the start as opening the
 * month makes it, and the state the failed run left in PostgreSQL: its row, and its events for the
 * reminders already sent. Nothing of the refused write is in either.
 */
export async function recordedOccurrence(em: EntityManager, i: IInspection, timeZone: string): Promise<{ start: OccurrenceStart; state: OccurrenceState }> {
  const start = await occurrenceStartOf(em, i.id, timeZone);
  const events = await sql<RecordedStep>(em, 'select seq, type, (extract(epoch from at) * 1000)::float8 as at from inspection_events where inspection_id = ? order by seq', [i.id]);
  return { start, state: resumedState(start, rowOf(i, start), events) };
}
