import type { Locator, Page } from 'playwright-core';
import { Hospital } from '../../db/entities';
import { inspectionPlanBody } from '../../harness/inspections';
import { newTicketBody } from '../../harness/new-ticket';
import { periodOf } from '../../domain/inspection/period';
import { apiAs, expectOk, PHONE, shot, signOnPad, useConsoleStack, userId } from '../support/e2e-console';

/**
 * 巡检详情 in the console (issue 16, item 6): an inspection carried from its plan to the signed,
 * archived report by the people who do it — the engineer on a phone on site, the manager at a
 * desk, the hospital's contact on a phone — and the board's month turning green.
 */
const stack = useConsoleStack();
const HOSPITAL = '成都市公共卫生临床医疗中心';
const period = periodOf(new Date(), 'Asia/Shanghai');
let inspectionId: number;
let ticketId: string;

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsTheScreen(page: Page): Promise<void> {
  // As a string: tests type-check without the DOM library.
  const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(scroll).toBeLessThanOrEqual(client);
  expect(client).toBe(PHONE.width);
}

/** One checklist item's box, by the template's label. */
const item = (page: Page, label: string): Locator => page.getByRole('group', { name: label, exact: true });

async function check(page: Page, label: string, result: '正常' | '警告' | '故障', finding?: string): Promise<void> {
  const box = item(page, label);
  await box.getByRole('button', { name: result, exact: true }).click();
  if (finding) await box.getByRole('textbox', { name: /^巡检发现/ }).fill(finding);
}

const measure = (page: Page, label: string, value: string) => item(page, label).getByRole('textbox', { name: /^测量值/ }).fill(value);

beforeAll(async () => {
  // A manager plans CDPHC's monthly inspection and runs this month's now, as the plans page does.
  const manager = await apiAs(stack.baseUrl, 'manager');
  const hospital = await stack.orm.em.fork().findOneOrFail(Hospital, { code: 'CDPHC' });
  // A request of this month: the report's fault summary lists it, linked to its page.
  const dispatcher = await apiAs(stack.baseUrl, 'dispatcher');
  ticketId = (await expectOk(dispatcher.post<{ id: string }>('/api/tickets', newTicketBody({ hospitalId: hospital.id, title: '感染一科 PDA 扫码后护理记录单无法保存' })))).id;
  const plan = await expectOk(
    manager.post<{ id: number }>('/api/inspection-plans', inspectionPlanBody(hospital.id, await userId(manager, 'engineer'), { systemCodes: ['mnis', 'nms'] })),
  );
  inspectionId = (await expectOk(manager.post<{ inspectionId: number }>(`/api/inspection-plans/${plan.id}/run`))).inspectionId;
});

