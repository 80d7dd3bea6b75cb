import type { Page, Request } from 'playwright-core';
import { WriteRate } from '../../api/write-rate';
import { verificationCode } from '../../domain/verification-code';
import { driveOnsiteFlows } from '../../harness/flow-driver';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { inspectionPlanBody } from '../../harness/inspections';
import type { ApiSession } from '../../harness/http-session';
import { approve, repairForm, triage } from '../../harness/step-data';
import { sleep } from '../../harness/wait';
import { apiAs, expectOk, openTaskId, PHONE, shot, useConsoleStack, userId } from '../support/e2e-console';
import { LONG_TITLES as TITLES, SYSTEMS } from '../support/long-text';
import { raiseRequests } from '../support/raise-requests';

/**
 * Every page of the console, as each role reaches it, at 1440×900 and at 390×844 (issue 15): the
 * page says what it is, logs no error and is no wider than the screen; a screenshot of each is kept
 * (test-artifacts/screenshots/<role>-<page>-<desktop|phone>.png). The pages are the role's menu,
 * then whatever those pages link to (a card's record, 新建, 办理), one page of each kind, so a new
 * page cannot be left out; the request with its whole history and a repair form's code are seeded.
 */
// Seeding a few hundred requests is a script, not the user under test: no write limit for it.
const stack = useConsoleStack({ writeRate: new WriteRate(1e6, 1e6) });

const DESKTOP = { width: 1440, height: 900 };

// Names as long as real ones (40+ characters), titles as people type them.
const HOSPITALS = [
  '成都市公共卫生临床医疗中心（成都市传染病医院、成都市第七人民医院）高新区分院重症医学与感染性疾病诊疗护理信息化示范中心',
  '中国人民解放军西部战区总医院暨四川省人民医院医疗集团成都市第二人民医院锦江院区老年医学科与心血管内科护理信息化建设示范病区',
  '新疆维吾尔自治区喀什地区第一人民医院（喀什大学附属第一医院）南疆区域医疗中心急诊重症医学科与移动护理及护理管理信息化建设项目部',
];
const LONG_DEPARTMENT = '感染性疾病科（发热门诊、肠道门诊、肝炎门诊及结核病门诊）住院楼A区五层负压隔离病区护士站与医生办公室';
const LONG_PERSON = '欧阳·买买提江·阿不都热合曼（护理部信息化专员兼移动护理系统院内管理员）';
/** Requests per hospital: the first one's reply commitments run out within seconds (escalations). */
const PER_HOSPITAL = [40, 110, 110];

/** Takes a request at hospital 1 through triage and dispatch (the engineer's check-in), and on to the contact's signature. */
async function onSite(dispatcher: ApiSession, engineer: ApiSession, upTo: 'checkin' | 'signature'): Promise<string> {
  const ticket = await expectOk(
    dispatcher.post<{ id: string }>('/api/tickets', { hospitalId: 1, systemCode: 'mnis', channel: 'phone', faultLevel: 2, title: TITLES[0], description: '感染一科三台 PDA 扫码保存时提示会话超时', reporterName: LONG_PERSON, reporterPhone: '028-8642 3001' }),
  );
  const engineerId = await userId(dispatcher, 'engineer');
  await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticket.id, 'triage')}/complete`, triage('onsite', engineerId, 2)));
  await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticket.id, 'dispatch')}/complete`, approve(engineerId)));
  if (upTo === 'signature') {
    await expectOk(engineer.post(`/api/tasks/${await openTaskId(engineer, ticket.id, 'checkin')}/complete`, { note: '已到达感染一科护士站' }));
    await expectOk(engineer.post(`/api/tasks/${await openTaskId(engineer, ticket.id, 'repair_form')}/complete`, repairForm()));
    await openTaskId(dispatcher, ticket.id, 'signature');
  } else await openTaskId(dispatcher, ticket.id, 'checkin');
  return ticket.id;
}

