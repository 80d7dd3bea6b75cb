import type { Locator, Page } from 'playwright-core';
import { apiAs, expectOk, fill, onTicketPage, openTaskId, PHONE, shot, signOnPad, useConsoleStack, userId } from '../support/e2e-console';
import { approve, triage } from '../../harness/step-data';

/**
 * On site with a phone (issue 15, item 2): at 390×844 the engineer checks in (the address tells
 * where), files the repair form, and the hospital's contact signs on the pad, each page without
 * sideways scrolling. The desk's own steps before (triage, the dispatch approval) go over the API.
 */
const stack = useConsoleStack();

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsTheScreen(page: Page): Promise<void> {
  // As a string: tests type-check without the DOM library.
  const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect({ url: page.url(), scroll }).toEqual({ url: page.url(), scroll: Math.min(scroll, client) });
  expect(client).toBe(PHONE.width);
}

/** Wholly on screen, left to right (a button half off the edge cannot be tapped). */
async function onScreen(locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
}

async function departmentId(name: string): Promise<number> {
  const api = await apiAs(stack.baseUrl, 'dispatcher');
  const list = await expectOk(api.get<{ id: number; name: string; hospitalId: number }[]>('/api/departments', { filter: { hospitalId: 1, q: name } }));
  const d = list.find((x) => x.name === name);
  if (!d) throw new Error(`no department ${name}`);
  return d.id;
}

describe('on site with a phone', () => {
  let ticketNo: string;

  beforeAll(async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const dispatcher = await apiAs(stack.baseUrl, 'dispatcher');
    const ticket = await expectOk(
      contact.post<{ id: string }>('/api/tickets', {
        hospitalId: 1,
        departmentId: await departmentId('感染一科'),
        systemCode: 'mnis',
        channel: 'portal',
        faultLevel: 2,
        title: '感染一科 PDA 扫码后护理记录无法保存，提示会话超时',
        description: '感染一科护士站三台 PDA 扫描腕带后保存护理记录时提示“会话超时”，重启 PDA 无效',
        reporterName: '王护士长',
        reporterPhone: '028-8642 3001',
      }),
    );
    ticketNo = ticket.id;
    const engineerId = await userId(dispatcher, 'engineer');
    await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticketNo, 'triage')}/complete`, triage('onsite', engineerId, 2)));
    await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticketNo, 'dispatch')}/complete`, approve(engineerId)));
    await openTaskId(dispatcher, ticketNo, 'checkin');
  });

  it('the engineer finds the check-in on the home page, sees where to go, calls the reporter, and checks in', async () => {
    const { page } = await stack.as('engineer', { phone: true });
    const card = page.getByRole('article').filter({ hasText: ticketNo }).filter({ hasText: '到场签到' });
    await card.waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-01-engineer-home');

    const work = card.getByRole('link', { name: /办理/ });
    await onScreen(work);
    await work.tap();
    await page.waitForURL(/#\/tasks\/.+\/complete/);
    const where = page.getByRole('region', { name: '服务地点' });
    await where.getByText('住院楼 A 区 5 层护士站').waitFor();
    expect(await where.innerText()).toContain('四川省成都市锦江区静明路 377 号');
    // The reporter's number dials with one tap.
    expect(await page.getByRole('link', { name: '028-8642 3001' }).getAttribute('href')).toBe('tel:02886423001');
    await fitsTheScreen(page);
    await shot(page, 'phone-02-checkin');

    const checkIn = page.getByRole('button', { name: '到场签到' });
    await onScreen(checkIn);
    await checkIn.tap();
    await onTicketPage(page);
    await page.getByText('轮到您：系统维修单').waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-03-ticket-checked-in');
  });

  it('the ticket page keeps the engineer’s next step at the top while scrolling, and files the repair form', async () => {
    const { page } = stack.signedIn[0];
    const banner = page.getByRole('alert').filter({ hasText: '轮到您' });
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.waitForTimeout(200);
    // Sticky under the app bar: still on screen at the bottom of a long page.
    const box = await banner.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    const work = banner.getByRole('link', { name: /办理/ });
    await onScreen(work);
    await work.tap();
    await page.waitForURL(/#\/tasks\/.+\/complete/);
    await page.getByRole('heading', { name: '填写系统维修单' }).waitFor();
    await fill(page, /^故障原因/, '无线 AP 固件缺陷导致 PDA 会话频繁断开，中间件连接未及时回收');
    await fill(page, /^处理过程/, '升级感染一科 3 台无线 AP 固件至 8.10.130，调整漫游阈值，重启移动护理中间件');
    await fill(page, /^处理结果/, 'PDA 扫码保存护理记录恢复正常，王护士长确认');
    await fill(page, /^更换部件/, '无');
    await fitsTheScreen(page);
    await shot(page, 'phone-04-repair-form');
    const submit = page.getByRole('button', { name: '提交' });
    await onScreen(submit);
    await submit.tap();
    await onTicketPage(page);
    await page.getByText('等待：医院签字确认').waitFor();
    await fitsTheScreen(page);
  });

  it('the engineer’s lists are cards that fit the screen', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await page.getByText(ticketNo).first().waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await fitsTheScreen(page);
    await shot(page, 'phone-05-engineer-tickets');
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page.getByRole('tab', { name: '已完成', exact: true }).tap();
    await page.getByRole('article').filter({ hasText: ticketNo }).first().waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-06-engineer-tasks');
  });

  it('the hospital contact signs on the pad with a finger-sized pad and buttons on screen', async () => {
    const { page } = await stack.as('cdphc', { phone: true });
    const card = page.getByRole('article').filter({ hasText: ticketNo }).filter({ hasText: '医院签字确认' });
    await card.waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-07-contact-home');
    await card.getByRole('link', { name: /办理/ }).tap();
    await page.getByText('请核对系统维修单后签字').waitFor();
    await page.getByText('升级感染一科 3 台无线 AP 固件至 8.10.130').first().waitFor();
    await fill(page, /^签字人/, '王护士长');
    await fill(page, /^科室/, '感染一科');
    const pad = page.getByRole('img', { name: '签名', exact: true });
    await onScreen(pad);
    // The pad takes the width of the card it is in: most of the screen.
    expect((await pad.boundingBox())!.width).toBeGreaterThan(PHONE.width * 0.7);
    await signOnPad(page, pad);
    await page.getByRole('img', { name: '签名预览' }).waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-08-signature-pad');
    const confirm = page.getByRole('button', { name: '确认签字' });
    expect(await confirm.isDisabled()).toBe(false);
    await onScreen(confirm);
    await confirm.tap();
    await onTicketPage(page);
    await page.getByText('已归档').first().waitFor({ timeout: 30_000 });
    await fitsTheScreen(page);
    await shot(page, 'phone-09-contact-archived');
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await page.getByText(ticketNo).first().waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-10-contact-tickets');
  });

  it('the hospital contact’s other pages fit the screen too: raising a request, the signed forms', async () => {
    const { page } = stack.signedIn[1];
    await page.goto(`${stack.baseUrl}/#/tickets/create`);
    await page.getByRole('combobox', { name: /^系统/ }).waitFor();
    await fitsTheScreen(page);
    await onScreen(page.getByRole('button', { name: '保存' }));
    await shot(page, 'phone-11-contact-new-request');
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page.getByRole('tab', { name: '已完成', exact: true }).tap();
    await page.getByRole('article').filter({ hasText: ticketNo }).first().waitFor();
    await fitsTheScreen(page);
    await shot(page, 'phone-12-contact-tasks-done');
  });
});
