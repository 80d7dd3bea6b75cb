import type { Words } from './export';

/** The label of a stored value in the console's words, or the value itself. */
export const label = (group: Record<string, string>, v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : (group[String(v)] ?? String(v));

/** A catalogue phrase with its %{name} placeholders filled, as polyglot fills them in the console. */
const phrase = (template: string, params: Record<string, string | number>) => template.replace(/%\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** "1 小时 30 分" / "1 h 30 min": the two largest units, as the console's formatDuration writes a term. */
export function duration(seconds: number | null | undefined, w: Words): string | null {
  if (seconds === null || seconds === undefined) return null;
  const total = Math.max(0, Math.floor(Math.abs(seconds)));
  const units = [
    ['days', Math.floor(total / 86400)],
    ['hours', Math.floor((total % 86400) / 3600)],
    ['minutes', Math.floor((total % 3600) / 60)],
    ['seconds', total % 60],
  ] as const;
  const first = units.findIndex(([, n]) => n > 0);
  if (first === -1) return phrase(w.desk.duration.seconds, { n: 0 });
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => phrase(w.desk.duration[unit], { n }))
    .join(' ');
}

/** Warning points as the console lists them: fractions as percent, "50%, 75%". */
export const percents = (fractions: number[] | null | undefined): string => (fractions ?? []).map((f) => `${Math.round(f * 1000) / 10}%`).join(', ');

export const yesNo = (v: boolean | null | undefined, w: Words): string | null => (v === null || v === undefined ? null : v ? w.desk.export.yes : w.desk.export.no);

/** A list's name for its sheet: the plural where the language has one ("Users"), else its one name (用户). */
export const listName = (name: string): string => name.split('||||').pop()!.trim();
