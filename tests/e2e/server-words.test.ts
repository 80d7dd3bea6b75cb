import type { Page } from 'playwright-core';
import type { ApiSession } from '../../harness/http-session';
import { apiAs, choose, expectOk, fill, openTask, openTaskId, pick, shot, useConsoleStack, userId } from '../support/e2e-console';
import { triage } from '../../harness/step-data';

/**
 * The server says what happened by code; the console says it in the reader's language. A refused
 * step, a field error and a notification, read in Chinese and then in English.
 */
const stack = useConsoleStack();

const WORDS = {
  zh: {
    bell: '通知',
    queue: '待领取',
    dispatch: '派工审批',
    approve: '批准派工',
    plan: /^处理方案/,
    engineer: /^现场服务工程师/,
    submit: '提交',
    refused: '该步骤已无法执行：此任务已取消',
    newTicket: (no: string, title: string) => `${no}：急诊科护士长 提交了新的服务请求：${title}`,
    username: /^用户名/,
    displayName: /^姓名/,
    role: /^角色/,
    engineerRole: '工程师',
    password: /^密码/,
    save: '保存',
    taken: '该用户名已被占用',
  },
  en: {
    bell: 'Notifications',
    queue: 'To claim',
    dispatch: 'Dispatch approval',
    approve: 'Approve on-site dispatch',
    plan: /^Plan/,
    engineer: /^On-site engineer/,
    submit: 'Submit',
    refused: 'This step can no longer be done: This task is already cancelled',
    newTicket: (no: string, title: string) => `${no}: new request from 急诊科护士长: ${title}`,
    username: /^User name/,
    displayName: /^Display name/,
    role: /^Role/,
    engineerRole: 'Engineer',
    password: /^Password/,
    save: 'Save',
    taken: 'This user name is taken',
  },
} as const;

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Service requests' }).waitFor();
}

/** A request raised by the hospital and triaged for on-site work: its dispatch approval is open. */
async function awaitingDispatch(contact: ApiSession, dispatcher: ApiSession, title: string): Promise<string> {
  const ticket = await expectOk(
    contact.post<{ id: string }>('/api/tickets', { hospitalId: 1, systemCode: 'mnis', channel: 'portal', faultLevel: 2, title, description: `${title}，影响急诊科`, reporterName: '急诊科护士长' }),
  );
  const triageTask = await openTaskId(dispatcher, ticket.id, 'triage');
  await expectOk(dispatcher.post(`/api/tasks/${triageTask}/complete`, triage('onsite', await userId(dispatcher, 'engineer'), 2)));
  await openTaskId(dispatcher, ticket.id, 'dispatch');
  return ticket.id;
}

describe('what the server says, in the reader’s language', () => {
  it('a refused step, a field error and a notification, in Chinese and in English', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const api = await apiAs(stack.baseUrl, 'dispatcher');
    const tickets = { zh: await awaitingDispatch(contact, api, '护理记录同步失败'), en: await awaitingDispatch(contact, api, '白板排班不显示') };
    const dispatcher = await stack.as('dispatcher');
    const admin = await stack.as('admin');

    for (const lang of ['zh', 'en'] as const) {
      const w = WORDS[lang];
      const ticketNo = tickets[lang];
      if (lang === 'en') {
        await toEnglish(dispatcher.page);
        await toEnglish(admin.page);
      }
      const { page } = dispatcher;

      // A notification: the new request, with its number, reporter and title.
      await page.getByRole('button', { name: w.bell }).click();
      await page.getByRole('region', { name: w.bell }).getByText(w.newTicket(ticketNo, lang === 'zh' ? '护理记录同步失败' : '白板排班不显示')).waitFor();
      await page.waitForTimeout(400); // the popover's fade-in, for the screenshot
      await shot(page, `server-words-${lang}-1-notification`);
      await page.keyboard.press('Escape');

      // A refused step: the request is cancelled while the dispatcher fills in the approval.
      await openTask(page, stack.baseUrl, w.queue, ticketNo, w.dispatch);
      await choose(page, w.approve);
      await fill(page, w.plan, '今天 16:00 前到急诊科');
      await pick(page, w.engineer, /张工/);
      await expectOk(api.post(`/api/tickets/${ticketNo}/cancel`, { reason: '医院已自行恢复' }));
      await page.getByRole('button', { name: w.submit }).click();
      await page.getByRole('alert').filter({ hasText: w.refused }).first().waitFor();
      await shot(page, `server-words-${lang}-2-refused`);

      // A field error: a user name that is taken, on the field it concerns.
      await admin.page.goto(stack.baseUrl + '/#/users/create');
      await fill(admin.page, w.username, 'engineer');
      await fill(admin.page, w.displayName, '重名测试');
      await pick(admin.page, w.role, w.engineerRole);
      await admin.page.getByLabel(w.password).fill('Desk#2026-dup!');
      await admin.page.getByRole('button', { name: w.save }).click();
      await admin.page.getByText(w.taken).waitFor();
      await shot(admin.page, `server-words-${lang}-3-field`);
    }
  });
});
