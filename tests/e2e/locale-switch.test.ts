import { apiAs, expectOk, shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

describe('language', () => {
  it('is Chinese by default and switches to English and back, relabelling menus, pages and values', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const ticket = await expectOk(
      contact.post<{ id: string }>('/api/tickets', {
        hospitalId: 1,
        systemCode: 'mnis',
        channel: 'portal',
        faultLevel: 2,
        title: 'PDA 扫码无反应',
        description: '急诊科 PDA 扫描腕带无反应',
        reporterName: '急诊科护士长',
      }),
    );
    const { page } = await stack.as('manager');
    await page.getByRole('menuitem', { name: '服务请求' }).waitFor();
    await page.getByText('您好，王经理').waitFor();

    await page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    await page.getByRole('region', { name: '服务请求', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: '服务请求', exact: true }).innerText()).toContain('移动护理信息系统');
    await page.getByRole('region', { name: '处理时间线' }).getByText('受理服务请求').waitFor();
    await shot(page, 'locale-1-zh');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Service requests' }).waitFor();
    const problem = page.getByRole('region', { name: 'Service request', exact: true });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('Mobile Nursing Information System');
    expect(await problem.innerText()).toContain('Level 2 (severe)');
    await page.getByRole('region', { name: 'Timeline' }).getByText('Request received').waitFor();
    await page.getByRole('region', { name: 'Response commitments (SLA)' }).getByText(/left/).first().waitFor();
    expect(await page.getByRole('menuitem', { name: '服务请求' }).count()).toBe(0);
    await shot(page, 'locale-2-en');

    // The choice sticks across pages and reloads.
    await page.reload();
    await page.getByRole('menuitem', { name: 'Tasks' }).click();
    await page.getByRole('tab', { name: 'My tasks' }).waitFor();
    await shot(page, 'locale-3-en-tasks');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('tab', { name: '我的任务' }).waitFor();
    await page.getByRole('menuitem', { name: '服务请求' }).waitFor();
  });
});
