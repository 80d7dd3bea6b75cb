import { apiAs, expectOk, fill, pick, shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

describe('escape hatches on the request page', () => {
  it('a dispatcher pauses and resumes the clock, changes the level, reassigns, notes and cancels', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const ticket = await expectOk(
      contact.post<{ id: string }>('/api/tickets', {
        hospitalId: 1,
        systemCode: 'mnis',
        channel: 'portal',
        faultLevel: 3,
        title: 'PDA 体征录入后不显示',
        description: '心内科 PDA 录入体温后护理记录单不显示',
        reporterName: '心内科护士',
      }),
    );
    const { page } = await stack.as('dispatcher');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    const clocks = page.getByRole('region', { name: '服务响应计时' });
    await clocks.getByText(/剩余/).first().waitFor();

    // 暂停计时 — waiting on the hospital.
    await page.getByRole('button', { name: '暂停计时' }).click();
    const pause = page.getByRole('dialog', { name: '暂停计时' });
    await pause.getByRole('textbox', { name: /^原因/ }).fill('等待医院提供 PDA 设备编号');
    await pause.getByRole('button', { name: '提交' }).click();
    await clocks.getByText('已暂停').waitFor();
    await page.getByText('计时已暂停：等待医院提供 PDA 设备编号').waitFor();
    await shot(page, 'hatch-01-paused');

    // 恢复计时.
    await page.getByRole('button', { name: '恢复计时' }).click();
    await page.getByRole('dialog', { name: '恢复计时' }).getByRole('button', { name: '提交' }).click();
    await page.getByRole('button', { name: '暂停计时' }).waitFor();
    expect(await clocks.getByText('已暂停').count()).toBe(0);

    // 调整级别: the reply window shrinks to level 1's 30 minutes.
    await page.getByRole('button', { name: '调整级别' }).click();
    const level = page.getByRole('dialog', { name: '调整级别' });
    await level.getByRole('combobox', { name: /^新故障级别/ }).click();
    await page.getByRole('option', { name: '一级（紧急）' }).click();
    await level.getByRole('textbox', { name: /^原因/ }).fill('影响全院体征录入');
    await level.getByRole('button', { name: '提交' }).click();
    await clocks.getByText('时限 30 分').waitFor();
    expect(await page.getByRole('region', { name: '服务请求', exact: true }).innerText()).toContain('一级（紧急）');

    // 改派: the triage goes to 赵调度.
    await page.getByRole('button', { name: '改派' }).click();
    const reassign = page.getByRole('dialog', { name: '改派' });
    await pick(page, /^新处理人/, /赵调度/);
    await reassign.getByRole('textbox', { name: /^原因/ }).fill('李调度外出，由赵调度分诊');
    await reassign.getByRole('button', { name: '提交' }).click();
    await page.getByRole('region', { name: '任务', exact: true }).locator('tr', { hasText: '分诊' }).filter({ hasText: '赵调度' }).waitFor();

    // 备注.
    await fill(page, /^备注/, '已电话联系心内科护士长');
    await page.getByRole('button', { name: '添加备注' }).click();
    await page.getByRole('region', { name: '备注' }).getByText('已电话联系心内科护士长').waitFor();

    // 取消服务请求.
    await page.getByRole('button', { name: '取消服务请求' }).click();
    const cancel = page.getByRole('dialog', { name: '取消服务请求' });
    await cancel.getByRole('textbox', { name: /^原因/ }).fill('医院确认为操作问题，已自行解决');
    await cancel.getByRole('button', { name: '提交' }).click();
    await page.getByText('已取消：医院确认为操作问题，已自行解决').waitFor();
    await page.getByRole('region', { name: '处理时间线' }).getByText('取消').first().waitFor();
    const timeline = await page.getByRole('region', { name: '处理时间线' }).innerText();
    for (const entry of ['暂停计时', '恢复计时', '调整故障级别', '改派', '备注']) expect(timeline).toContain(entry);
    expect(await page.getByRole('button', { name: '暂停计时' }).count()).toBe(0);
    await shot(page, 'hatch-02-cancelled');
  });
});