describe('an inspection in the console, from the plan to the signed report', () => {
  it('the engineer confirms on a phone, fills every item, saves and submits; a measurement typed as words is refused on its field', async () => {
    const { page } = await stack.as('engineer', { phone: true });
    await page.goto(`${stack.baseUrl}/#/inspections`);
    await page.getByRole('article').filter({ hasText: period }).first().click();
    await page.waitForURL(new RegExp(`#/inspections/${inspectionId}/show`));
    await page.getByRole('heading', { name: `巡检详情 · ${period}` }).waitFor();
    await page.getByText('待确认', { exact: true }).first().waitFor();

    const confirm = page.getByRole('region', { name: '确认巡检计划' });
    await confirm.getByRole('checkbox', { name: '移动护理信息系统' }).waitFor();
    expect(await confirm.getByRole('checkbox', { name: '移动护理信息系统' }).isChecked()).toBe(true);
    await shot(page, 'inspection-01-confirm-phone');
    await confirm.getByRole('button', { name: '确认计划' }).click();

    const checklist = page.getByRole('region', { name: '填写检查项' });
    await checklist.waitFor();
    await fitsTheScreen(page);

    // Bad input through the form: the server names the measurement's own field, nothing is saved.
    await measure(page, '服务器 CPU 峰值使用率', '六十左右');
    await checklist.getByRole('button', { name: '保存', exact: true }).click();
    await item(page, '服务器 CPU 峰值使用率').getByText('测量值必须是数字').waitFor();

    await item(page, '本次巡检范围与内容').getByRole('textbox').fill('移动护理信息系统与护理管理系统全部模块；住院部 1–12 楼护士站白板及 PDA 终端（共 126 台）逐台检查');
    for (const label of ['应用服务器运行状态', '数据库服务运行状态', '移动终端（PDA）与打印设备状态', '应用参数配置', '与 HIS/LIS/EMR 等系统的接口配置', '系统冗余与高可用']) {
      await check(page, label, '正常');
    }
    await check(page, '网络连通性（院内网络、移动终端接入）', '警告', '住院部 7 楼东区无线 AP 信号偶有中断，PDA 扫码后提交需重试');
    await check(page, '备份作业配置与最近一次执行结果', '故障', '最近三天的数据库备份作业均未执行，备份磁盘已满');
    await measure(page, '服务器 CPU 峰值使用率', '63.5');
    await measure(page, '服务器内存峰值使用率', '71');
    await measure(page, '业务数据存储总容量', '2000');
    await measure(page, '业务数据已用容量', '1500');
    await checklist.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('检查项已保存').first().waitFor();
    expect(await item(page, '服务器 CPU 峰值使用率').getByText('测量值必须是数字').count()).toBe(0);
    await fitsTheScreen(page);
    await shot(page, 'inspection-02-checklist-phone');

    await checklist.getByRole('textbox', { name: /^巡检总结/ }).fill('系统运行总体稳定，7 楼东区无线信号需关注');
    await checklist.getByRole('textbox', { name: /^系统优化建议/ }).fill('建议医院在 7 楼东区增补一台无线 AP；业务数据已用 75%，一年内规划扩容');
    await checklist.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('审核中', { exact: true }).first().waitFor();
    // The compiled parts are on the page once submitted.
    await page.getByText('已用 1500 GB，共 2000 GB（75%）').waitFor();
    await page.getByText('本期服务请求 1 个').waitFor();
    await page.getByText('仍在处理中的服务请求 1 个').waitFor();
    expect(await page.getByRole('list', { name: '本期服务请求' }).getByRole('link', { name: ticketId }).getAttribute('href')).toBe(`#/tickets/${ticketId}/show`);
    // The fault found raises its service request from the report, then links to it.
    const backup = page.getByRole('region', { name: '系统配置检查' });
    await backup.getByRole('button', { name: '生成服务请求' }).click();
    await backup.getByRole('link', { name: /^SR-\d{8}-\d{5}$/ }).waitFor();
    expect(await backup.getByRole('button', { name: '生成服务请求' }).count()).toBe(0);
    await fitsTheScreen(page);
    await shot(page, 'inspection-03-submitted-phone');
  });

  it('the manager sends it back once with a note; the engineer resubmits; the manager approves', async () => {
    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/inspections/${inspectionId}/show`);
    const review = page.getByRole('region', { name: '审核巡检报告' });
    await review.waitFor();
    // 退回 needs a note.
    await review.getByRole('button', { name: '退回' }).click();
    await review.getByText('退回时请写明需要修改的内容').waitFor();
    await review.getByRole('textbox', { name: /^审核意见/ }).fill('请补充 7 楼东区无线信号中断的时段与影响的 PDA 数量');
    await shot(page, 'inspection-04-review-desktop');
    await review.getByRole('button', { name: '退回' }).click();
    await page.getByText('巡检报告已退回').first().waitFor();

    const { page: phone } = await stack.as('engineer', { phone: true });
    await phone.goto(`${stack.baseUrl}/#/inspections/${inspectionId}/show`);
    await phone.getByText(/巡检报告被退回.*请补充 7 楼东区无线信号中断的时段/).waitFor();
    const checklist = phone.getByRole('region', { name: '填写检查项' });
    await item(phone, '网络连通性（院内网络、移动终端接入）').getByRole('textbox', { name: /^巡检发现/ }).fill('住院部 7 楼东区无线 AP 每日 10:00–11:00 信号中断约 5 分钟，影响 14 台 PDA');
    // What was saved before is still there.
    expect(await item(phone, '业务数据已用容量').getByRole('textbox').inputValue()).toBe('1500');
    await checklist.getByRole('button', { name: '提交审核' }).click();
    await phone.getByText('审核中', { exact: true }).first().waitFor();

    await review.waitFor({ timeout: 20_000 });
    await review.getByRole('button', { name: '通过' }).click();
    await page.getByText('待签字', { exact: true }).first().waitFor();
    await page.getByText(/^报告校验值：[0-9a-f]{64}$/).waitFor();
  });

  it('the contact finds the report on their home page on a phone and signs it; the inspection is archived and the board shows the month done', async () => {
    const { page } = await stack.as('cdphc', { phone: true });
    const toSign = page.getByRole('region', { name: '待您签字确认的巡检报告' });
    await toSign.getByText(`系统巡检 ${period}`).waitFor({ timeout: 20_000 });
    await fitsTheScreen(page);
    await shot(page, 'inspection-05-contact-home-phone');
    await toSign.getByRole('link', { name: '查看并签字' }).click();
    await page.waitForURL(new RegExp(`#/inspections/${inspectionId}/show`));

    const sign = page.getByRole('region', { name: '签字确认', exact: true });
    await sign.waitFor();
    await page.getByRole('link', { name: '下载巡检报告' }).waitFor();
    // The vendor's send-back note is not the hospital's to read.
    expect(await page.getByText('请补充 7 楼东区无线信号中断的时段').count()).toBe(0);
    await sign.getByRole('textbox', { name: /^签字人/ }).fill('陈老师（信息科）');
    await signOnPad(page, sign.getByRole('img', { name: '签名' }));
    await fitsTheScreen(page);
    await shot(page, 'inspection-06-sign-phone');
    await sign.getByRole('button', { name: '签字确认' }).click();
    await page.getByText('巡检报告已签字确认').first().waitFor();
    await page.getByText('已归档', { exact: true }).first().waitFor();
    await page.getByText(/陈老师（信息科） 已于 .* 签字确认，巡检报告已归档/).waitFor();
    await shot(page, 'inspection-07-archived-phone');

    const { page: desk } = await stack.as('manager');
    await desk.goto(`${stack.baseUrl}/#/inspection-board`);
    const cell = desk.getByRole('link', { name: `${HOSPITAL} · 系统巡检 · ${period}：已完成` });
    await cell.waitFor();
    expect(await cell.innerText()).toContain('已完成');
    // Green: the done look (typed by hand: tests type-check without the DOM library).
    type Styled = { getComputedStyle(el: unknown): { backgroundColor: string } };
    const colour = await cell.evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(232, 245, 233)');
    await shot(desk, 'inspection-08-board-done');
  });
});
