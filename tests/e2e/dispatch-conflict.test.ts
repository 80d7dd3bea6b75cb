import { apiAs, choose, expectOk, fill, onTicketPage, openTask, openTaskId, pick, shot, useConsoleStack, userId } from '../support/e2e-console';
import { triage } from '../../harness/step-data';

const stack = useConsoleStack();

describe('two dispatchers approve the same dispatch', () => {
  it('the second one is told why the step is no longer possible, and nothing breaks', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const api = await apiAs(stack.baseUrl, 'dispatcher');
    const ticket = await expectOk(
      contact.post<{ id: string }>('/api/tickets', {
        hospitalId: 1,
        systemCode: 'nms',
        channel: 'portal',
        faultLevel: 1,
        title: '护理管理系统排班无法发布',
        description: '护理部排班发布时报错，今晚夜班排班无法下发',
        reporterName: '护理部刘护士',
      }),
    );
    await expectOk(api.post(`/api/tasks/${await openTaskId(api, ticket.id, 'triage')}/complete`, triage('onsite', await userId(api, 'engineer'), 1)));
    await openTaskId(api, ticket.id, 'dispatch');

    // Both open the same approval form before either submits.
    const first = await stack.as('dispatcher');
    const second = await stack.as('dispatcher2');
    for (const { page } of [first, second]) {
      await openTask(page, stack.baseUrl, '待领取', ticket.id, '派工审批');
      await choose(page, '批准派工');
      await fill(page, /^处理方案/, '今晚 20:00 前到护理部');
    }
    await pick(second.page, /^现场服务工程师/, /刘工/);

    await first.page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(first.page);
    await first.page.getByRole('region', { name: '派工审批记录' }).getByText('批准派工').waitFor();

    await second.page.getByRole('button', { name: '提交' }).click();
    // Told at once (notification) and kept on the form until they leave it.
    const alerts = second.page.getByRole('alert').filter({ hasText: '该步骤已无法执行：此任务已经完成（可能已由他人处理）' });
    await alerts.first().waitFor();
    await alerts.filter({ has: second.page.getByRole('link', { name: '返回服务请求' }) }).waitFor();
    // Still on the form, nothing crashed: the user can go back to the request and see who approved.
    expect(second.page.url()).toMatch(/#\/tasks\/.+\/complete/);
    await second.page.getByRole('heading', { name: '派工审批', exact: true }).waitFor();
    await shot(second.page, 'conflict-second-dispatcher');

    await second.page.getByRole('alert').getByRole('link', { name: '返回服务请求' }).click();
    await onTicketPage(second.page);
    const decisions = second.page.getByRole('region', { name: '派工审批记录' });
    await decisions.waitFor();
    expect(await decisions.innerText()).toContain('李调度');
    expect(await decisions.innerText()).toContain('张工');
  });

  it('a field the server refuses (the engineer was deactivated meanwhile) is marked on that field', async () => {
    const admin = await apiAs(stack.baseUrl, 'admin');
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const api = await apiAs(stack.baseUrl, 'dispatcher');
    const engineer = await expectOk(
      admin.post<{ id: number }>('/api/users', { username: 'engineer9', displayName: '钱工', role: 'engineer', password: 'Desk#2026-qian' }),
    );
    const ticket = await expectOk(
      contact.post<{ id: string }>('/api/tickets', {
        hospitalId: 1,
        systemCode: 'whiteboard',
        channel: 'portal',
        faultLevel: 2,
        title: '白板交班信息不刷新',
        description: '急诊科白板交班信息停留在昨天',
        reporterName: '急诊科护士长',
      }),
    );
    await expectOk(api.post(`/api/tasks/${await openTaskId(api, ticket.id, 'triage')}/complete`, triage('onsite', engineer.id, 2)));
    await openTaskId(api, ticket.id, 'dispatch');

    const { page } = stack.signedIn[0];
    await openTask(page, stack.baseUrl, '待领取', ticket.id, '派工审批');
    await pick(page, /^现场服务工程师/, /钱工/);
    await fill(page, /^处理方案/, '明早 8:00 到急诊科');
    // Meanwhile the admin deactivates 钱工.
    await expectOk(admin.request('PUT', `/api/users/${engineer.id}`, { displayName: '钱工', role: 'engineer', hospitalId: null, active: false }));
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('请选择已启用的工程师').waitFor();
    expect(await page.getByRole('combobox', { name: /^现场服务工程师/ }).getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/#\/tasks\/.+\/complete/);
    await shot(page, 'conflict-field-error');
  });
});
