import type { QueryOrderMap } from '@mikro-orm/core';
import { z } from '@hono/zod-openapi';
import { said, type Said } from '../domain/messages';
import { badRequest } from './errors';

/** A bad list parameter or filter: 400, naming it. */
export const queryError = (field: string, what: Said) => badRequest(what, { [field]: what });
export const unknownFilter = (name: string) => queryError(name, said('request.filter_unknown', { name }));
export const oneOfError = (field: string, values: readonly unknown[]) => queryError(field, said('request.filter_one_of', { field, values: values.join(', ') }));

export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

const MAX_PAGE = 500;

/** ra-data-simple-rest's list parameters as the route declares them: JSON text, read by parseListQuery. */
export const listQuery = z.object({
  sort: z.string().optional().openapi({ param: { description: 'JSON `["field","ASC"|"DESC"]`; the fields each list sorts by are named in its 400' }, example: '["id","ASC"]' }),
  range: z.string().optional().openapi({ param: { description: `JSON \`[start,end]\`, inclusive, at most ${MAX_PAGE} rows; the answer's Content-Range gives the total` }, example: '[0,24]' }),
  filter: z.string().optional().openapi({ param: { description: 'JSON object of filters (named in the operation); an unknown one is 400' }, example: '{}' }),
});

/** The list parameters of one list, its sort fields named in the document. */
export const listQueryOf = (sortable: readonly string[]) =>
  listQuery.extend({
    sort: z
      .string()
      .optional()
      .openapi({ param: { description: `JSON \`["field","ASC"|"DESC"]\` with field one of: ${sortable.map((f) => `\`${f}\``).join(', ')}` }, example: `["${sortable[0]}","ASC"]` }),
  });

function parseJson(name: string, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw queryError(name, said('request.not_json', { name }));
  }
}

/**
 * Reads ra-data-simple-rest's `sort=["field","ASC"]`, `range=[0,24]` and `filter={...}`.
 * Only the listed sort fields are accepted, so a query string can never reach SQL unchecked.
 */
export function parseListQuery(
  query: Record<string, string | undefined>,
  opts: { sortable: readonly string[]; defaultSort: ListQuery['sort'] },
): ListQuery {
  const sortRaw = parseJson('sort', query.sort);
  let sort = opts.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || !opts.sortable.includes(sortRaw[0]) || !['ASC', 'DESC'].includes(sortRaw[1])) {
      throw queryError('sort', said('request.sort', { fields: opts.sortable.join(', ') }));
    }
    sort = { field: sortRaw[0], order: sortRaw[1] };
  }
  const rangeRaw = parseJson('range', query.range);
  let offset = 0;
  let limit = 25;
  if (rangeRaw !== undefined) {
    const ok =
      Array.isArray(rangeRaw) &&
      rangeRaw.length === 2 &&
      rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      rangeRaw[1] >= rangeRaw[0] &&
      rangeRaw[1] - rangeRaw[0] < MAX_PAGE;
    if (!ok) throw queryError('range', said('request.range', { max: MAX_PAGE }));
    offset = rangeRaw[0];
    limit = rangeRaw[1] - rangeRaw[0] + 1;
  }
  const filterRaw = parseJson('filter', query.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw queryError('filter', said('request.filter_object'));
  }
  // react-admin's getMany (a page's references by id) sends no range: every id asked for is answered, not the first 25.
  const ids = (filterRaw as { id?: unknown }).id;
  if (rangeRaw === undefined && Array.isArray(ids)) limit = Math.min(Math.max(ids.length, limit), MAX_PAGE);
  return { sort, offset, limit, filter: filterRaw as Record<string, unknown> };
}

/**
 * A list's order as the ORM takes it: the chosen column (`columns` maps an API field to its
 * property where the two differ), then the key, so rows of equal value keep one order across pages
 * and in an export. The key is not repeated when it is the column (that would undo a DESC).
 */
export function listOrder<T>(sort: ListQuery['sort'], columns: Record<string, string> = {}, key = 'id'): QueryOrderMap<T>[] {
  const column = columns[sort.field] ?? sort.field;
  const order = sort.order === 'DESC' ? 'desc' : 'asc';
  return (column === key ? [{ [key]: order }] : [{ [column]: order }, { [key]: 'asc' }]) as QueryOrderMap<T>[];
}

/** The header react-admin reads the total from: `tickets 0-24/319`. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const end = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${end}/${total}`;
}

/** `%text%` for ILIKE with the user's own % _ and \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of a calendar day in the desk's time zone, as an instant. */
function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, Number(p.value)]),
  );
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return new Date(guess - (shown - guess));
}

/**
 * A date filter's bound: a day (`2026-12-02`, in the desk's time zone; `to` takes the whole day)
 * or an ISO instant. A `to` bound is exclusive (compare with <). 400 naming the field for anything else.
 */
export function dateBound(field: string, value: unknown, timeZone: string, end: boolean): Date {
  if (typeof value === 'string') {
    const day = DAY.exec(value);
    if (day) {
      const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
      const probe = new Date(Date.UTC(y, m - 1, d));
      if (probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) return zonedMidnight(y, m, d + (end ? 1 : 0), timeZone);
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) {
      // The bound is used exclusively at the end: an instant `to` includes itself.
      return new Date(Date.parse(value) + (end ? 1 : 0));
    }
  }
  throw queryError(field, said('request.filter_date', { field }));
}
