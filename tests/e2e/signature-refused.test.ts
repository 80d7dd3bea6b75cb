import { apiAs, choose, expectOk, fill, openTask, openTaskId, shot, useConsoleStack, userId } from '../support/e2e-console';
import { approve, repairForm, triage } from '../../harness/step-data';

const stack = useConsoleStack();

/** A request that has reached the hospital's signature, moved along over the API as each role would. */
async function ticketAwaitingSignature(): Promise<string> {
  const contact = await apiAs(stack.baseUrl, 'cdphc');
  const dispatcher = await apiAs(stack.baseUrl, 'dispatcher');
  const engineer = await apiAs(stack.baseUrl, 'engineer');
  const ticket = await expectOk(
    contact.post<{ id: string }>('/api/tickets', {
      hospitalId: 1,
      systemCode: 'whiteboard',
      channel: 'portal',
      faultLevel: 3,
      title: '白板不显示今日手术',
      description: '重症医学科护士站白板从早上开始不显示今日手术安排',
      reporterName: '陈老师',
    }),
  );
  const engineerId = await userId(dispatcher, 'engineer');
  await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticket.id, 'triage')}/complete`, triage('onsite', engineerId, 3)));
  await expectOk(dispatcher.post(`/api/tasks/${await openTaskId(dispatcher, ticket.id, 'dispatch')}/complete`, approve(engineerId)));
  await expectOk(engineer.post(`/api/tasks/${await openTaskId(engineer, ticket.id, 'checkin')}/complete`, { note: '已到达' }));
  await expectOk(engineer.post(`/api/tasks/${await openTaskId(engineer, ticket.id, 'repair_form')}/complete`, repairForm()));
  await openTaskId(contact, ticket.id, 'signature');
  return ticket.id;
}

describe('the hospital refuses to sign', () => {
  it('sends the work back on site: the engineer gets a new check-in task', async () => {
    const ticketNo = await ticketAwaitingSignature();
    const contact = await stack.as('cdphc');
    const page = contact.page;
    await openTask(page, stack.baseUrl, '待签字', ticketNo, '医院签字确认');
    await page.getByText('请核对系统维修单后签字').waitFor();
    await shot(page, 'refuse-01-signature-form');

    await choose(page, '拒绝签字');
    await fill(page, /^原因/, '白板仍偶尔不刷新，请再次检查');
    await shot(page, 'refuse-02-refusal-filled');
    await page.getByRole('button', { name: '拒绝签字' }).click();
    // The hospital's ticket page is its plain progress view (no task table).
    await page.waitForURL(/#\/tickets\/SR-.+\/show/);
    await page.getByRole('region', { name: '处理进度' }).waitFor();
    const refusals = page.getByRole('region', { name: '拒绝签字记录' });
    await refusals.waitFor();
    expect(await refusals.innerText()).toContain('白板仍偶尔不刷新，请再次检查');
    await shot(page, 'refuse-03-ticket-after-refusal');

    const engineer = await stack.as('engineer');
    await engineer.page.goto(stack.baseUrl + '/#/tasks');
    await engineer.page.getByRole('tab', { name: '我的任务', exact: true }).click();
    const row = engineer.page.locator('tr', { hasText: ticketNo }).filter({ hasText: '到场签到' });
    await row.waitFor();
    expect(await row.innerText()).toContain('现场服务');
    await shot(engineer.page, 'refuse-04-engineer-new-checkin');
  });
});
