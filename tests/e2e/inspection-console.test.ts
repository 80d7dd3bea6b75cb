import type { Locator, Page } from 'playwright-core';
import { Hospital } from '../../db/entities';
import { periodOf } from '../../domain/inspection/period';
import { inspectionGateway } from '../../api/workflow/inspection-gateway';
import type { ApiSession } from '../../harness/http-session';
import { checklistUpdate } from '../../workflows/inspection/messages';
import { apiAs, autocomplete, expectOk, PHONE, pick, shot, signOnPad, useConsoleStack, userId } from '../support/e2e-console';

/**
 * 巡检 in the console as people new to it use it (issue 16): a manager who has never planned one
 * sets up a plan from the empty list and it is carried to a signed report through the screens
 * alone; a hospital refuses a report on a phone and it goes round again; a manager cancels an
 * inspection with a note, which a hospital contact can neither see a button for nor do by API.
 */
const stack = useConsoleStack();
// Long names, as real hospitals and staff titles are: the phone pages must still not scroll sideways.
const HOSPITAL = '成都市公共卫生临床医疗中心（金牛区院区）护理信息化建设示范单位';
const ENGINEER = '张伟强（移动护理信息系统驻场工程师）';
const period = periodOf(new Date(), 'Asia/Shanghai');
let hospitalId: number;

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsTheScreen(page: Page): Promise<void> {
  // As a string: tests type-check without the DOM library.
  const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(scroll).toBeLessThanOrEqual(client);
  expect(client).toBe(PHONE.width);
}

/** One checklist item's box, by the template's label. */
const item = (page: Page, label: string): Locator => page.getByRole('group', { name: label, exact: true });

