import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seeders/demo.seeder';
import { Ticket } from '../../db/entities';
import { screenshot } from '../support/browser';
import { useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

/** Signs in through the login page, then opens the ticket list; resolves once it has loaded its first page. */
async function signIn(username: string): Promise<Page> {
  const context = await stack.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(stack.baseUrl + '/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  // Signed in: the home page (首页) is up.
  await page.getByRole('menuitem', { name: '首页' }).waitFor();
  const listLoaded = page.waitForResponse((r) => r.url().includes('/api/tickets?') && r.status() === 200);
  await page.getByRole('menuitem', { name: '服务请求' }).click();
  await listLoaded;
  return page;
}

/** Chooses from a select by its visible (translated) label, as a user would. */
async function pick(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('console slice', () => {
  it('a hospital contact raises a request in Chinese and the dispatcher sees it in the list', async () => {
    const contact = await signIn('cdphc');
    await contact.getByRole('menuitem', { name: '服务请求' }).waitFor();
    await screenshot(contact, 'tickets-list-contact');
    await contact.goto(stack.baseUrl + '/#/tickets/create');
    await pick(contact, /^系统/, '护士站白板系统');
    await pick(contact, /^故障级别/, '二级（严重）');
    await contact.locator('input[name="reporterName"]').fill('陈老师');
    await contact.locator('input[name="title"]').fill('白板不显示今日手术');
    await contact.locator('textarea[name="description"]').fill('重症医学科护士站白板从早上开始不显示今日手术安排');
    await screenshot(contact, 'ticket-create-filled');
    await contact.getByRole('button', { name: '保存' }).click();
    await contact.waitForURL(/#\/tickets\/SR-\d{8}-\d{5}\/show/);
    const ticketNo = decodeURIComponent(contact.url().match(/tickets\/([^/]+)\/show/)![1]);
    await contact.getByText('白板不显示今日手术').first().waitFor();
    await screenshot(contact, 'ticket-show-contact');

    const row = await stack.orm.em.fork().findOneOrFail(Ticket, ticketNo, { populate: ['hospital'] });
    expect([row.channel, row.faultLevel, row.hospital.getEntity().code, row.step]).toEqual(['portal', 2, 'CDPHC', 'triage']);

    const dispatcher = await signIn('dispatcher');
    const listRow = dispatcher.locator('tr', { hasText: ticketNo });
    await listRow.waitFor();
    expect(await listRow.innerText()).toContain('白板不显示今日手术');
    expect(await listRow.innerText()).toContain('成都市公共卫生临床医疗中心');
    await screenshot(dispatcher, 'tickets-list-dispatcher');
  });

  it('a hospital contact of another hospital does not see it', async () => {
    const other = await signIn('demo2');
    await other.getByRole('menuitem', { name: '服务请求' }).waitFor();
    expect(await other.locator('tr', { hasText: '白板不显示今日手术' }).count()).toBe(0);
    await screenshot(other, 'tickets-list-other-hospital');
  });

  it('退出登录 ends the session on the server, not only in this browser', async () => {
    const page = await signIn('engineer');
    const session = (await page.context().cookies()).find((c) => c.name === 'sd_session')!;
    const me = () => fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie: `sd_session=${session.value}` } });
    expect((await me()).status).toBe(200);
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    // The sign-in form comes after the sign-out call has answered. The console skips that call only when the
    // server has already said there is no session: not the case here.
    await page.locator('input[name="username"]').waitFor();
    expect((await me()).status).toBe(401);
  });
});

/** Every CSP violation the page reports, from the browser's console and its securitypolicyviolation events. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  // Runs in the page (before its own scripts, outside its CSP): the events the policy raises.
  await page.addInitScript({
    content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return async () => [...seen, ...((await page.evaluate('window.__csp')) as string[])];
}

describe('the Content-Security-Policy', () => {
  it('lets the console sign in and render a list, and the API docs render, with no violation', async () => {
    const context = await stack.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const index = await page.goto(stack.baseUrl + '/');
    expect(index!.headers()['content-security-policy']).toContain("script-src 'self'");
    // The built console's index.html has no inline script (Vite emits module scripts with src).
    expect(await index!.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    await page.locator('input[name="username"]').fill('dispatcher');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('menuitem', { name: '首页' }).waitFor();
    const listLoaded = page.waitForResponse((r) => r.url().includes('/api/tickets?') && r.status() === 200);
    await page.getByRole('menuitem', { name: '服务请求' }).click();
    await listLoaded;
    await page.locator('table tbody tr').first().waitFor();
    expect(await violations()).toEqual([]);

    const docs = await context.newPage();
    const docsViolations = await watchCsp(docs);
    await docs.goto(stack.baseUrl + '/api/docs');
    await docs.locator('.swagger-ui .opblock').first().waitFor();
    expect(await docsViolations()).toEqual([]);
    await screenshot(docs, 'api-docs');
    await context.close();
  });
});
