import type { Page } from 'playwright-core';
import { addMonths, periodOf } from '../../domain/inspection/period';
import { autocomplete, fill, PHONE, pick, shot, useConsoleStack } from '../support/e2e-console';

/**
 * 巡检计划 in the console (issue 16, item 6): a manager plans the monthly inspection of a hospital,
 * sees the schedule's next runs, pauses it for a change freeze and resumes it, runs this month's
 * now, and the 巡检看板 shows that hospital's month in progress, on a desktop and on a phone.
 */
const stack = useConsoleStack();
const HOSPITAL = '成都市公共卫生临床医疗中心';
const period = periodOf(new Date(), 'Asia/Shanghai');

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsTheScreen(page: Page): Promise<void> {
  // As a string: tests type-check without the DOM library.
  const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(scroll).toBeLessThanOrEqual(client);
  expect(client).toBe(PHONE.width);
}

/** A small action's dialog: the note, then 提交. */
async function withNote(page: Page, button: string, note: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByRole('textbox', { name: /^说明/ }).fill(note);
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('inspection plans in the console', () => {
  it('a manager plans, pauses, resumes and runs a monthly inspection; the board shows the month in progress', async () => {
    const { page } = await stack.as('manager');
    await page.getByRole('menuitem', { name: '巡检计划' }).click();
    await page.getByRole('link', { name: '新建' }).click();

    await autocomplete(page, /^医院/, '成都市公共卫生', HOSPITAL);
    await pick(page, /^报告模板/, '系统巡检');
    await page.getByRole('checkbox', { name: '移动护理信息系统' }).check();
    await page.getByRole('checkbox', { name: '护理管理系统' }).check();
    await pick(page, /^重复周期/, '每月');
    await page.getByRole('spinbutton', { name: /^每月日期/ }).fill('1');
    await page.getByRole('spinbutton', { name: /^时/ }).fill('9');
    await page.getByRole('spinbutton', { name: /^分/ }).fill('30');
    await page.getByText('每月1日 09:30').waitFor();
    await pick(page, /^负责工程师/, /张工/);
    await page.getByRole('spinbutton', { name: /^报告期限/ }).fill('10');
    await fill(page, /^备注/, '每月巡检移动护理与护理管理系统；感染一科、重症医学科的 PDA 每次都要逐台检查');
    await shot(page, 'plans-01-create');
    await page.getByRole('button', { name: '保存' }).click();

    // The plan's page: what was decided, and the next runs as Temporal's schedule has them.
    await page.waitForURL(/#\/inspection-plans\/\d+\/show/);
    const nextRuns = page.getByRole('list', { name: '下次执行' });
    await nextRuns.waitFor();
    const runs = await nextRuns.getByRole('listitem').allInnerTexts();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) expect(run).toMatch(/^\d{4}-\d{2}-01 09:30$/);
    await page.getByText('每月1日 09:30').waitFor();
    await shot(page, 'plans-02-show');

    await withNote(page, '暂停', '医院 HIS 升级，12 月变更冻结');
    await page.getByText('已暂停：医院 HIS 升级，12 月变更冻结').waitFor();
    await page.getByText('已暂停：恢复之前不会执行').waitFor();
    await shot(page, 'plans-03-paused');
    await withNote(page, '恢复', '冻结结束');
    await nextRuns.waitFor();
    expect(await page.getByText('已暂停：医院 HIS 升级，12 月变更冻结').count()).toBe(0);

    await page.getByRole('button', { name: '立即执行' }).click();
    await page.getByText(`已开启 ${period} 的巡检`).waitFor();
    const row = page.locator('tr', { hasText: period }).filter({ hasText: '待确认' });
    await row.waitFor();
    await shot(page, 'plans-04-ran-now');

    await page.getByRole('menuitem', { name: '巡检看板' }).click();
    const cell = page.getByRole('link', { name: `${HOSPITAL} · 系统巡检 · ${period}：进行中` });
    await cell.waitFor();
    expect(await cell.innerText()).toContain('进行中');
    await page.getByRole('list', { name: '图例' }).waitFor();
    await shot(page, 'plans-05-board');
    // The cell leads to that inspection's page, where its next step is.
    await cell.click();
    await page.waitForURL(/#\/inspections\/\d+\/show/);
    await page.getByRole('heading', { name: `巡检详情 · ${period}` }).waitFor();
    await page.getByRole('region', { name: '确认巡检计划' }).waitFor();
  });

  it('the board fits a phone: hospitals as cards, nothing scrolls sideways', async () => {
    const { page } = await stack.as('manager', { phone: true });
    await page.goto(`${stack.baseUrl}/#/inspection-board`);
    const card = page.getByRole('region', { name: HOSPITAL });
    await card.getByRole('link', { name: `${HOSPITAL} · 系统巡检 · ${period}：进行中` }).waitFor();
    await fitsTheScreen(page);
    await shot(page, 'plans-06-board-phone');

    await page.goto(`${stack.baseUrl}/#/inspection-plans`);
    await page.getByRole('article').first().waitFor();
    await fitsTheScreen(page);
    await shot(page, 'plans-07-list-phone');
  });

  it('an admin adds an item to the monthly inspection: a refused key shows on its field, the save is version 2 beside version 1', async () => {
    const { page } = await stack.as('admin');
    await page.getByRole('menuitem', { name: '报告模板' }).click();
    await page.locator('tr', { hasText: '系统巡检报告' }).click();
    await page.getByText('当前版本（第 1 版）').waitFor();
    await page.getByRole('link', { name: '保存新版本' }).click();
    await page.waitForURL(/#\/inspection-templates\/monthly_inspection$/);

    // The last section's items: its add button is the one before the sections' own.
    const adds = page.getByRole('button', { name: '添加' });
    await adds.nth((await adds.count()) - 2).click();
    const labels = page.getByRole('textbox', { name: /^检查项名称/ });
    await labels.last().fill('下月巡检前需医院信息科配合准备的事项');
    const keys = page.getByRole('textbox', { name: /^标识/ });
    const key = keys.nth((await keys.count()) - 1);
    await key.fill('advice');
    await page.getByRole('combobox', { name: /^类型/ }).last().click();
    await page.getByRole('option', { name: '文字' }).click();
    await shot(page, 'plans-08-template-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('此标识在模板中重复').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');

    await key.fill('preparation');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存第 2 版').waitFor();
    await page.getByText('当前版本（第 2 版）').waitFor();
    await page.getByText('下月巡检前需医院信息科配合准备的事项').first().waitFor();
    const history = page.getByRole('region', { name: '版本历史' });
    await history.getByText(/^第 2 版 · .+ · 系统管理员$/).waitFor();
    await history.getByText(/^第 1 版 · .+ · 系统内置$/).waitFor();
    await shot(page, 'plans-09-template-versions');
  });

  it('sixty hospitals × twelve months render at once, and the grid scrolls inside its own box', async () => {
    // 58 more hospitals (long names), each with a monthly inspection (a year of archived reports) and a quarterly security check never run.
    const execute = (query: string, params: unknown[] = []) => stack.orm.em.getConnection().execute(query, params);
    const [{ engineer, manager }] = await execute(`select (select id from users where username = 'engineer') as engineer, (select id from users where username = 'manager') as manager`);
    const start = `${addMonths(period, -11)}-01`;
    await execute(`insert into hospitals (code, name, created_at) select 'BIG' || g, '四川省第' || g || '人民医院（天府新区院区）护理信息化建设示范单位', now() from generate_series(1, 58) g`);
    for (const [template, every] of [['monthly_inspection', 1], ['security_check', 3]] as const) {
      await execute(
        `insert into inspection_plans (hospital_id, template_code, system_codes, recurrence, engineer_id, report_days, start_date, catchup_days, paused, created_by_id, created_at, updated_at)
         select id, ?, '["mnis"]', ?::jsonb, ?, 7, ?, 7, false, ?, now(), now() from hospitals where code like 'BIG%'`,
        [template, JSON.stringify({ dayOfMonth: 1, hour: 0, minute: 0, everyMonths: every }), engineer, start, manager],
      );
    }
    await execute(
      `insert into inspections (plan_id, period, hospital_id, workflow_id, template_code, template_version, engineer_id, status, planned_date, visit_date, report_due_date, started_by, created_at, updated_at)
       select p.id, m.period, p.hospital_id, 'inspection-' || p.id || '-' || m.period, p.template_code, 1, p.engineer_id, 'archived', m.period || '-01', m.period || '-01', m.period || '-08', 'schedule', now(), now()
       from inspection_plans p join hospitals h on h.id = p.hospital_id and h.code like 'BIG%'
       cross join (select to_char(date_trunc('month', ?::date) - make_interval(months => g), 'YYYY-MM') as period from generate_series(1, 11) g) m
       where p.template_code = 'monthly_inspection'`,
      [`${period}-01`],
    );

    const { page } = await stack.as('manager');
    const started = Date.now();
    await page.goto(`${stack.baseUrl}/#/inspection-board`);
    const rows = page.locator('tbody tr');
    await page.getByRole('rowheader', { name: '四川省第58人民医院（天府新区院区）护理信息化建设示范单位' }).waitFor();
    // The first load includes the page's code and the session's start: bounded loosely, as a shared machine is slow.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await rows.count()).toBe(60);
    // The board opens on nine months back, this one and two ahead: nine of the eleven archived reports.
    expect(await page.getByRole('link', { name: /^四川省第7人民医院.+ · 系统巡检 · .+：已完成$/ }).count()).toBe(9);
    // Moving the window three months: the next twelve months' grid asked for and drawn.
    const moved = Date.now();
    await page.getByRole('button', { name: '之后的月份' }).click();
    await page.getByRole('columnheader', { name: addMonths(period, 5) }).waitFor();
    await page.getByRole('rowheader', { name: '四川省第58人民医院（天府新区院区）护理信息化建设示范单位' }).waitFor();
    expect(Date.now() - moved).toBeLessThan(3000);
    await page.getByRole('button', { name: '本月' }).click();
    await page.getByRole('columnheader', { name: addMonths(period, 5) }).waitFor({ state: 'detached' });
    // The page itself never scrolls sideways; the grid does, inside its box.
    const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
    expect(scroll).toBeLessThanOrEqual(client);
    await shot(page, 'plans-10-board-sixty-hospitals');
  });

  it('a dispatcher reads plans without their buttons; a hospital contact sees only their own hospital on the board', async () => {
    const dispatcher = (await stack.as('dispatcher')).page;
    await dispatcher.getByRole('menuitem', { name: '巡检计划' }).click();
    // Fifty plans of sixty hospitals on the first page: every hospital's name is there (a page's references are all fetched).
    const named = dispatcher.locator('tbody tr', { hasText: /人民医院（天府新区院区）|成都市公共卫生临床医疗中心|示范人民医院/ });
    await named.nth(49).waitFor();
    expect(await named.count()).toBe(50);
    // The demo's first hospital: its plan.
    await dispatcher.goto(`${stack.baseUrl}/#/inspection-plans?filter=${encodeURIComponent(JSON.stringify({ hospitalId: 1 }))}`);
    await dispatcher.locator('tr', { hasText: HOSPITAL }).first().click();
    await dispatcher.getByRole('list', { name: '下次执行' }).waitFor();
    for (const button of ['暂停', '立即执行', '补建']) expect(await dispatcher.getByRole('button', { name: button, exact: true }).count()).toBe(0);
    expect(await dispatcher.getByRole('link', { name: '新建' }).count()).toBe(0);

    const contact = (await stack.as('cdphc')).page;
    expect(await contact.getByRole('menuitem', { name: '巡检计划' }).count()).toBe(0);
    await contact.getByRole('menuitem', { name: '巡检看板' }).click();
    await contact.getByRole('link', { name: `${HOSPITAL} · 系统巡检 · ${period}：进行中` }).waitFor();
    expect(await contact.locator('tbody tr').count()).toBe(1);
    await contact.getByRole('menuitem', { name: '巡检记录' }).click();
    await contact.locator('tr', { hasText: period }).filter({ hasText: '待确认' }).waitFor();
    expect(await contact.locator('tbody tr').count()).toBe(1);
    await shot(contact, 'plans-11-contact-board');
  });
});