const inspectionPage = (id: number) => new RegExp(`#/inspections/${id}/show`);
const idOf = (page: Page) => Number(page.url().match(/#\/inspections\/(\d+)\/show/)?.[1]);

/** A plan of `templateCode` at the hospital, and this month's occurrence opened now: its id. */
async function openedNow(manager: ApiSession, templateCode: string): Promise<number> {
  const plan = await expectOk(
    manager.post<{ id: number }>('/api/inspection-plans', {
      hospitalId,
      templateCode,
      systemCodes: ['mnis'],
      recurrence: { dayOfMonth: 1, hour: 9, minute: 0, everyMonths: 1 },
      engineerId: await userId(manager, 'engineer'),
      reportDays: 7,
      startDate: `${period}-01`,
    }),
  );
  return (await expectOk(manager.post<{ inspectionId: number }>(`/api/inspection-plans/${plan.id}/run`))).inspectionId;
}

beforeAll(async () => {
  const em = stack.orm.em.fork();
  const hospital = await em.findOneOrFail(Hospital, { code: 'CDPHC' });
  hospitalId = hospital.id;
  await em.getConnection().execute('update hospitals set name = ? where id = ?', [HOSPITAL, hospitalId]);
  await em.getConnection().execute(`update users set display_name = ? where username = 'engineer'`, [ENGINEER]);
});

describe('inspections in the console, for people new to them', () => {
  it('a manager plans from the empty list; the engineer confirms and fills it on a phone; approved, signed on the pad, the board turns done', async () => {
    const { page: desk } = await stack.as('manager');
    await desk.getByRole('menuitem', { name: '巡检计划' }).click();
    await desk.getByText('暂无巡检计划').waitFor();
    await desk.getByRole('link', { name: '新建' }).click();

    await autocomplete(desk, /^医院/, '成都市公共卫生', HOSPITAL);
    await pick(desk, /^报告模板/, '安全检查');
    await desk.getByRole('checkbox', { name: '移动护理信息系统' }).check();
    await pick(desk, /^重复周期/, '每月');
    await desk.getByRole('spinbutton', { name: /^每月日期/ }).fill('5');
    await desk.getByRole('spinbutton', { name: /^时/ }).fill('9');
    await desk.getByRole('spinbutton', { name: /^分/ }).fill('0');
    await desk.getByText('每月5日 09:00').waitFor();
    await pick(desk, /^负责工程师/, new RegExp(ENGINEER.slice(0, 3)));
    await desk.getByRole('spinbutton', { name: /^报告期限/ }).fill('10');
    await desk.getByLabel(/^开始日期/).fill(`${period}-01`);
    await desk.getByRole('button', { name: '保存' }).click();

    // The plan's page: 立即执行 opens this month's inspection, listed under the plan and leading to it.
    await desk.waitForURL(/#\/inspection-plans\/\d+\/show/);
    await desk.getByRole('list', { name: '下次执行' }).waitFor();
    await desk.getByRole('button', { name: '立即执行' }).click();
    await desk.getByText(`已开启 ${period} 的巡检`).waitFor();
    const row = desk.locator('tr', { hasText: period });
    await row.filter({ hasText: '待确认' }).waitFor();
    await shot(desk, 'console-01-plan-ran');

    // The engineer's home lists the inspection that is theirs: nothing else tells them of it.
    const { page: phone } = await stack.as('engineer', { phone: true });
    const mine = phone.getByRole('list', { name: '我的巡检' }).getByRole('listitem').filter({ hasText: `安全检查 ${period}` });
    await mine.waitFor();
    await mine.getByText(HOSPITAL).waitFor();
    await fitsTheScreen(phone);
    await shot(phone, 'console-02-engineer-home-phone');
    await mine.getByRole('link', { name: '查看并确认' }).click();
    await phone.waitForURL(/#\/inspections\/\d+\/show/);
    const inspectionId = idOf(phone);
    await phone.getByRole('region', { name: '确认巡检计划' }).getByRole('button', { name: '确认计划' }).click();

    const checklist = phone.getByRole('region', { name: '填写检查项' });
    await checklist.waitFor();
    for (const label of ['口令设定与维护', '身份验证与访问控制级别', '防止擅自访问内/外部系统的措施', '数据备份与有形保护措施']) {
      await item(phone, label).getByRole('button', { name: '正常', exact: true }).click();
    }
    const sensitive = item(phone, '敏感信息保护措施');
    await sensitive.getByRole('button', { name: '警告', exact: true }).click();
    await sensitive.getByRole('textbox', { name: /^巡检发现/ }).fill('护士站白板在走廊可见的位置显示患者全名与诊断，未做脱敏');
    await item(phone, '可能违反系统和数据安全规定的行为').getByRole('textbox').fill('发现两台 PDA 多名护士共用同一账号登录，且口令贴在设备背面');
    await checklist.getByRole('textbox', { name: /^巡检总结/ }).fill('系统安全状况总体良好，终端账号管理需加强');
    // The template's own word for the advice, not the monthly report's.
    await checklist.getByRole('textbox', { name: /^改进意见/ }).fill('白板显示姓名改为“张*”；PDA 每人一号，口令每 90 天更换');
    await fitsTheScreen(phone);
    await shot(phone, 'console-03-checklist-phone');
    await checklist.getByRole('button', { name: '提交审核' }).click();
    await phone.getByText('审核中', { exact: true }).first().waitFor();
    await fitsTheScreen(phone);

    // The manager finds it from the plan's own list of inspections.
    await row.filter({ hasText: '审核中' }).click({ timeout: 20_000 });
    await desk.waitForURL(inspectionPage(inspectionId));
    const review = desk.getByRole('region', { name: '审核巡检报告' });
    await review.getByRole('button', { name: '通过' }).click();
    await desk.getByText('待签字', { exact: true }).first().waitFor();

    const { page: contact } = await stack.as('cdphc', { phone: true });
    const toSign = contact.getByRole('region', { name: '待您签字确认的巡检报告' }).getByRole('listitem').filter({ hasText: `安全检查 ${period}` });
    await toSign.waitFor({ timeout: 20_000 });
    await fitsTheScreen(contact);
    await toSign.getByRole('link', { name: '查看并签字' }).click();
    await contact.waitForURL(inspectionPage(inspectionId));
    const sign = contact.getByRole('region', { name: '签字确认', exact: true });
    await sign.getByRole('textbox', { name: /^签字人/ }).fill('陈老师（信息科）');
    await signOnPad(contact, sign.getByRole('img', { name: '签名' }));
    await fitsTheScreen(contact);
    await sign.getByRole('button', { name: '签字确认' }).click();
    await contact.getByText('已归档', { exact: true }).first().waitFor();
    await fitsTheScreen(contact);
    await shot(contact, 'console-04-signed-phone');

    await desk.getByRole('menuitem', { name: '巡检看板' }).click();
    await desk.getByRole('link', { name: `${HOSPITAL} · 安全检查 · ${period}：已完成` }).waitFor();
    await shot(desk, 'console-05-board-done');
  });

  it('the hospital refuses a report on a phone with a reason; the engineer sees why and what next, resubmits, and it is signed', async () => {
    const manager = await apiAs(stack.baseUrl, 'manager');
    const engineer = await apiAs(stack.baseUrl, 'engineer');
    const id = await openedNow(manager, 'performance_analysis');
    const { visitDate } = await expectOk(manager.get<{ visitDate: string }>(`/api/inspections/${id}`));
    await expectOk(engineer.post(`/api/inspections/${id}/confirm`, { visitDate, systemCodes: ['mnis'] }));
    const items = [
      { key: 'response_p95', value: 850 },
      { key: 'cpu_peak', value: 58 },
      { key: 'memory_peak', value: 66 },
      { key: 'db_size', value: 420 },
      { key: 'collection', text: '监控软件连续采集 7 天，08:00–18:00 每 5 分钟一次' },
      { key: 'management_summary', text: '账号与权限管理规范' },
      { key: 'technical_summary', text: '数据库索引需优化' },
      { key: 'workload_summary', text: '日均护理记录约 1.2 万条' },
    ];
    await expectOk(engineer.post(`/api/inspections/${id}/checklist`, { items }));
    await expectOk(engineer.post(`/api/inspections/${id}/submit`, { summary: '系统性能总体满足临床使用', advice: '建议季度内完成数据库索引优化' }));
    await expectOk(manager.post(`/api/inspections/${id}/review`, { decision: 'approve' }));
    // 我的巡检 is the engineer's own: another engineer's home does not list it.
    const other = await apiAs(stack.baseUrl, 'engineer2');
    expect((await expectOk(other.get<{ id: number }[]>('/api/inspections', { filter: { mine: true } }))).map((i) => i.id)).toEqual([]);
    expect((await expectOk(engineer.get<{ id: number }[]>('/api/inspections', { filter: { mine: true } }))).map((i) => i.id)).toContain(id);

    const { page: contact } = await stack.as('cdphc', { phone: true });
    const toSign = contact.getByRole('region', { name: '待您签字确认的巡检报告' }).getByRole('listitem').filter({ hasText: `性能分析 ${period}` });
    await toSign.waitFor({ timeout: 20_000 });
    await fitsTheScreen(contact);
    await toSign.getByRole('link', { name: '查看并签字' }).click();
    await contact.waitForURL(inspectionPage(id));
    const sign = contact.getByRole('region', { name: '签字确认', exact: true });
    await sign.getByRole('radio', { name: '拒绝签字' }).check();
    const reason = '业务操作响应时间只写了一个数，未说明采集的科室与时段，请补充后再签';
    await sign.getByRole('textbox', { name: /^拒绝原因/ }).fill(reason);
    await fitsTheScreen(contact);
    await shot(contact, 'console-06-refuse-phone');
    await sign.getByRole('button', { name: '拒绝签字' }).click();
    await contact.getByText('已拒绝签字，巡检报告退回工程师').first().waitFor();
    // The contact's page says it is refused, and that it will come back to them.
    await contact.getByText(new RegExp(`医院拒绝签字.*${reason}`)).first().waitFor();
    await contact.getByText('服务方将修改巡检报告，审核通过后会再次请您签字确认。').waitFor();
    expect(await contact.getByRole('region', { name: '签字确认', exact: true }).count()).toBe(0);
    await fitsTheScreen(contact);
    await shot(contact, 'console-07-refused-phone');

    // The engineer reads the reason and the next step on the inspection, and revises it.
    const { page: phone } = await stack.as('engineer', { phone: true });
    await phone.getByRole('list', { name: '我的巡检' }).getByRole('listitem').filter({ hasText: `性能分析 ${period}` }).getByRole('link', { name: '填写检查项' }).click();
    await phone.waitForURL(inspectionPage(id));
    await phone.getByText(new RegExp(`医院拒绝签字.*${reason}`)).first().waitFor();
    await phone.getByText('请按拒签原因修改检查项后重新提交审核；经理审核通过后，医院再次签字确认。').waitFor();
    await fitsTheScreen(phone);
    const checklist = phone.getByRole('region', { name: '填写检查项' });
    await item(phone, '收集方式与时段').getByRole('textbox').fill('监控软件在重症医学科、感染一科护士站连续采集 7 天，08:00–18:00 每 5 分钟一次；响应时间为 95% 分位');
    await checklist.getByRole('button', { name: '提交审核' }).click();
    await phone.getByText('审核中', { exact: true }).first().waitFor();

    const { page: desk } = await stack.as('manager');
    await desk.goto(`${stack.baseUrl}/#/inspections/${id}/show`);
    // The manager sees what the hospital said before approving again.
    await desk.getByText(`医院曾拒绝签字`, { exact: false }).filter({ hasText: reason }).waitFor();
    await desk.getByRole('region', { name: '审核巡检报告' }).getByRole('button', { name: '通过' }).click();
    await desk.getByText('待签字', { exact: true }).first().waitFor();

    await contact.getByRole('region', { name: '签字确认', exact: true }).waitFor({ timeout: 20_000 });
    const again = contact.getByRole('region', { name: '签字确认', exact: true });
    await again.getByRole('textbox', { name: /^签字人/ }).fill('陈老师（信息科）');
    await signOnPad(contact, again.getByRole('img', { name: '签名' }));
    await again.getByRole('button', { name: '签字确认' }).click();
    await contact.getByText('已归档', { exact: true }).first().waitFor();
    await contact.getByText(/陈老师（信息科） 已于 .* 签字确认，巡检报告已归档/).waitFor();
    await fitsTheScreen(contact);
  });

  it('a manager cancels an inspection with a note; list and board show it cancelled; a hospital contact has no button and the API refuses them', async () => {
    const manager = await apiAs(stack.baseUrl, 'manager');
    const id = await openedNow(manager, 'monthly_inspection');
    const contactApi = await apiAs(stack.baseUrl, 'cdphc');

    // The contact sees the inspection but no way to cancel it, and the API says it is not theirs to cancel.
    const { page: contact } = await stack.as('cdphc', { phone: true });
    await contact.goto(`${stack.baseUrl}/#/inspections/${id}/show`);
    await contact.getByText('待确认', { exact: true }).first().waitFor();
    expect(await contact.getByRole('button', { name: '取消巡检' }).count()).toBe(0);
    await fitsTheScreen(contact);
    expect((await contactApi.post(`/api/inspections/${id}/cancel`, { note: '医院要求取消' })).status).toBe(403);

    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/inspections/${id}/show`);
    await page.getByRole('region', { name: '确认巡检计划' }).waitFor();
    await page.getByRole('button', { name: '取消巡检' }).click();
    const dialog = page.getByRole('dialog', { name: '取消巡检' });
    // The note is required: nothing is sent without it.
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('必填').waitFor();
    expect((await expectOk(manager.get<{ status: string }>(`/api/inspections/${id}`))).status).toBe('planned');
    const note = '医院信息科通知：本月进行 HIS 升级变更冻结，系统巡检顺延到下月与下月巡检合并进行';
    await dialog.getByRole('textbox', { name: /^说明/ }).fill(note);
    await shot(page, 'console-08-cancel-dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('巡检已取消', { exact: true }).first().waitFor();
    await page.getByText(`巡检已取消：${note}`).waitFor();
    await page.getByText('已取消', { exact: true }).first().waitFor();
    // Nothing more to do on it: no step, no second cancel.
    expect(await page.getByRole('button', { name: '取消巡检' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: '确认巡检计划' }).count()).toBe(0);
    await shot(page, 'console-09-cancelled');

    await page.getByRole('menuitem', { name: '巡检记录' }).click();
    await page.locator('tbody tr', { hasText: '系统巡检' }).filter({ hasText: period }).filter({ hasText: '已取消' }).waitFor();
    await page.getByRole('menuitem', { name: '巡检看板' }).click();
    await page.getByRole('link', { name: `${HOSPITAL} · 系统巡检 · ${period}：已取消` }).waitFor();

    // Once cancelled: the contact still may not, and the manager's second try is "not now".
    expect((await contactApi.post(`/api/inspections/${id}/cancel`, { note: '医院要求取消' })).status).toBe(403);
    expect((await manager.post(`/api/inspections/${id}/cancel`, { note: '再取消一次' })).status).toBe(409);
    await contact.reload();
    await contact.getByText('已取消', { exact: true }).first().waitFor();
    expect(await contact.getByRole('button', { name: '取消巡检' }).count()).toBe(0);
    // The vendor's note is not the hospital's to read.
    expect(await contact.getByText(note).count()).toBe(0);
  });

  it('a failed inspection tells the desk why; the manager restarts it and the saved checklist is there to go on with; a hospital contact sees neither', async () => {
    const manager = await apiAs(stack.baseUrl, 'manager');
    const engineer = await apiAs(stack.baseUrl, 'engineer');
    const id = await openedNow(manager, 'monthly_inspection');
    const { workflowId } = await expectOk(manager.get<{ workflowId: string }>(`/api/inspections/${id}`));
    await expectOk(engineer.post(`/api/inspections/${id}/confirm`, { visitDate: new Date().toISOString().slice(0, 10), systemCodes: ['mnis'] }));
    await expectOk(engineer.post(`/api/inspections/${id}/checklist`, { items: [{ key: 'cpu_peak', value: 41 }] }));
    // A save with a NUL another system slipped in (the API refuses it; the gateway is sent it): the database refuses it, the run fails.
    const actor = { userId: await userId(manager, 'engineer'), role: 'engineer', displayName: ENGINEER };
    await inspectionGateway({ temporal: stack.client, taskQueue: stack.taskQueue })
      .update(workflowId, checklistUpdate, { items: [{ key: 'scope', text: '全部\u0000模块' }], actor } as never, `refused-${workflowId}`)
      .catch(() => undefined);
    for (let i = 0; (await expectOk(manager.get<{ workflowState: string | null }>(`/api/inspections/${id}`))).workflowState !== 'failed'; i++) {
      if (i > 100) throw new Error('the inspection was never marked failed');
      await new Promise((r) => setTimeout(r, 100));
    }

    // The contact's page says nothing of the desk's inside and offers no restart.
    const { page: contact } = await stack.as('cdphc', { phone: true });
    await contact.goto(`${stack.baseUrl}/#/inspections/${id}/show`);
    await contact.getByText('现场巡检', { exact: true }).first().waitFor();
    expect(await contact.getByRole('button', { name: '重新启动' }).count()).toBe(0);
    expect(await contact.getByText(/流程因数据写入被拒而中止/).count()).toBe(0);

    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/inspections/${id}/show`);
    await page.getByText(/流程因数据写入被拒而中止/).waitFor();
    await page.getByText('流程失败', { exact: true }).first().waitFor();
    expect(await page.getByRole('region', { name: '填写检查项' }).count()).toBe(0);
    await page.getByRole('button', { name: '重新启动' }).click();
    const dialog = page.getByRole('dialog', { name: '重新启动' });
    await dialog.getByText(/被拒的那次填写没有保存/).waitFor();
    await shot(page, 'console-10-restart-dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('巡检已重新启动', { exact: true }).first().waitFor();
    // Running again: the checklist is offered with what was saved, the failure sentence and the button are gone.
    const checklist = page.getByRole('region', { name: '填写检查项' });
    await checklist.waitFor();
    expect(await item(page, '服务器 CPU 峰值使用率').getByRole('textbox').inputValue()).toBe('41');
    expect(await page.getByText(/流程因数据写入被拒而中止/).count()).toBe(0);
    expect(await page.getByRole('button', { name: '重新启动' }).count()).toBe(0);
    await shot(page, 'console-11-restarted');
  });
});
