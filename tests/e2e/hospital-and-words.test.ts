import { newTicketBody } from '../../harness/new-ticket';
import { triage } from '../../harness/step-data';
import { apiAs, expectOk, openTaskId, shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

const ANALYSIS = '内部分析：连接池耗尽-E7731';
const INTERNAL = '内部备注：先别告诉医院-E7731';
const FOR_HOSPITAL = '给医院：今天下午回电-E7731';

describe('what the hospital sees, in words a person uses', () => {
  let ticketNo: string;

  it('staff write internal notes by default and mark a note for the hospital; the hospital sees a plain progress view without them', async () => {
    const contactApi = await apiAs(stack.baseUrl, 'cdphc');
    const dispatcherApi = await apiAs(stack.baseUrl, 'dispatcher');
    ticketNo = (await expectOk(contactApi.post<{ id: string }>('/api/tickets', newTicketBody({ title: '护理记录保存超时', reporterName: '王护士长' })))).id;
    await expectOk(dispatcherApi.post(`/api/tasks/${await openTaskId(dispatcherApi, ticketNo, 'triage')}/complete`, { ...triage('remote', dispatcherApi.userId), analysis: ANALYSIS }));

    const { page } = await stack.as('dispatcher');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticketNo}/show`);
    const notes = page.getByRole('region', { name: '备注' });
    await notes.getByRole('radio', { name: '内部（仅服务方可见）' }).waitFor();
    expect(await notes.getByRole('radio', { name: '内部（仅服务方可见）' }).isChecked()).toBe(true);
    await notes.getByRole('textbox').fill(INTERNAL);
    await notes.getByRole('button', { name: '添加备注' }).click();
    // The next note is begun at once, while the first is on its way (no waiting for 备注已添加):
    // the form empties itself when a note is accepted, never over what was typed since.
    await notes.getByRole('textbox').fill(FOR_HOSPITAL);
    await notes.getByText(INTERNAL, { exact: true }).waitFor();
    expect(await notes.getByRole('textbox').inputValue()).toBe(FOR_HOSPITAL);
    await notes.getByRole('radio', { name: '医院可见' }).check();
    await notes.getByRole('button', { name: '添加备注' }).click();
    await notes.getByText(FOR_HOSPITAL, { exact: true }).waitFor();
    // Both as written, and the form empty for the one after.
    expect(await notes.getByText(INTERNAL, { exact: true }).count()).toBe(1);
    await page.waitForFunction(`!document.querySelector('[role=region][aria-label="备注"] textarea')?.value`);
    expect(await notes.innerText()).toMatch(/内部（仅服务方可见）[\s\S]*医院可见/);
    await shot(page, 'words-1-dispatcher-notes');

    const contact = (await stack.as('cdphc')).page;
    await contact.goto(`${stack.baseUrl}/#/tickets/${ticketNo}/show`);
    await contact.getByRole('region', { name: '处理进度' }).waitFor();
    await contact.getByText(FOR_HOSPITAL, { exact: true }).waitFor();
    const text = await contact.locator('main').innerText();
    for (const hidden of [ANALYSIS, INTERNAL, '哈希', '工作流', 'Temporal', '计时器', '用户 #', '问题单']) expect([hidden, text.includes(hidden)]).toEqual([hidden, false]);
    // One date format on the page: 2026-12-02 14:05.
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    await shot(page, 'words-2-hospital-progress');
  });

  it('anyone keeps their own phone and e-mail, and switches language, from the user menu', async () => {
    const { page } = await stack.as('engineer');
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '我的资料' }).click();
    await page.locator('input[name="phone"]').fill('打电话');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('只能包含数字、空格和 + - ( )').waitFor();
    await page.locator('input[name="phone"]').fill('138 0000 7731');
    await page.locator('input[name="email"]').fill('zhang@vendor.example');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('资料已保存').waitFor();
    await shot(page, 'words-3-profile');
    await page.reload();
    await page.locator('input[name="phone"]').waitFor();
    expect(await page.locator('input[name="phone"]').inputValue()).toBe('138 0000 7731');

    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My profile' }).or(page.getByText('My profile')).first().waitFor();
  });
});
