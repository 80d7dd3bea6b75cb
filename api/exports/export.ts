import { PassThrough, Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { domainEnglish } from '../../admin-ui/src/i18n/domain.en';
import { domainChinese } from '../../admin-ui/src/i18n/domain.zh-CN';
import type { AppEnv } from '../env';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LOCALES = ['zh-CN', 'en'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/** An export's query: the list's own filter and sort, the file's format and the headers' language. */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'export.format' }).openapi({ param: { description: '`csv` (UTF-8 with BOM, CRLF) or `xlsx`' }, example: 'xlsx' }),
  filter: z.string().optional().openapi({ param: { description: 'JSON object of filters, as the list takes them' }, example: '{}' }),
  sort: z.string().optional().openapi({ param: { description: 'JSON `["field","ASC"|"DESC"]`, as the list takes it' }, example: '["id","ASC"]' }),
  locale: z.enum(EXPORT_LOCALES, { error: 'export.locale' }).optional().openapi({ param: { description: 'Language of the headers and values; else from Accept-Language (Chinese unless English is preferred)' }, example: 'zh-CN' }),
});

/** The console's words in each language: the file's headers and values read as the screen does. */
export type Words = typeof domainEnglish;
export const WORDS: Record<ExportLocale, Words> = { 'zh-CN': domainChinese as Words, en: domainEnglish };

/** `locale`, else the first language of Accept-Language this desk speaks, else Chinese. */
export function exportLocale(c: Context<AppEnv>, locale: ExportLocale | undefined): ExportLocale {
  if (locale) return locale;
  const preferred = (c.req.header('Accept-Language') ?? '').split(',').map((l) => l.split(';')[0].trim().toLowerCase());
  for (const l of preferred) {
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export type Cell = string | number | null | undefined;

export interface ExportColumn<R> {
  header: string;
  value: (row: R) => Cell;
  /** Column width in characters (XLSX). */
  width?: number;
}

/** A spreadsheet would run a cell that starts like a formula: such text gets a leading '. */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? String(v) : neutralised(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: Cell[]) => cells.map(csvCell).join(',') + '\r\n';

/** CSV as Excel opens it right: a BOM so the Chinese reads as UTF-8, CRLF line ends. Pulled page by page. */
export function csvStream<R>(columns: ExportColumn<R>[], pages: AsyncGenerator<R[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('\uFEFF' + csvLine(columns.map((c) => c.header))));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(columns.map((c) => c.value(row)))).join('')));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** XLSX through exceljs's streaming writer: each row is committed (written out) as it is added. */
function xlsxStream<R>(columns: ExportColumn<R>[], pages: AsyncGenerator<R[]>, sheet: string, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    try {
      const ws = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const page of pages) {
        for (const row of page) ws.addRow(columns.map((c) => c.value(row) ?? null)).commit();
        // Wait for the reader while a megabyte is waiting for it: the next page is read only then.
        while (out.readableLength > 1 << 20 && !out.destroyed) await new Promise((r) => setTimeout(r, 5));
        if (out.destroyed) return void (await pages.return(undefined));
      }
      ws.commit();
      await workbook.commit();
    } catch (e) {
      onError(e);
      out.destroy(e as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/**
 * Answers with the whole list as a file, streamed: `pages` yields the rows of the list's filter a
 * page at a time (cursorPages), each written out before the next is read.
 */
export function exportResponse<R>(
  c: Context<AppEnv>,
  o: { name: string; sheet: string; format: ExportFormat; columns: ExportColumn<R>[]; pages: AsyncGenerator<R[]> },
): Response {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const filename = `${o.name}-${stamp}.${o.format}`;
  const log = c.get('log');
  const body =
    o.format === 'csv'
      ? csvStream(o.columns, o.pages)
      : xlsxStream(o.columns, o.pages, o.sheet, (e) => log.error({ requestId: c.get('requestId'), err: (e as Error).message }, 'export failed'));
  return new Response(body, {
    headers: {
      'Content-Type': o.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
