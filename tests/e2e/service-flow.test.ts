import { choose, fill, onTicketPage, openTask, pick, shot, signOnPad, ticketNoFrom, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

describe('the on-site service flow, each role in its own browser', () => {
  let ticketNo: string;

  it('the hospital contact raises a request and sees its reply clock running', async () => {
    const { page } = await stack.as('cdphc');
    await shot(page, 'flow-01-contact-home');
    await page.goto(stack.baseUrl + '/#/tickets/create');
    await pick(page, /^系统/, '移动护理信息系统');
    await pick(page, /^故障级别/, '二级（严重）');
    await page.locator('input[name="reporterName"]').fill('王护士长');
    await page.locator('input[name="title"]').fill('PDA 护理记录无法保存');
    await page.locator('textarea[name="description"]').fill('感染一科 PDA 点击保存后提示超时，护理记录无法提交');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/tickets\/SR-\d{8}-\d{5}\/show/);
    ticketNo = ticketNoFrom(page);

    await page.getByRole('heading', { name: 'PDA 护理记录无法保存' }).waitFor();
    const clocks = page.getByRole('region', { name: '服务响应计时' });
    await clocks.getByText(/剩余 \d/).first().waitFor();
    expect(await clocks.getByRole('group', { name: '答复' }).innerText()).toMatch(/剩余/);
    await page.getByText('等待：分诊').waitFor();
    await shot(page, 'flow-02-ticket-raised');
  });

  it('a dispatcher triages it from the queue: remote, to engineer 张工', async () => {
    const { page } = await stack.as('dispatcher');
    // 首页: the queue, then this month's figures.
    await page.getByRole('region', { name: '待领取任务' }).getByText(ticketNo).waitFor();
    await page.getByText('本月超时次数').waitFor();
    await shot(page, 'flow-03-dispatcher-dashboard');
    await openTask(page, stack.baseUrl, '待领取', ticketNo, '分诊');
    await page.getByRole('heading', { name: '分诊：完善服务请求' }).waitFor();
    await pick(page, /^服务项目/, '系统故障诊断');
    await pick(page, /^服务类型/, '改正性');
    await choose(page, '二级（严重）');
    await pick(page, /^科室/, '感染一科');
    await fill(page, /^初步分析/, '移动护理 PDA 与服务器会话超时，初步判断为中间件连接池耗尽');
    await fill(page, /^处理方案/, '远程检查连接池配置并重启服务；如不能解决安排现场');
    await choose(page, '远程处理');
    await pick(page, /^工程师/, /张工/);
    await shot(page, 'flow-04-triage-form');
    await page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(page);
    const triage = page.getByRole('region', { name: '分诊记录' });
    await triage.waitFor();
    expect(await triage.innerText()).toContain('系统故障诊断');
    expect(await triage.innerText()).toContain('张工');
    await page.getByText('等待：远程处理').waitFor();
    await shot(page, 'flow-05-triaged');
  });

  it('engineer 张工 tries remotely and escalates to on-site service', async () => {
    const { page } = await stack.as('engineer');
    // 首页 lists the engineer's open tasks, this one among them.
    await page.getByRole('region', { name: '我的待办任务' }).getByText(ticketNo).waitFor();
    await shot(page, 'flow-06-engineer-home');
    await openTask(page, stack.baseUrl, '我的任务', ticketNo, '远程处理');
    await fill(page, /^处理过程/, '远程登录服务器检查，无法连接院内无线 AP 控制器');
    await choose(page, '需现场服务');
    await fill(page, /^原因/, '需现场检查交换机与无线 AP');
    await shot(page, 'flow-07-remote-form');
    await page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(page);
    await page.getByRole('region', { name: '远程处理记录' }).getByText('需现场服务').waitFor();
    await page.getByText('等待：派工审批').waitFor();
  });

  it('another dispatcher (赵调度) approves the on-site dispatch', async () => {
    const { page } = await stack.as('dispatcher2');
    await openTask(page, stack.baseUrl, '待领取', ticketNo, '派工审批');
    await choose(page, '批准派工');
    await pick(page, /^现场服务工程师/, /张工/);
    await fill(page, /^处理方案/, '今天 16:00 前到达感染一科护士站');
    await shot(page, 'flow-08-dispatch-form');
    await page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(page);
    await page.getByRole('region', { name: '派工审批记录' }).getByText('批准派工').waitFor();
  });

  it('张工 checks in on site and files the repair form (系统维修单)', async () => {
    const { page } = stack.signedIn[2]; // 张工, still signed in
    await openTask(page, stack.baseUrl, '我的任务', ticketNo, '到场签到');
    await page.getByRole('button', { name: '到场签到' }).click();
    // The next step is the engineer's own: the ticket page offers it straight away.
    await page.getByText('轮到您：系统维修单').waitFor();
    expect(await page.getByRole('region', { name: '到场签到' }).innerText()).toContain('张工');
    await page.getByRole('alert').filter({ hasText: '轮到您' }).getByRole('link', { name: /办理/ }).click();
    await page.waitForURL(/#\/tasks\/.+\/complete/);
    await page.getByRole('heading', { name: '填写系统维修单' }).waitFor();
    await fill(page, /^故障原因/, '无线 AP 固件缺陷导致 PDA 会话频繁断开');
    await fill(page, /^处理过程/, '升级 AP 固件至 8.10.130，调整漫游阈值，重启中间件');
    await fill(page, /^处理结果/, 'PDA 护理记录保存恢复正常，护士长确认');
    await fill(page, /^更换部件/, '无');
    await shot(page, 'flow-09-repair-form');
    await page.getByRole('button', { name: '提交' }).click();
    await onTicketPage(page);
    const forms = page.getByRole('region', { name: '系统维修单', exact: true });
    await forms.waitFor();
    // A plain "verified" badge, no check code on an engineer's screen.
    expect(await forms.innerText()).toMatch(/维修单\s+已验证/);
    expect(await forms.innerText()).not.toMatch(/[0-9a-f]{64}|哈希/);
    await page.getByText('等待：医院签字确认').waitFor();
  });

  it('the hospital contact signs on the pad with real strokes, and the request is archived', async () => {
    const { page } = stack.signedIn[0];
    await openTask(page, stack.baseUrl, '待签字', ticketNo, '医院签字确认');
    await page.getByText('请核对系统维修单后签字').waitFor();
    // The repair form being signed is on screen.
    await page.getByText('升级 AP 固件至 8.10.130，调整漫游阈值，重启中间件').first().waitFor();
    const confirm = page.getByRole('button', { name: '确认签字' });
    expect(await confirm.isDisabled()).toBe(true);
    await fill(page, /^签字人/, '陈老师');
    await fill(page, /^科室/, '信息科');
    await signOnPad(page, page.getByRole('img', { name: '签名', exact: true }));
    await page.getByRole('img', { name: '签名预览' }).waitFor();
    expect(await confirm.isDisabled()).toBe(false);
    await shot(page, 'flow-10-signature-pad');
    await confirm.click();
    // The hospital's ticket page is its plain progress view (no task table).
    await page.waitForURL(/#\/tickets\/SR-.+\/show/);
    await page.getByRole('region', { name: '处理进度' }).waitFor();
    // Archiving runs right after the signature; the page refreshes by itself.
    await page.getByText('已归档').first().waitFor({ timeout: 30_000 });
    const signature = page.getByRole('region', { name: '医院签字确认', exact: true });
    await signature.waitFor();
    expect(await signature.innerText()).toContain('陈老师');
    expect(await signature.innerText()).toContain('信息科');
    const image = signature.getByRole('img', { name: '签名', exact: true });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await shot(page, 'flow-11-archived-contact');
  });

  it('the manager audits it: timeline of human steps, system entries folded, audit JSON, archive chain', async () => {
    const { page } = await stack.as('manager');
    await page.getByRole('region', { name: '工程师在办工作量' }).getByText('张工').waitFor();
    await shot(page, 'flow-12-manager-dashboard');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticketNo}/show`);
    const timeline = page.getByRole('region', { name: '处理时间线' });
    await timeline.getByText('医院签字确认').waitFor();
    const text = await timeline.innerText();
    for (const step of ['受理服务请求', '分诊', '远程处理', '派工审批', '到场签到', '提交系统维修单', '医院签字确认', '处理结束']) expect(text).toContain(step);
    for (const who of ['陈老师（信息科）', '李调度', '张工', '赵调度']) expect(text).toContain(who);
    // The workflow's own bookkeeping is folded away until asked for.
    expect(text).not.toContain('存入系统档案库');
    const download = timeline.getByRole('link', { name: '下载审计记录 JSON' });
    expect(await download.getAttribute('href')).toBe(`/api/tickets/${ticketNo}/history?download=1`);
    await timeline.getByRole('button', { name: /显示系统记录/ }).click();
    await timeline.getByText('存入系统档案库').waitFor();
    await shot(page, 'flow-13-manager-timeline');

    await page.goto(stack.baseUrl + '/#/archive-records');
    await page.locator('tr', { hasText: ticketNo }).waitFor();
    await page.getByRole('button', { name: '验证档案' }).click();
    await page.getByText(/档案完整：\d+ 条记录均已验证/).waitFor();
    await shot(page, 'flow-14-archive-verified');
  });
});
