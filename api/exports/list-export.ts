import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isVendorRole, type Role } from '../../domain/roles';
import { localDateTime } from '../../platform/local-time';
import type { AppDeps, AppEnv, SessionUser } from '../env';
import { parseListQuery, type ListQuery } from '../list-query';
import { route, type Tag } from '../route';
import { cursorPages } from './cursor';
import { exportLocale, exportQuery, exportResponse, WORDS, type ExportColumn, type Words } from './export';
import { listName } from './values';

/** Who reads the file, in which words: what a list's columns are made from. */
export interface Reader {
  user: SessionUser;
  /** Vendor staff: a hospital contact's file never holds the vendor's internal columns. */
  vendor: boolean;
  words: Words;
  /** A moment as `2026-12-02 14:05` in the hospitals' time zone. */
  at: (d: Date | string | null | undefined) => string;
}

export interface SqlQuery {
  sql: string;
  params: readonly unknown[];
}

/** A list's query builder as the SQL and parameters the export's cursor runs. */
export function sqlOf(qb: { getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[] } } }): SqlQuery {
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, params: bindings };
}

/**
 * One list's export, declared once: the list's own reading of filter, sort and visibility (the
 * SQL of all its rows, in its order) and the file's columns. `exportRoute` makes it
 * `GET /api/<resource>/export`.
 */
export interface ListExport<R> {
  /** The list's path under /api, and the file's name. */
  resource: string;
  /** The list this exports (its operationId): its filters and sort are this export's. */
  list: string;
  operationId: string;
  tag: Tag;
  /** What a row is, for the document: "users", "SLA policies". */
  rows: string;
  /** Who may export: those who may read the list. */
  access?: readonly Role[];
  /** The list's name in the reader's words (the sheet's name). */
  name: (w: Words) => string;
  sortable: readonly string[];
  defaultSort: ListQuery['sort'];
  /** Every row of the filter this user may see, in the list's order. 400 naming a bad filter, as the list. */
  query: (c: Context<AppEnv>, q: Pick<ListQuery, 'filter' | 'sort'>, deps: AppDeps) => SqlQuery | Promise<SqlQuery>;
  /** A row as the cursor reads it, to what the columns read; the raw row by default. */
  row?: (raw: unknown) => R;
  columns: (reader: Reader) => ExportColumn<R>[];
}

async function* mapped<T, R>(pages: AsyncGenerator<T[]>, row: (raw: T) => R): AsyncGenerator<R[]> {
  // Leaving this loop early (the client went away) returns the cursor's generator too: its transaction ends.
  for await (const page of pages) yield page.map(row);
}

/**
 * The first page read before the answer starts: a query the database refuses, or a database that
 * is down, answers as an error (503 with Retry-After) instead of a download that breaks off.
 */
async function started<T>(pages: AsyncGenerator<T[]>): Promise<AsyncGenerator<T[]>> {
  const first = await pages.next();
  const rest = (async function* () {
    if (!first.done) yield first.value;
    yield* pages;
  })();
  // A generator never started ignores return(): the cursor's transaction must end however the reader leaves.
  const close = rest.return.bind(rest);
  rest.return = async (value) => {
    await pages.return(undefined);
    return close(value);
  };
  return rest;
}

/** Adds `GET /<resource>/export` for one list to `r` (mounted at /api). */
export function exportRoute<R>(r: OpenAPIHono<AppEnv>, deps: AppDeps, e: ListExport<R>): void {
  const declared = route({
    method: 'get',
    path: `/${e.resource}/export`,
    operationId: e.operationId,
    tag: e.tag,
    summary: `All ${e.rows} of the list’s filter and sort, as CSV or XLSX`,
    description:
      `Takes the filter and sort of ${e.list} and answers all rows you may see there, however many, streamed. ` +
      'Headers and values in the console’s words (`locale` or Accept-Language); times as `YYYY-MM-DD HH:mm` in the hospitals’ time zone.',
    access: e.access,
    request: { query: exportQuery },
    ok: { 200: 'The file: text/csv (UTF-8 with BOM, CRLF) or an XLSX workbook, streamed' },
  });
  r.openapi(declared, async (c) => {
    const { format, locale } = c.req.valid('query');
    const user = c.get('user');
    // The list's own reading of filter and sort: the file is the list, all of it.
    const q = parseListQuery(c.req.query(), { sortable: e.sortable, defaultSort: e.defaultSort });
    const query = await e.query(c, q, deps);
    const words = WORDS[exportLocale(c, locale)];
    const reader: Reader = { user, vendor: isVendorRole(user.role), words, at: (d) => localDateTime(d, deps.timeZone) };
    const cursor = cursorPages<unknown>(c.get('em'), query);
    const pages = await started(e.row ? mapped(cursor, e.row) : (cursor as AsyncGenerator<R[]>));
    return exportResponse(c, {
      name: e.resource,
      sheet: listName(e.name(words)),
      format,
      columns: e.columns(reader),
      pages,
    });
  });
}
