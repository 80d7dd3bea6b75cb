/** `2026-12-02 14:05` in the hospitals' time zone: the one way documents and exports write a moment. */
export function localDateTime(value: Date | string | number | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  // Sweden's locale writes ISO order (year-month-day hour:minute) in any time zone.
  return d.toLocaleString('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}
