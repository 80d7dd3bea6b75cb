import type { Page } from 'playwright-core';
import { apiAs, autocomplete, expectOk, fill, pick, shot, signIn, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

/**
 * After a create, react-admin returns to the list; other suites share this database, so the new
 * row need not be on the first page. Search for it as an admin would.
 */
async function findInList(page: Page, resource: string, text: string): Promise<void> {
  await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
  await page.goto(`${stack.baseUrl}/#/${resource}?filter=${encodeURIComponent(JSON.stringify({ q: text }))}`);
}

describe('administration', () => {
  it('an admin adds an engineer, who can then sign in and sees an engineer’s console', async () => {
    const { page } = await stack.as('admin');
    for (const item of ['服务请求', '用户', '医院', '科室', '服务响应承诺', '系统档案库']) await page.getByRole('menuitem', { name: item }).waitFor();
    expect(await page.getByRole('menuitem', { name: '任务' }).count()).toBe(0);
    await page.getByText('本月超时次数').waitFor();
    await shot(page, 'admin-01-home');

    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.locator('tr', { hasText: '李调度' }).waitFor();
    await shot(page, 'admin-02-users');
    await page.getByRole('link', { name: '新建' }).click();
    await fill(page, /^用户名/, 'engineer3');
    await fill(page, /^姓名/, '孙工');
    await pick(page, /^角色/, '工程师');
    await fill(page, /^电话/, '028-12345678');
    await page.getByLabel(/^密码/).fill('Desk#2026-sun');
    await shot(page, 'admin-03-user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await findInList(page, 'users', '孙工');
    const row = page.locator('tr', { hasText: '孙工' });
    await row.waitFor();
    expect(await row.innerText()).toContain('工程师');

    // The new engineer signs in with the password the admin set, is asked for one of their own
    // first (the admin knows that one), then gets an engineer's menu.
    const engineer = await signIn(stack.browser, stack.baseUrl, 'engineer3', { password: 'Desk#2026-sun' });
    await engineer.page.getByRole('heading', { name: '修改密码' }).waitFor();
    await engineer.page.locator('input[name="currentPassword"]').fill('Desk#2026-sun');
    await engineer.page.locator('input[name="newPassword"]').fill('孙工自己的密码 2026');
    await engineer.page.locator('input[name="confirmPassword"]').fill('孙工自己的密码 2026');
    await engineer.page.getByRole('button', { name: '修改密码' }).click();
    await engineer.page.getByText('您好，孙工').waitFor();
    await engineer.page.getByRole('menuitem', { name: '任务' }).waitFor();
    expect(await engineer.page.getByRole('menuitem', { name: '用户' }).count()).toBe(0);
    await shot(engineer.page, 'admin-03b-new-engineer-home');
    await engineer.close();
  });

  it('the server’s refusal of a field (a taken user name) shows on that field', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(stack.baseUrl + '/#/users/create');
    await fill(page, /^用户名/, 'engineer');
    await fill(page, /^姓名/, '重名测试');
    await pick(page, /^角色/, '工程师');
    await page.getByLabel(/^密码/).fill('Desk#2026-dup!');
    await page.getByRole('button', { name: '保存' }).click();
    const username = page.getByRole('textbox', { name: /^用户名/ });
    await page.getByText('该用户名已被占用').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/#\/users\/create/);
  });

  it('hospital contacts need a hospital; the form says so on the field', async () => {
    const { page } = stack.signedIn[0];
    await page.goto(stack.baseUrl + '/#/users/create');
    await fill(page, /^用户名/, 'ward3');
    await fill(page, /^姓名/, '吴护士长');
    await pick(page, /^角色/, '医院联系人');
    await page.getByLabel(/^密码/).fill('Desk#2026-wu!');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('必填').first().waitFor();
    await autocomplete(page, /^所属医院/, '示范');
    await page.getByRole('button', { name: '保存' }).click();
    await findInList(page, 'users', '吴护士长');
    await page.locator('tr', { hasText: '吴护士长' }).waitFor();
    expect(await page.locator('tr', { hasText: '吴护士长' }).innerText()).toContain('示范人民医院');
  });

  it('hospitals with their departments and systems; SLA terms edited in minutes, stored in seconds', async () => {
    const { page } = stack.signedIn[0];
    await page.getByRole('menuitem', { name: '医院' }).click();
    // The hospital with the three systems it runs.
    const row = page.locator('tr', { hasText: '成都市公共卫生临床医疗中心' }).filter({ hasText: '护士站白板系统' });
    await row.waitFor();
    expect(await row.innerText()).toContain('移动护理信息系统');
    await shot(page, 'admin-04-hospitals');
    await row.click();
    await page.getByRole('checkbox', { name: '移动护理信息系统' }).waitFor();
    await page.locator('tr', { hasText: '重症医学科' }).waitFor();
    await shot(page, 'admin-05-hospital-edit');

    await page.getByRole('menuitem', { name: '科室' }).click();
    await page.waitForURL(/#\/departments/);
    await page.locator('tr', { hasText: '感染一科' }).first().waitFor();
    await shot(page, 'admin-06-departments');

    await page.getByRole('menuitem', { name: '服务响应承诺' }).click();
    await page.waitForURL(/#\/sla-policies/);
    const level1 = page.locator('tr', { hasText: '一级（紧急）' }).first();
    await level1.waitFor();
    // Terms in hours and minutes, the warning point in percent (the API keeps seconds and fractions).
    expect(await level1.innerText()).toMatch(/默认（所有医院）[\s\S]*30 分[\s\S]*1 小时[\s\S]*75%/);
    await shot(page, 'admin-07-sla-policies');
    await level1.click();
    const reply = page.getByRole('group', { name: '答复时限' });
    await reply.waitFor();
    expect([await reply.getByRole('spinbutton', { name: '小时' }).inputValue(), await reply.getByRole('spinbutton', { name: '分钟' }).inputValue()]).toEqual(['0', '30']);
    await reply.getByRole('spinbutton', { name: '分钟' }).fill('45');
    await shot(page, 'admin-08-sla-policy-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('tr', { hasText: '一级（紧急）' }).first().filter({ hasText: '45 分' }).waitFor();

    const api = await apiAs(stack.baseUrl, 'admin');
    const policies = await expectOk(api.get<{ id: number; level: number; hospitalId: number | null; replySeconds: number }[]>('/api/sla-policies', { filter: { level: 1 } }));
    const policy = policies.find((p) => p.hospitalId === null)!;
    expect(policy.replySeconds).toBe(45 * 60);
    // Put the seed's terms back for the other tests in this run.
    await expectOk(api.request('PUT', `/api/sla-policies/${policy.id}`, { ...policy, replySeconds: 30 * 60 }));
  });
});

describe('auditing', () => {
  it('a manager sees escalations, the archive and the SLA terms (read only); a dispatcher has the bell', async () => {
    const { page } = await stack.as('manager');
    await page.getByRole('menuitem', { name: '超时升级' }).click();
    await page.getByRole('heading', { name: '超时升级' }).or(page.getByText(/暂无超时升级|没有找到超时升级/)).first().waitFor();
    await shot(page, 'manager-01-escalations');
    await page.getByRole('menuitem', { name: '服务响应承诺' }).click();
    await page.locator('tr', { hasText: '一级（紧急）' }).first().waitFor();
    await page.locator('tr', { hasText: '一级（紧急）' }).first().click();
    expect(page.url()).not.toMatch(/sla-policies\/\d+/);
    await page.getByRole('menuitem', { name: '系统档案库' }).click();
    await shot(page, 'manager-02-archive');

    const dispatcher = await stack.as('dispatcher');
    const bell = dispatcher.page.getByRole('button', { name: '通知' });
    await bell.click();
    const list = dispatcher.page.getByRole('region', { name: '通知' });
    await list.waitFor();
    await dispatcher.page.waitForTimeout(400); // the popover's fade-in
    await shot(dispatcher.page, 'dispatcher-notifications');
    const first = list.getByRole('button').first();
    if (await first.count()) {
      await first.click();
      await dispatcher.page.waitForURL(/#\/tickets\/SR-.+\/show/);
    }
  });
});
