import { getDayDetail } from 'chinese-days';

/**
 * When the engineer visits: the planned day, or the next working day when the planned day is a
 * statutory holiday or a weekend that is not a 调休 working day (China's State Council calendar,
 * from the maintained `chinese-days` package). Dates are calendar days in the desk's time zone.
 */

export interface VisitDate {
  /** YYYY-MM-DD */
  date: string;
  /** The days skipped over, each with its reason (a holiday's Chinese name, or 周末). */
  skipped: { date: string; reason: string }[];
  /**
   * False when the year is beyond the package's calendar (the State Council publishes next year's
   * holidays in late autumn): only weekends were skipped, and the console says so.
   */
  calendarKnown: boolean;
}

// Local noon: the package reads days with local-time getters, whatever the process's time zone.
const asDate = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

const nextDay = (ymd: string) => {
  const d = asDate(ymd);
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The package's names are "English,中文,days": the Chinese one is for the hospital's report. */
const holidayName = (name: string) => name.split(',')[1] ?? name;

/** Whether the package knows a year's holidays: every published calendar has 元旦 on 1 January. */
export const holidayCalendarKnown = (year: number): boolean => getDayDetail(asDate(`${year}-01-01`)).name.includes('元旦');

export function visitDate(planned: string): VisitDate {
  const skipped: VisitDate['skipped'] = [];
  let day = planned;
  // Spring Festival plus adjacent weekends is the longest run (about 9 days); 31 bounds a bad calendar.
  for (let i = 0; i < 31; i++) {
    const detail = getDayDetail(asDate(day));
    if (detail.work) break;
    const weekend = /^(Saturday|Sunday)$/.test(detail.name);
    skipped.push({ date: day, reason: weekend ? '周末' : holidayName(detail.name) });
    day = nextDay(day);
  }
  return { date: day, skipped, calendarKnown: holidayCalendarKnown(Number(planned.slice(0, 4))) };
}
