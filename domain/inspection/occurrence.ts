import { periodOf, type Period } from './period';
import { visitDate, type VisitDate } from './visit-date';

/**
 * Where an occurrence stands: planned (date and scope to confirm) → on site (checklist) → review
 * (manager) → signature (hospital) → archived; cancelled by a manager.
 */
export const INSPECTION_STATUSES = ['planned', 'on_site', 'review', 'signature', 'archived', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Who started an occurrence: the schedule on time, made up later (catch-up after downtime, backfill), or a person ("run now"). */
export const STARTED_BY = ['schedule', 'catch_up', 'person'] as const;
export type StartedBy = (typeof STARTED_BY)[number];

export interface OccurrenceDates {
  period: Period;
  /** The day the schedule planned, in the desk's time zone. */
  plannedDate: string;
  visit: VisitDate;
  reportDueDate: string;
}

/** A calendar day of an instant on the desk's wall clock. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** The dates of the occurrence a schedule fires at `scheduledAt`. */
export function occurrenceDates(scheduledAt: Date, timeZone: string, reportDays: number): OccurrenceDates {
  const plannedDate = localDate(scheduledAt, timeZone);
  const visit = visitDate(plannedDate);
  return { period: periodOf(scheduledAt, timeZone), plannedDate, visit, reportDueDate: addDays(visit.date, reportDays) };
}