/** What every role also reaches, outside the menu: the user menu's pages, a repair form's code, the request with its whole history. */
const known: string[] = [];

beforeAll(async () => {
  const admin = await apiAs(stack.baseUrl, 'admin');
  const dispatcher = await apiAs(stack.baseUrl, 'dispatcher');
  const engineer = await apiAs(stack.baseUrl, 'engineer');
  const breaching = (await hospitalWithPolicy(stack.orm, { replySeconds: 5 })).hospitalId;
  const hospitals = [1, breaching, 2];
  const current = await expectOk(admin.get<{ id: number; code: string; address: string | null; systemCodes: string[] }[]>('/api/hospitals', { range: [0, 99] }));
  for (const [i, id] of hospitals.entries()) {
    const h = current.find((x) => x.id === id)!;
    await expectOk(admin.request('PUT', `/api/hospitals/${id}`, { code: h.code.toUpperCase(), name: HOSPITALS[i], address: h.address, systemCodes: SYSTEMS }));
  }
  await expectOk(admin.post('/api/departments', { hospitalId: 1, name: LONG_DEPARTMENT, address: '住院楼 A 区 5 层负压隔离病区东侧走廊尽头护士站（电梯出门右转）' }));
  await expectOk(admin.post('/api/users', { username: 'ouyang', displayName: LONG_PERSON, role: 'hospital_contact', hospitalId: 1, phone: '+86 (28) 8642-3001', email: 'ouyang.maimaitijiang.abudureheman@cdphc.example.cn', password: 'a-long-enough-password' }));
  await expectOk(admin.post('/api/sla-policies', { name: `${HOSPITALS[2].slice(0, 40)}维保合同服务承诺`, hospitalId: 2, level: 1, replySeconds: 1800, firstSolutionSeconds: 4 * 3600, warnAt: [0.5, 0.8], unclaimedReminderSeconds: 900, signatureReminderSeconds: 24 * 3600 }));

  // A request with its whole history, archived: its record, its repair form's code.
  const report = await driveOnsiteFlows({ baseUrl: stack.baseUrl, flows: 1, concurrency: 1, runId: `every-page-${Date.now()}`, deadline: Date.now() + 180_000, log: () => {} });
  expect(report.failures).toEqual([]);
  const archived = report.tickets[0];
  const records = await expectOk(admin.get<{ ticketId: string; hash: string }[]>('/api/archive-records', { range: [0, 9] }));
  const code = verificationCode(records.find((r) => r.ticketId === archived)!.hash);
  // Work waiting on site: the engineer's check-in, the contact's signature.
  await onSite(dispatcher, engineer, 'checkin');
  await onSite(dispatcher, engineer, 'signature');
  let offset = 0;
  for (const [i, id] of hospitals.entries()) {
    await raiseRequests(dispatcher, { hospitalId: id, count: PER_HOSPITAL[i], offset, keyPrefix: 'every-page', parallel: 4, reporter: { reporterName: LONG_PERSON, reporterPhone: '028-8642 3001' } });
    offset += PER_HOSPITAL[i];
  }
  // Planned work: a monthly inspection plan of the first hospital, its occurrence of this month.
  const manager = await apiAs(stack.baseUrl, 'manager');
  const engineerId = (await expectOk(engineer.get<{ id: number }>('/api/auth/me'))).id;
  const plan = await expectOk(
    manager.post<{ id: number }>('/api/inspection-plans', inspectionPlanBody(1, engineerId, { systemCodes: SYSTEMS.slice(0, 2) })),
  );
  await expectOk(manager.post(`/api/inspection-plans/${plan.id}/run`));
  known.push(`#/tickets/${archived}/show`, '#/profile', '#/change-password', `#/verify/${code}`);
}, 600_000);

