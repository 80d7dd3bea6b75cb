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
  return { sort, offset, limit, filter: filterRaw as Record<string, unknown> };
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
