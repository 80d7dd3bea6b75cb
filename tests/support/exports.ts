import ExcelJS from 'exceljs';
import type { ApiSession } from '../../harness/http-session';

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A CSV export's rows, header first; it must start with the BOM Excel needs. */
export function csvRows(bytes: Buffer): string[][] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('no UTF-8 BOM');
  return parseCsv(bytes.toString('utf8').slice(1));
}

/** An XLSX export's first sheet as text rows, header first, and the sheet's name. */
export async function xlsxRows(bytes: Buffer): Promise<{ sheet: string; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  // exceljs counts the columns over every row each time it is asked: once.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return { sheet: sheet.name, rows };
}

/** `GET /api/<resource>/export` as the browser's download asks it: the list's filter and sort as JSON. */
export function exportOf(session: ApiSession, resource: string, query: { format: 'csv' | 'xlsx'; filter?: unknown; sort?: [string, 'ASC' | 'DESC']; locale?: string }) {
  const params = new URLSearchParams({ format: query.format, locale: query.locale ?? 'zh-CN' });
  if (query.filter !== undefined) params.set('filter', JSON.stringify(query.filter));
  if (query.sort) params.set('sort', JSON.stringify(query.sort));
  return session.getBytes(`/api/${resource}/export?${params}`);
}
