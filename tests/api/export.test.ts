import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { cursorPages } from '../../api/exports/cursor';
import { csvStream } from '../../api/exports/export';
import { ApiSession } from '../../harness/http-session';
import { startStack, type Stack } from '../../harness/stack';
import { parseCsv } from '../support/exports';

const ROWS = 10_000;
const MARK = '导出测试';
const FORMULA_TITLE = `=HYPERLINK("http://evil.example","${MARK} 点我")`;

let stack: Stack;
let manager: ApiSession;
let contact: ApiSession;
let engineer: ApiSession;
let ownHospitalRows: number;

/**
 * 10,000 ticket rows in one statement, two thirds at the contact's hospital: only the list's read
 * is under test here, so the rows need no workflows.
 */
async function seedTickets(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [{ own, other, creator }] = (
      await db.query(`select (select id from hospitals where code = 'CDPHC') as own, (select id from hospitals where code = 'DEMO2') as other, (select id from users where username = 'dispatcher') as creator`)
    ).rows;
    await db.query(
      `insert into tickets (id, workflow_id, hospital_id, system_code, channel, fault_level, title, description, reporter_name, reporter_phone,
                            status, step, received_at, reply_due_at, created_by_id, created_at, updated_at)
       select 'SR-20991231-' || lpad(i::text, 5, '0'), 'export-test-' || i, case when i % 3 = 0 then $2::int else $1::int end,
              (array['mnis','nms','whiteboard'])[1 + i % 3], 'phone', 1 + i % 4,
              case when i = 1 then $4 else $5 || ' 第 ' || i || ' 号，白板不刷新, "引号" 与逗号' end,
              '病区 ' || i || E' 的 PDA\n无法登录', '王护士长', '-13800000000', 'open', 'triage',
              now() - i * interval '1 minute', now() + interval '1 hour', $3, now(), now()
       from generate_series(1, ${ROWS}) as i`,
      [own, other, creator, FORMULA_TITLE, MARK],
    );
    return Number((await db.query(`select count(*) from tickets where hospital_id = $1 and title like '%' || $2 || '%'`, [own, MARK])).rows[0].count);
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  stack = await startStack();
  ownHospitalRows = await seedTickets(stack.databaseUrl);
  [manager, contact, engineer] = await Promise.all(['manager', 'cdphc', 'engineer'].map((u) => ApiSession.login(stack.baseUrl, u)));
}, 240_000);
afterAll(() => stack?.stop());

