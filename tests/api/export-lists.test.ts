import { Client } from 'pg';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { ApiSession } from '../../harness/http-session';
import { inspectionPlanBody } from '../../harness/inspections';
import { newTicketBody } from '../../harness/new-ticket';
import { resolvedRemotely, triage } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { csvRows, exportOf, xlsxRows } from '../support/exports';

/**
 * Every list a person works from exports the same way as the ticket list (issue 15): all rows of
 * the list's filter, CSV and XLSX, in the console's words, within what the list shows this user.
 * Its own database: 5,000 more users would crowd the shared desk's user pickers.
 */
const { stack, a } = useStack({ ownDatabase: true });

const USERS = 5000;
// Display names as long as real ones, and a phone that starts like a formula in every seventh row.
const BULK_NAME = '批量导入的护理信息化项目组成员（重症医学科与感染性疾病诊疗中心联合病区）第';

let admin: ApiSession;
let manager: ApiSession;
let dispatcher: ApiSession;
let contact: ApiSession;
let engineer: ApiSession;
let fast: { hospitalId: number; name: string };
let archivedNo: string;
let contactTicketNo: string;

async function seedUsers(databaseUrl: string, demo2: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Every fifth an engineer, every fifth a contact of the second hospital; one in seven inactive.
    await db.query(
      `insert into users (username, display_name, password_hash, role, hospital_id, phone, email, active, created_at)
       select 'bulk' || lpad(i::text, 5, '0'), $2 || i || '号',  'scrypt$1$1$1$x$x',
              (array['engineer','dispatcher','hospital_contact','manager','engineer'])[1 + i % 5],
              case when i % 5 = 2 then $1::int end,
              case when i % 7 = 0 then '+86 138 0000 ' || lpad(i::text, 4, '0') else '138 0000 ' || lpad(i::text, 4, '0') end,
              'bulk' || i || '@vendor.example', i % 7 <> 0, now() - i * interval '1 minute'
       from generate_series(1, ${USERS}) as i`,
      [demo2, BULK_NAME],
    );
  } finally {
    await db.end();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(250);
  }
}

const openTask = (api: ApiSession, ticketNo: string, kind: string) =>
  until(`an open ${kind} task on ${ticketNo}`, async () => {
    const res = await api.get<{ id: string; kind: string }[]>('/api/tasks', { filter: { ticketId: ticketNo, status: 'open' } });
    return res.body.find((t) => t.kind === kind)?.id;
  });

