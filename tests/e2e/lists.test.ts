import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { newTicketBody } from '../../harness/new-ticket';
import { triage } from '../../harness/step-data';
import type { ApiSession } from '../../harness/http-session';
import { apiAs, autocomplete, expectOk, openTaskId, shot, useConsoleStack } from '../support/e2e-console';
import { xlsxRows } from '../support/exports';

const stack = useConsoleStack();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lists-console-'));

const DEMO2 = '示范人民医院';
const rows = (page: Page) => page.locator('.RaDatagrid-tbody > tr');

/** Waits until the grid shows `count` rows, each holding `text`. */
async function rowsAre(page: Page, count: number, text: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const texts = await rows(page).allInnerTexts();
    if (texts.length === count && texts.every((t) => t.includes(text))) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} rows with ${text}, saw ${JSON.stringify(texts)}`);
    await page.waitForTimeout(200);
  }
}

let dispatcherApi: ApiSession;
let triaged: string;

beforeAll(async () => {
  dispatcherApi = await apiAs(stack.baseUrl, 'dispatcher');
  const demo2 = (await expectOk(dispatcherApi.get<{ id: number }[]>('/api/hospitals', { filter: { q: 'DEMO2' } })))[0].id;
  const raised: string[] = [];
  for (const [hospitalId, title] of [
    [1, '移动护理PDA扫描腕带后无响应，夜班无法核对医嘱'],
    [1, '护理管理系统排班导出报错'],
    [demo2, '心内科护士站白板不刷新'],
    [demo2, '示范人民医院 PDA 同步失败'],
  ] as const) {
    raised.push((await expectOk(dispatcherApi.post<{ id: string }>('/api/tickets', newTicketBody({ hospitalId, title })))).id);
  }
  // Triaged straight from the dispatchers' queue: nobody held the task, 李调度 completed it.
  triaged = raised[0];
  const engineer = await expectOk(dispatcherApi.get<{ id: number; username: string }[]>('/api/users', { filter: { q: 'engineer' } }));
  await expectOk(dispatcherApi.post(`/api/tasks/${await openTaskId(dispatcherApi, triaged, 'triage')}/complete`, triage('remote', engineer.find((u) => u.username === 'engineer')!.id)));
}, 120_000);

describe('the lists (issue 15): saved views on the tasks, who completed a task, exports of every list', () => {
  it('saves a filtered view of the task list and applies it after a reload', async () => {
    const { page } = await stack.as('dispatcher');
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page.getByRole('tab', { name: '全部待办', exact: true }).click();
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByRole('menuitemcheckbox', { name: '医院' }).click();
    await autocomplete(page, '医院', DEMO2);
    await rowsAre(page, 2, DEMO2);

    await page.getByRole('button', { name: '保存的视图' }).click();
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await page.getByRole('dialog', { name: '保存当前视图' }).getByRole('textbox', { name: '名称' }).fill('示范人民医院的待办');
    await page.getByRole('dialog', { name: '保存当前视图' }).getByRole('button', { name: '保存' }).click();
    await page.getByText('视图已保存').waitFor();
    const [saved] = await expectOk(dispatcherApi.get<{ name: string; params: { filter: Record<string, unknown> } }[]>('/api/saved-views', { filter: { resource: 'tasks' } }));
    expect(saved).toMatchObject({ name: '示范人民医院的待办', params: { filter: { status: 'open', hospitalId: expect.any(Number) } } });
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByRole('tab', { name: '我的任务', exact: true }).click();
    await page.getByRole('button', { name: '保存的视图' }).click();
    await page.getByRole('button', { name: '示范人民医院的待办', exact: true }).click();
    await rowsAre(page, 2, DEMO2);
    // The view's hospital is shown as a filter, so what narrows the list is in sight.
    const hospital = page.getByRole('combobox', { name: '医院' });
    await hospital.waitFor();
    for (let i = 0; (await hospital.inputValue()) !== DEMO2; i++) {
      if (i > 100) throw new Error(`the hospital filter shows ${await hospital.inputValue()}`);
      await page.waitForTimeout(100);
    }
    await shot(page, 'lists-1-task-view');
  });

  it('names who completed a task: the done tab, the request’s task table, the card on a phone', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page.getByRole('tab', { name: '已完成', exact: true }).click();
    const done = page.locator('.RaDatagrid-tbody > tr', { hasText: triaged });
    await done.waitFor();
    expect(await done.innerText()).toContain('李调度');

    // The engineer may not read the user directory: the name comes with the task.
    const engineer = (await stack.as('engineer')).page;
    await engineer.goto(`${stack.baseUrl}/#/tickets/${triaged}/show`);
    const triageRow = engineer.getByRole('table', { name: '任务' }).locator('tr', { hasText: '分诊' });
    await triageRow.waitFor();
    expect(await triageRow.innerText()).toContain('李调度');
    expect(await triageRow.innerText()).not.toContain('未知');

    const phone = (await stack.as('engineer', { phone: true })).page;
    await phone.goto(`${stack.baseUrl}/#/tickets/${triaged}/show`);
    const card = phone.getByRole('article', { name: '分诊' });
    await card.waitFor();
    expect(await card.innerText()).toContain('完成人 李调度');
    await shot(phone, 'lists-2-completed-by-phone');
  });

  it('every list page exports its rows: users, hospitals, departments, SLA terms', async () => {
    const { page } = await stack.as('admin');
    for (const [menu, resource, first] of [
      ['用户', 'users', '编号'],
      ['服务响应承诺', 'sla-policies', '名称'],
      ['医院', 'hospitals', '编号'],
      ['科室', 'departments', '编号'],
    ] as const) {
      await page.getByRole('menuitem', { name: menu, exact: true }).click();
      await page.waitForURL(new RegExp(`#/${resource}`));
      // The new list, not the last one's rows (and 导出) still on screen while it unmounts.
      await page.locator('#react-admin-title').getByText(menu).waitFor();
      await rows(page).first().waitFor();
      const total = Number((await page.evaluate(`fetch('/api/${resource}?range=[0,0]').then((r) => r.headers.get('content-range'))`) as string).split('/')[1]);
      await page.getByRole('button', { name: '导出', exact: true }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel/ }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${resource}-\\d{8}-\\d{4}\\.xlsx$`));
      const file = path.join(tmp, `${resource}.xlsx`);
      await download.saveAs(file);
      const book = await xlsxRows(fs.readFileSync(file));
      expect([resource, book.rows.length, book.rows[0][0]]).toEqual([resource, total + 1, first]);
    }
  });
});
