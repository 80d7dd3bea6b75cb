import { apiAs, expectOk, fill, onTicketPage, shot, useConsoleStack } from '../support/e2e-console';
import { hospitalWithPolicy } from '../../harness/hospital-policy';

const stack = useConsoleStack();

describe('a breached commitment', () => {
  it('shows red as 已超时 and reaches the manager, who acknowledges the escalation', async () => {
    // A contract with a 5-second reply window, so the breach happens during the test on the real clock.
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 5, warnAt: [0.5] });
    const dispatcherApi = await apiAs(stack.baseUrl, 'dispatcher');
    const ticket = await expectOk(
      dispatcherApi.post<{ id: string }>('/api/tickets', {
        hospitalId,
        systemCode: 'mnis',
        channel: 'phone',
        faultLevel: 1,
        title: '全院 PDA 无法登录',
        description: '所有病区 PDA 登录提示服务器无响应',
        reporterName: '信息科值班',
      }),
    );

    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    const reply = page.getByRole('region', { name: '服务响应计时' }).getByRole('group', { name: '答复' });
    // Counts down, then turns red and says so — without reloading the page.
    await reply.getByText('已超时').first().waitFor({ timeout: 20_000 });
    expect(await reply.innerText()).toMatch(/已超时 \d/);
    await page.getByRole('heading', { name: '全院 PDA 无法登录' }).waitFor();
    await shot(page, 'sla-01-breached');

    await page.getByRole('menuitem', { name: '超时升级' }).click();
    const row = page.locator('tr', { hasText: ticket.id });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('答复');
    await shot(page, 'sla-02-escalations');
    await row.getByRole('link', { name: /办理/ }).click();
    await page.getByRole('heading', { name: '超时升级', exact: true }).waitFor();
    await fill(page, /^说明/, '已电话通知信息科，调派张工优先处理');
    await page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(page);

    await page.getByRole('menuitem', { name: '超时升级' }).click();
    await page.locator('tr', { hasText: ticket.id }).filter({ hasText: '已电话通知信息科' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('tr', { hasText: ticket.id }).getByRole('link', { name: /办理/ }).count()).toBe(0);
    await shot(page, 'sla-03-acknowledged');
  });
});
