import type { Page } from 'playwright-core';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { sleep } from '../../harness/wait';
import { apiAs, expectOk, shot, useConsoleStack } from '../support/e2e-console';
import { WriteRate } from '../../api/write-rate';
import { SYSTEMS } from '../support/long-text';
import { raiseRequests } from '../support/raise-requests';

// Seeding 300 requests is a script, not the user under test: no write limit for it.
const stack = useConsoleStack({ writeRate: new WriteRate(1e6, 1e6) });

// Hospital names as long as real ones (60+ characters), titles as people type them.
const HOSPITALS = [
  '四川省成都市公共卫生临床医疗中心（成都市传染病医院、成都市第七人民医院）高新区分院重症医学与感染性疾病诊疗护理信息化示范中心',
  '中国人民解放军西部战区总医院暨四川省人民医院医疗集团成都市第二人民医院锦江院区老年医学科与心血管内科护理信息化建设示范病区',
  '新疆维吾尔自治区喀什地区第一人民医院（喀什大学附属第一医院）南疆区域医疗中心急诊重症医学科与移动护理及护理管理信息化建设项目部',
];
const TOTAL = 300;

const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
const rows = (page: Page) => page.locator('.RaDatagrid-tbody > tr');

let breachedCount = 0;

beforeAll(async () => {
  const admin = await apiAs(stack.baseUrl, 'admin');
  const dispatcher = await apiAs(stack.baseUrl, 'dispatcher');
  // The first hospital's reply commitments run out within seconds: its open requests are the breached ones.
  const hospitals = [
    (await hospitalWithPolicy(stack.orm, { replySeconds: 5 })).hospitalId,
    (await hospitalWithPolicy(stack.orm, { replySeconds: 4 * 3600 }, { 1: { replySeconds: 2 * 3600 } })).hospitalId,
    (await hospitalWithPolicy(stack.orm, { replySeconds: 6 * 3600 })).hospitalId,
  ];
  for (const [i, id] of hospitals.entries()) {
    expect(HOSPITALS[i].length).toBeGreaterThanOrEqual(60);
    await expectOk(admin.request('PUT', `/api/hospitals/${id}`, { code: `Q${i}${Date.now().toString(36)}`.toUpperCase(), name: HOSPITALS[i], systemCodes: SYSTEMS }));
  }
  breachedCount = 30;
  const seed = (hospitalId: number, count: number, offset: number) =>
    raiseRequests(dispatcher, { hospitalId, count, offset, keyPrefix: 'queue-seed', parallel: 2, reporter: { reporterName: '护理部信息专员' } });
  await seed(hospitals[0], breachedCount, 0);
  await seed(hospitals[1], 135, breachedCount);
  await seed(hospitals[2], TOTAL - 135 - breachedCount, breachedCount + 135);
  await sleep(5000);
}, 600_000);

describe('the ticket list as a working queue (issue 15, part 1)', () => {
  it('shows ≥ 40 dense rows at 1440×900, the page no wider than the screen, breached L1 first', async () => {
    const { page } = await stack.as('dispatcher');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await rows(page).nth(39).waitFor();
    expect(await rows(page).count()).toBeGreaterThanOrEqual(40);
    const heights = (await page.evaluate(`[...document.querySelectorAll('.RaDatagrid-tbody > tr')].map((r) => r.getBoundingClientRect().height)`)) as number[];
    expect(Math.max(...heights)).toBeLessThanOrEqual(33);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The title keeps a readable share of the row beside the fixed columns.
    expect((await page.locator('th.column-title').boundingBox())!.width).toBeGreaterThanOrEqual(150);
    // The most urgent request first: a breached level-1.
    const first = await rows(page).first().innerText();
    expect(first).toContain('一级（紧急）');
    expect(first).toContain('已超时');
    expect(first).toContain(HOSPITALS[0].slice(0, 10));
    // Cut to one line, the whole text on hover.
    const title = rows(page).first().locator('td.column-hospitalName span');
    expect(await title.getAttribute('title')).toBe(HOSPITALS[0]);
    await shot(page, 'queue-1-tickets-1440');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'queue-2-tickets-1280');
    // Signing in and two full-page screenshots of 50 rows: slow on a loaded two-core machine.
  }, 300_000);

  it('moves with j/k, opens with Enter, lists the keys with ?', async () => {
    const { page } = stack.signedIn[0];
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await rows(page).nth(2).waitFor();
    const second = (await rows(page).nth(1).locator('td.column-id').innerText()).trim();
    for (const key of ['j', 'j', 'j', 'k']) await page.keyboard.press(key);
    await page.keyboard.press('Shift+?');
    await page.getByRole('dialog', { name: '键盘快捷键' }).waitFor();
    await shot(page, 'queue-3-keys-help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Typing in the search box moves nothing.
    await page.getByRole('textbox', { name: '搜索' }).focus();
    await page.keyboard.press('j');
    await page.getByRole('textbox', { name: '搜索' }).fill('');
    await page.evaluate('document.activeElement?.blur?.()');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/tickets/${second}/show`));
  });

  it('keeps a hidden column hidden after a reload', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await rows(page).first().waitFor();
    expect(await page.locator('th.column-systemCode').count()).toBe(1);
    await page.getByRole('button', { name: '列', exact: true }).click();
    await page.getByRole('option', { name: '系统', exact: true }).locator('input').click();
    await page.keyboard.press('Escape');
    await page.locator('th.column-systemCode').waitFor({ state: 'detached' });
    await page.reload();
    await rows(page).first().waitFor();
    expect(await page.locator('th.column-systemCode').count()).toBe(0);
    expect(await page.locator('th.column-title').count()).toBe(1);
    await shot(page, 'queue-4-column-hidden');
  });

  it('applies a view a manager shared with the role', async () => {
    const manager = await apiAs(stack.baseUrl, 'manager');
    await expectOk(manager.post('/api/saved-views', { name: '一级超时（全体调度）', resource: 'tickets', params: { filter: { status: 'open', faultLevel: 1, breached: true } }, role: 'dispatcher' }));
    const { page } = stack.signedIn[0];
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await page.reload();
    await page.getByRole('button', { name: /一级超时（全体调度）/ }).click();
    // Ten of the breached hospital's thirty requests are level 1.
    await page.getByText('第 1-10 条，共 10 条').waitFor();
    for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(/一级（紧急）[\s\S]*已超时/);
    await shot(page, 'queue-5-saved-view');
  });

  it('the task list: dense, one row of small buttons, most urgent first', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page.getByRole('tab', { name: '待领取', exact: true }).click();
    await rows(page).nth(39).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const first = await rows(page).first().innerText();
    expect(first).toContain('一级（紧急）');
    expect(first).toContain('已超时');
    const heights = (await page.evaluate(`[...document.querySelectorAll('.RaDatagrid-tbody > tr')].map((r) => r.getBoundingClientRect().height)`)) as number[];
    expect(Math.max(...heights)).toBeLessThanOrEqual(33);
    await shot(page, 'queue-6-tasks');
  });
});
