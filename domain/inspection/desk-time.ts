import { addDays } from './occurrence';

/** The UTC offset of `timeZone` at `at`, in ms (east positive). */
function offsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a day's wall-clock hour stands for in the desk's time zone (`2026-12-07`, 9 → 01:00 UTC in Shanghai). */
export function deskInstant(ymd: string, hour: number, timeZone: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour);
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/** When the engineer is reminded of a visit: the day before, 09:00 desk time. */
export const visitReminderAt = (visitDate: string, timeZone: string): number => deskInstant(addDays(visitDate, -1), 9, timeZone);

/** When a report is late: the end of its due day, desk time. */
export const reportOverdueAt = (reportDueDate: string, timeZone: string): number => deskInstant(addDays(reportDueDate, 1), 0, timeZone);