async function complete(api: ApiSession, taskId: string, body: unknown): Promise<void> {
  const res = await api.post(`/api/tasks/${taskId}/complete`, body);
  if (res.status !== 200) throw new Error(`complete ${taskId}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function raise(api: ApiSession, body: Record<string, unknown>): Promise<string> {
  const res = await api.post<{ id: string }>('/api/tickets', newTicketBody(body));
  if (res.status !== 201) throw new Error(`raise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

beforeAll(async () => {
  [admin, manager, dispatcher, contact, engineer] = await Promise.all(['admin', 'manager', 'dispatcher', 'cdphc', 'engineer'].map((u) => ApiSession.login(stack.baseUrl, u)));
  await seedUsers(stack.databaseUrl, a.demo2.hospitalId!);

  // A hospital whose reply commitment runs out in two seconds: its request breaches, then is
  // resolved remotely and archived — an escalation and an archive record, made by the desk itself.
  const policy = await hospitalWithPolicy(stack.orm, { replySeconds: 2 });
  fast = { hospitalId: policy.hospitalId, name: (await admin.get<{ name: string }>(`/api/hospitals/${policy.hospitalId}`)).body.name };
  archivedNo = await raise(dispatcher, { hospitalId: fast.hospitalId, title: '导出测试：护士站白板不刷新' });
  await until('the reply breach', async () => ((await manager.get<unknown[]>('/api/escalations', { filter: { ticketId: archivedNo } })).body.length ? true : undefined));
  await complete(dispatcher, await openTask(dispatcher, archivedNo, 'triage'), triage('remote', a.engineer.userId));
  await complete(engineer, await openTask(engineer, archivedNo, 'remote'), resolvedRemotely);
  await until('the archive record', async () => ((await manager.get<unknown[]>('/api/archive-records', { filter: { ticketId: archivedNo } })).body.length ? true : undefined));

  // The contact's own request, triaged from the dispatchers' queue (nobody held the task).
  contactTicketNo = await raise(contact, { hospitalId: a.cdphc.hospitalId, title: '导出测试：PDA 扫码无响应' });
  await complete(dispatcher, await openTask(dispatcher, contactTicketNo, 'triage'), triage('remote', a.engineer.userId));

  // One inspection at each demo hospital, opened by "run now".
  for (const hospitalId of [a.cdphc.hospitalId!, a.demo2.hospitalId!]) {
    const plan = await manager.post<{ id: number }>('/api/inspection-plans', inspectionPlanBody(hospitalId, a.engineer.userId));
    if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.body)}`);
    const run = await manager.post(`/api/inspection-plans/${plan.body.id}/run`);
    if (run.status !== 200) throw new Error(`run now: ${run.status} ${JSON.stringify(run.body)}`);
  }
}, 300_000);

/** Both files of one export: they parse, and hold the same rows (header first). */
async function both(session: ApiSession, resource: string, filter: unknown, sort?: [string, 'ASC' | 'DESC']) {
  const csv = await exportOf(session, resource, { format: 'csv', filter, sort });
  const xlsx = await exportOf(session, resource, { format: 'xlsx', filter, sort });
  expect([resource, csv.status, xlsx.status]).toEqual([resource, 200, 200]);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="${resource}-\\d{8}-\\d{4}\\.csv"`));
  const rows = csvRows(csv.bytes);
  const book = await xlsxRows(xlsx.bytes);
  // A formula-like cell is neutralised in CSV only (an XLSX string is never run).
  expect(book.rows).toEqual(rows.map((r) => r.map((cell) => (cell.startsWith("'") ? cell.slice(1) : cell))));
  const [header, ...body] = rows;
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${resource}: no column ${name} in ${header.join(', ')}`);
    return body.map((r) => r[i]);
  };
  return { header, body, col, sheet: book.sheet };
}

describe('export of every list (issue 15)', () => {
  it('users: the filter, roles and hospitals by name, active as 是/否', async () => {
    const { header, body, col, sheet } = await both(manager, 'users', { role: 'hospital_contact', q: BULK_NAME }, ['username', 'ASC']);
    expect(sheet).toBe('用户');
    expect(header).toEqual(['编号', '用户名', '姓名', '角色', '所属医院', '电话', '电子邮箱', '启用', '创建时间']);
    expect(body).toHaveLength(USERS / 5);
    expect(new Set(col('角色'))).toEqual(new Set(['医院联系人']));
    expect(new Set(col('所属医院'))).toEqual(new Set(['示范人民医院']));
    expect(new Set(col('启用'))).toEqual(new Set(['是', '否']));
    expect(col('用户名')[0]).toBe('bulk00002');
    expect(col('姓名')[0]).toBe(`${BULK_NAME}2号`);
    expect(col('创建时间').every((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t))).toBe(true);
    // Never a password hash, whatever the columns.
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('hospitals and departments: systems and hospitals by name', async () => {
    const hospitals = await both(admin, 'hospitals', { q: '示范' });
    expect(hospitals.header).toEqual(['编号', '名称', '代码', '地址', '维保系统']);
    expect(hospitals.body).toEqual([[String(a.demo2.hospitalId), '示范人民医院', 'DEMO2', '示范市人民路 1 号', '移动护理信息系统、护理管理系统']]);
    const departments = await both(admin, 'departments', { hospitalId: a.demo2.hospitalId });
    expect(departments.header).toEqual(['编号', '名称', '医院', '位置']);
    expect(new Set(departments.col('名称'))).toEqual(new Set(['护理部', '信息科', '心内科']));
    expect(new Set(departments.col('医院'))).toEqual(new Set(['示范人民医院']));
  });

  it('SLA policies: terms in hours and minutes, warning points in percent, the default named', async () => {
    const own = await both(manager, 'sla-policies', { hospitalId: fast.hospitalId }, ['level', 'ASC']);
    expect(own.body).toHaveLength(4);
    expect(new Set(own.col('适用医院'))).toEqual(new Set([fast.name]));
    expect(own.col('故障级别')).toEqual(['一级（紧急）', '二级（严重）', '三级（一般）', '四级']);
    expect(new Set(own.col('答复时限'))).toEqual(new Set(['2 秒']));
    expect(new Set(own.col('未领取提醒间隔'))).toEqual(new Set(['1 小时']));
    const defaults = await both(manager, 'sla-policies', { hospitalId: null }, ['level', 'ASC']);
    expect(new Set(defaults.col('适用医院'))).toEqual(new Set(['默认（所有医院）']));
    expect(defaults.col('答复时限')).toEqual(['30 分', '1 小时', '3 小时', '1 天']);
    expect(defaults.col('首次解决时限')).toEqual(['1 小时', '', '', '']);
    expect(new Set(defaults.col('预警点（%）'))).toEqual(new Set(['75%']));
  });

  it('escalations and the archive: the desk’s own records, by name', async () => {
    const escalations = await both(manager, 'escalations', { ticketId: archivedNo });
    expect(escalations.body.length).toBeGreaterThanOrEqual(1);
    expect(escalations.header).toEqual(['服务请求编号', '医院', '承诺', '故障级别', '时限', '超时时间', '确认人', '确认时间', '处理说明']);
    expect(escalations.col('承诺')).toContain('答复');
    expect(new Set(escalations.col('医院'))).toEqual(new Set([fast.name]));

    const archive = await both(manager, 'archive-records', { ticketId: archivedNo });
    expect(archive.body).toHaveLength(1);
    expect(archive.col('标题')).toEqual(['导出测试：护士站白板不刷新']);
    expect(archive.col('医院')).toEqual([fast.name]);
    expect(archive.col('结果')).toEqual(['已解决']);
    expect(archive.col('校验码')[0]).toMatch(/^[0-9a-f]{64}$/);
    // Check codes are the auditors' (managers, admins), as on the archive's page.
    const dispatchers = await both(dispatcher, 'archive-records', { outcome: 'resolved' });
    expect(dispatchers.header).not.toContain('校验码');
    expect(dispatchers.col('服务请求编号')).toContain(archivedNo);
  });

  it('inspections and tasks: statuses and services in words, who completed a task by name', async () => {
    const inspections = await both(manager, 'inspections', { hospitalId: a.demo2.hospitalId });
    expect(inspections.body).toHaveLength(1);
    expect(inspections.col('医院')).toEqual(['示范人民医院']);
    expect(inspections.col('报告模板')).toEqual(['系统巡检']);
    expect(inspections.col('状态')).toEqual(['待确认']);
    expect(inspections.col('负责工程师')).toEqual(['张工']);
    expect(inspections.col('巡检日期')[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const tasks = await both(manager, 'tasks', { ticketId: archivedNo, kind: 'triage' });
    expect(tasks.col('完成人')).toEqual(['李调度']);
  });

  it('a task answers who completed it by name, also to the hospital, which gets no user id', async () => {
    const [listed] = (await dispatcher.get<{ completedById: number; completedByName: string }[]>('/api/tasks', { filter: { ticketId: contactTicketNo, kind: 'triage' } })).body;
    expect(listed).toMatchObject({ completedById: a.dispatcher.userId, completedByName: '李调度' });
    const shown = (await contact.get<{ tasks: { kind: string; completedById: number | null; completedByName: string | null }[] }>(`/api/tickets/${contactTicketNo}`)).body;
    expect(shown.tasks.find((t) => t.kind === 'triage')).toMatchObject({ completedById: null, completedByName: '李调度' });
  });

  it('a hospital contact exports only what their list shows: no other hospital’s rows, no users, no desk records', async () => {
    for (const resource of ['users', 'sla-policies', 'escalations', 'archive-records']) {
      expect([resource, (await exportOf(contact, resource, { format: 'csv' })).status]).toEqual([resource, 403]);
    }
    const hospitals = await both(contact, 'hospitals', {});
    expect(hospitals.col('名称')).toEqual(['成都市公共卫生临床医疗中心']);
    expect((await both(contact, 'hospitals', { id: [a.demo2.hospitalId] })).body).toEqual([]);
    expect((await both(contact, 'departments', { hospitalId: a.demo2.hospitalId })).body).toEqual([]);
    expect(new Set((await both(contact, 'departments', {})).col('医院'))).toEqual(new Set(['成都市公共卫生临床医疗中心']));
    const inspections = await both(contact, 'inspections', {});
    expect(inspections.col('医院')).toEqual(['成都市公共卫生临床医疗中心']);
    // Who works on it is the vendor's.
    expect(inspections.header).not.toContain('负责工程师');
    expect((await both(contact, 'inspections', { hospitalId: a.demo2.hospitalId })).body).toEqual([]);
  });

  it('refuses a filter or sort the list refuses, naming it', async () => {
    const bad = async (resource: string, q: Parameters<typeof exportOf>[2]) => {
      const res = await exportOf(manager, resource, q);
      return [resource, res.status, Object.keys((JSON.parse(res.bytes.toString('utf8')) as { errors: Record<string, unknown> }).errors)];
    };
    expect(await bad('users', { format: 'csv', filter: { nope: 1 } })).toEqual(['users', 400, ['nope']]);
    expect(await bad('escalations', { format: 'csv', sort: ['ticketId', 'ASC'] })).toEqual(['escalations', 400, ['sort']]);
    expect(await bad('inspections', { format: 'xlsx', filter: { period: '2026-1' } })).toEqual(['inspections', 400, ['period']]);
    expect((await exportOf(manager, 'hospitals', { format: 'pdf' as 'csv' })).status).toBe(400);
  });

  it('5,000 users stream and parse, in the list’s order, in English when asked', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await exportOf(admin, 'users', { format, filter: { q: BULK_NAME }, sort: ['username', 'DESC'], locale: 'en' });
      expect(res.status).toBe(200);
      // Streamed: no length known in advance.
      expect(res.headers.get('content-length')).toBeNull();
      const rows = format === 'csv' ? csvRows(res.bytes) : (await xlsxRows(res.bytes)).rows;
      expect(rows).toHaveLength(USERS + 1);
      const [header, ...body] = rows;
      expect(header.slice(0, 4)).toEqual(['ID', 'User name', 'Display name', 'Role']);
      expect(body[0][1]).toBe('bulk05000');
      expect(body[USERS - 1][1]).toBe('bulk00001');
      expect(new Set(body.map((r) => r[1])).size).toBe(USERS);
      const phone = header.indexOf('Phone');
      // 4998 is a multiple of seven: its phone starts like a formula.
      const plus = body.find((r) => r[1] === 'bulk04998')!;
      expect(plus[phone]).toBe(format === 'csv' ? "'+86 138 0000 4998" : '+86 138 0000 4998');
    }
  }, 240_000);
});