/** `#/users/12` → `users/:id`: pages of one kind are visited once. */
const kindOf = (href: string) =>
  href
    .replace(/^#\/?/, '')
    .replace(/\?.*$/, '')
    .split('/')
    .map((part, i) => (i === 0 || ['show', 'create', 'edit', 'complete'].includes(part) ? part : ':id'))
    .join('/');
/** The screenshot's name for a page: `tickets-show`, `users-edit` (a record's own page is its form), `verify-code`, `dashboard`. */
const nameOf = (kind: string) =>
  kind === ''
    ? 'dashboard'
    : kind
        .replace(/^verify\/:id$/, 'verify/code')
        .replace(/^([^/]+)\/:id$/, '$1/edit')
        .replace(/\/:id/g, '')
        .replace(/\//g, '-');

interface Screen {
  page: Page;
  size: 'desktop' | 'phone';
  errors: string[];
  inflight: Set<Request>;
}

function watch(page: Page, size: Screen['size']): Screen {
  const screen: Screen = { page, size, errors: [], inflight: new Set() };
  page.on('console', (m) => m.type() === 'error' && screen.errors.push(m.text()));
  page.on('pageerror', (e) => screen.errors.push(e.message));
  page.on('request', (r) => screen.inflight.add(r));
  page.on('requestfinished', (r) => screen.inflight.delete(r));
  page.on('requestfailed', (r) => screen.inflight.delete(r));
  return screen;
}

/** Polls an expression in the page until it is true (page.waitForFunction evaluates it in a way the console's CSP refuses). */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${expression.slice(0, 200)}`);
    await sleep(100);
  }
}

/** Loaded: a title in the app bar, content in the page, nothing loading (a bar with a value is a gauge), no request in flight for half a second. */
async function settle(screen: Screen): Promise<void> {
  const { page } = screen;
  await sleep(200);
  await until(
    page,
    `(() => {
      const title = document.getElementById('react-admin-title');
      const main = document.getElementById('main-content');
      return !!title && title.innerText.trim() !== '' && !!main && main.innerText.trim().length > 10 && !main.querySelector('[role=progressbar]:not([aria-valuenow]), .MuiSkeleton-root');
    })()`,
    20_000,
  );
  let quietSince = Date.now();
  const deadline = Date.now() + 10_000;
  while (Date.now() - quietSince < 500 && Date.now() < deadline) {
    if (screen.inflight.size > 0) quietSince = Date.now();
    await sleep(50);
  }
}

// As strings: tests type-check without the DOM library.
const WIDTHS = '[document.documentElement.scrollWidth, document.documentElement.clientWidth]';
/** Elements reaching past the right edge of the window (or left of it), described briefly. */
const PAST_THE_EDGE = `(() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.right <= w + 1 && r.left >= -1)) continue;
    if (getComputedStyle(el).visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
    // Cut off by a box that hides its overflow (a cell's ellipsis) and is itself on screen: nothing shows past the edge.
    let clip = el.parentElement;
    while (clip && !['hidden', 'clip'].includes(getComputedStyle(clip).overflowX)) clip = clip.parentElement;
    if (clip) {
      const c = clip.getBoundingClientRect();
      if (c.right <= w + 1 && c.left >= -1) continue;
    }
    out.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.') + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' ' + (el.textContent || '').slice(0, 30));
  }
  return out.slice(0, 5);
})()`;
const SHOWN = `((document.getElementById('react-admin-title')?.innerText ?? '') + '|' + (document.getElementById('main-content')?.innerText ?? ''))`;
const MAIN_TEXT = `(document.getElementById('main-content')?.innerText ?? '')`;
const LINKS = `[...document.querySelectorAll('#main-content a[href^="#/"]')].map((a) => a.getAttribute('href'))`;

/** Visits one page at one size and checks it; answers the pages it links to. */
async function visit(screen: Screen, role: string, href: string): Promise<string[]> {
  const { page, size } = screen;
  screen.errors.length = 0;
  // The console is one page: going to the next is a change of its hash, so wait for what shows to change.
  const there = page.url().endsWith(`/${href}`);
  const before = (await page.evaluate(SHOWN)) as string;
  await page.goto(`${stack.baseUrl}/${href}`);
  if (!there) await until(page, `${SHOWN} !== ${JSON.stringify(before)}`, 5000).catch(() => undefined);
  const where = `${role} ${href} ${size}`;
  await settle(screen).catch(async (e: Error) => {
    // What it was waiting for: the requests still open, what it logged, what it showed.
    const open = [...screen.inflight].map((r) => r.url());
    throw new Error(`${where}: ${e.message}\nin flight: ${open.join(', ') || 'none'}\nlogged: ${screen.errors.join(' | ') || 'nothing'}\nshown: ${((await page.evaluate(SHOWN)) as string).slice(0, 300)}`);
  });
  const title = (await page.locator('#react-admin-title').innerText()).trim();
  const text = (await page.evaluate(MAIN_TEXT)) as string;
  // Not an error page, not a page the role may not open.
  expect({ where, error: /出错了|Something went wrong|未找到|Not Found|无权|not allowed/i.test(title + text) }).toEqual({ where, error: false });
  expect({ where, title: title.length > 1 }).toEqual({ where, title: true });
  await shot(page, `${role}-${nameOf(kindOf(href))}-${size}`);
  const [scroll, client] = (await page.evaluate(WIDTHS)) as [number, number];
  // What reaches past the edge, to say where a page too wide is too wide.
  const past = (await page.evaluate(PAST_THE_EDGE)) as string[];
  expect({ where, scroll, past: scroll > client ? past : [] }).toEqual({ where, scroll: Math.min(scroll, client), past: [] });
  if (size === 'desktop') {
    expect(client).toBe(DESKTOP.width);
    expect({ where, past }).toEqual({ where, past: [] });
  } else {
    expect(client).toBe(PHONE.width);
    // Cards, not tables, on a phone.
    expect({ where, tables: await page.locator('#main-content table').count() }).toEqual({ where, tables: 0 });
  }
  expect({ where, errors: screen.errors }).toEqual({ where, errors: [] });
  return (await page.evaluate(LINKS)) as string[];
}

describe('every page of the console, at 1440×900 and at 390×844 (issue 15)', () => {
  it.each([
    ['admin', 'admin'],
    ['manager', 'manager'],
    ['dispatcher', 'dispatcher'],
    ['engineer', 'engineer'],
    ['contact', 'cdphc'],
  ])('%s: each page says what it is, logs no error and fits the screen', async (role, username) => {
    const desktopUser = await stack.as(username);
    await desktopUser.page.setViewportSize(DESKTOP);
    const phoneUser = await stack.as(username, { phone: true });
    const screens = [watch(phoneUser.page, 'phone'), watch(desktopUser.page, 'desktop')];
    // The menu the role sees: its pages, whatever they are.
    const menu = desktopUser.page.locator('a.RaMenuItemLink-root[href^="#/"]');
    await menu.first().waitFor();
    const hrefs = (await menu.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) as string[];
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    const queue = [...hrefs, ...known];
    const seen = new Set(queue.map(kindOf));
    const visited: string[] = [];
    while (queue.length) {
      const href = queue.shift()!;
      visited.push(nameOf(kindOf(href)));
      // Both sizes at once: two pages of one browser.
      const links = (await Promise.all(screens.map((screen) => visit(screen, role, href)))).flat();
      for (const link of links) {
        const kind = kindOf(link);
        if (seen.has(kind)) continue;
        seen.add(kind);
        queue.push(link);
      }
    }
    // Whatever else it found, each role's home, its requests and its own pages are there.
    expect(visited).toEqual(expect.arrayContaining(['dashboard', 'tickets', 'tickets-show', 'profile', 'change-password', 'verify', 'verify-code']));
    await desktopUser.close();
    await phoneUser.close();
  }, 300_000);
});