/** What the browser downloads: status, headers and bytes. */
async function download(session: ApiSession, resource: string, query: Record<string, string>, headers: Record<string, string> = {}) {
  const cookie = (session as unknown as { cookie: string }).cookie;
  const res = await fetch(`${stack.baseUrl}/api/${resource}/export?${new URLSearchParams(query)}`, { headers: { cookie, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const filter = JSON.stringify({ q: MARK });

describe('export of a list as CSV and XLSX', () => {
  it('CSV: every row of the filter, BOM, CRLF, Chinese headers, formulas neutralised', async () => {
    const res = await download(manager, 'tickets', { format: 'csv', filter, sort: JSON.stringify(['id', 'ASC']) }, { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tickets-\d{8}-\d{4}\.csv"/);
    // Streamed: no length known in advance.
    expect(res.headers.get('content-length')).toBeNull();
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(ROWS + 1);
    const [header, ...body] = rows;
    expect(header.slice(0, 5)).toEqual(['服务请求编号', '受理时间', '医院', '科室', '系统']);
    expect(header).toEqual(expect.arrayContaining(['标题', '故障级别', '状态', '当前环节', '处理人', '报告人', '联系电话', '答复时限']));
    expect(body.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    // In the list's order (id ascending), all distinct.
    expect(body[0][col('服务请求编号')]).toBe('SR-20991231-00001');
    expect(new Set(body.map((r) => r[col('服务请求编号')])).size).toBe(ROWS);
    expect(body[0][col('标题')]).toBe(`'${FORMULA_TITLE}`);
    expect(body[0][col('联系电话')]).toBe(`'-13800000000`);
    expect(body[1][col('标题')]).toBe(`${MARK} 第 2 号，白板不刷新, "引号" 与逗号`);
    expect(body[1][col('故障级别')]).toBe('三级（一般）');
    expect(body[1][col('系统')]).toBe('护士站白板系统');
    expect(body[1][col('状态')]).toBe('处理中');
    // One date format: YYYY-MM-DD HH:mm.
    expect(body.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[col('受理时间')]))).toBe(true);
  }, 240_000);

  it('XLSX: the same rows through the streaming writer, readable by exceljs; a formula-like title stays text', async () => {
    const res = await download(manager, 'tickets', { format: 'xlsx', filter, sort: JSON.stringify(['id', 'ASC']), locale: 'zh-CN' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('服务请求');
    expect(sheet.actualRowCount).toBe(ROWS + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['服务请求编号', '受理时间', '医院']);
    const title = sheet.getRow(2).getCell(header.indexOf('标题') + 1);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(FORMULA_TITLE);
    expect(sheet.getRow(ROWS + 1).getCell(1).value).toBe(`SR-20991231-${String(ROWS).padStart(5, '0')}`);
  }, 240_000);

  it('a hospital contact’s export holds only their hospital’s rows, and no assignee', async () => {
    const res = await download(contact, 'tickets', { format: 'csv', filter });
    expect(res.status).toBe(200);
    const [header, ...body] = parseCsv(res.bytes.toString('utf8').slice(1));
    expect(body).toHaveLength(ownHospitalRows);
    expect(ownHospitalRows).toBeGreaterThan(6000);
    expect(new Set(body.map((r) => r[header.indexOf('医院')]))).toEqual(new Set(['成都市公共卫生临床医疗中心']));
    expect(header).not.toContain('处理人');
  }, 240_000);

  it('English headers when asked; the list’s own filters and refusals apply', async () => {
    const en = await download(manager, 'tickets', { format: 'csv', filter: JSON.stringify({ q: MARK, faultLevel: 1 }), locale: 'en' });
    const [header, ...body] = parseCsv(en.bytes.toString('utf8').slice(1));
    expect(header[0]).toBe('Request No.');
    expect(body).toHaveLength(ROWS / 4);
    // An engineer sees only what they worked on: none of these.
    const mine = parseCsv((await download(engineer, 'tickets', { format: 'csv', filter })).bytes.toString('utf8').slice(1));
    expect(mine).toHaveLength(1);
    expect((await download(manager, 'tickets', { format: 'pdf' })).status).toBe(400);
    expect((await download(manager, 'tickets', { format: 'csv', filter: '{"nope":1}' })).status).toBe(400);
    expect((await download(manager, 'tickets', { format: 'csv', sort: '["description","ASC"]' })).status).toBe(400);
  }, 240_000);

  it('streams: a reader who waits holds the export at one cursor page, and one who leaves ends its transaction', async () => {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const cursors = async () => Number((await db.query(`select count(*) from pg_stat_activity where query like 'fetch forward % from desk_export' and state = 'idle in transaction'`)).rows[0].count);
    const waitForCursors = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while ((await cursors()) !== n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return cursors();
    };
    try {
      // The export's own stream over PostgreSQL, read as a client that takes one page and waits
      // (over HTTP the sockets' buffers, megabytes on loopback, would take a 10,000-row file whole).
      const pages = cursorPages<{ n: number }>(stack.orm.em.fork(), { sql: 'select n from generate_series(1, 20000) n order by n', params: [] }, 500);
      const reader = csvStream([{ header: 'n', value: (r: { n: number }) => r.n }], pages).getReader();
      const text = async () => new TextDecoder('utf-8', { ignoreBOM: true }).decode((await reader.read()).value);
      try {
        expect(await text()).toBe('\uFEFFn\r\n');
        const first = (await text()).split('\r\n').filter(Boolean);
        expect([first.length, first[0], first.at(-1)]).toEqual([500, '1', '500']);
        expect(await waitForCursors(1)).toBe(1);
        await new Promise((r) => setTimeout(r, 500));
        expect(await cursors()).toBe(1);
      } finally {
        await reader.cancel();
      }
      expect(await waitForCursors(0)).toBe(0);

      // Over HTTP: a client that leaves after the first chunk leaves no transaction open.
      const cookie = (manager as unknown as { cookie: string }).cookie;
      const res = await fetch(`${stack.baseUrl}/api/tickets/export?${new URLSearchParams({ format: 'csv', filter })}`, { headers: { cookie } });
      const http = res.body!.getReader();
      await http.read();
      await http.cancel();
      expect(await waitForCursors(0)).toBe(0);
    } finally {
      await db.end();
    }
  }, 240_000);

  it('tasks export the same way', async () => {
    const res = await download(manager, 'tasks', { format: 'xlsx' });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const header = (book.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['任务编号', '服务请求编号', '服务请求', '任务']);
    const csv = await download(contact, 'tasks', { format: 'csv' });
    expect(csv.status).toBe(200);
    expect(parseCsv(csv.bytes.toString('utf8').slice(1))[0][0]).toBe('任务编号');
  }, 240_000);
});
