/**
 * An inspection's period is a calendar month in the desk's time zone ("2026-12"). One plan has at
 * most one occurrence per period: its workflow ID and its row are both keyed by it, so a schedule's
 * catch-up, a backfill run twice and a manual "run now" all land on the same occurrence.
 */

export type Period = `${number}-${string}`;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (s: string): s is Period => PERIOD.test(s);

/** The month an instant falls in, on the wall clock of `timeZone`. */
export function periodOf(at: Date, timeZone: string): Period {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const year = parts.find((p) => p.type === 'year')!.value;
  const month = parts.find((p) => p.type === 'month')!.value;
  return `${Number(year)}-${month}`;
}

export function addMonths(period: Period, months: number): Period {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `a` to `b` (negative when `b` is earlier). */
export function monthsBetween(a: Period, b: Period): number {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am);
}

/** The business workflow ID of a plan's occurrence: readable, and one per plan and month. */
export const occurrenceWorkflowId = (planId: number, period: Period): string => `inspection-${planId}-${period}`;

/**
 * The periods a plan owes from its start month through `until`, one every `everyMonths`
 * counted from the start month (a quarterly plan starting in February owes Feb, May, Aug, Nov).
 */
export function duePeriods(start: Period, everyMonths: number, until: Period): Period[] {
  const out: Period[] = [];
  for (let p = start; monthsBetween(p, until) >= 0; p = addMonths(p, everyMonths)) out.push(p);
  return out;
}
