import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { driveOnsiteFlows } from '../../harness/flow-driver';
import { newTicketBody } from '../../harness/new-ticket';
import { apiAs, expectOk, shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-console-'));

describe('documents in the console: the signed repair form, its code, exports, printing', () => {
  let ticketId: string;

  beforeAll(async () => {
    const report = await driveOnsiteFlows({ baseUrl: stack.baseUrl, flows: 1, concurrency: 1, runId: `docs-${Date.now()}`, deadline: Date.now() + 180_000, log: () => {} });
    expect(report.failures).toEqual([]);
    ticketId = report.tickets[0];
  }, 240_000);

  it('the hospital contact downloads the signed form and checks its verification code', async () => {
    const { page } = await stack.as('cdphc');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticketId}/show`);
    const button = page.getByRole('link', { name: '下载维修单 (PDF)' });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = path.join(tmp, 'form.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('系统维修单');
    const code = /验证码\s+([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)![1];

    await page.getByRole('menuitem', { name: '验证维修单' }).click();
    await page.getByLabel('验证码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText(/真实有效/).waitFor();
    await page.getByText(ticketId).waitFor();
    await shot(page, 'verify-repair-form');
  }, 120_000);

  it('printing a ticket page leaves out the app bar, the menu and the buttons', async () => {
    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticketId}/show`);
    await page.getByRole('region', { name: '服务请求' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [page.locator('.MuiAppBar-root'), page.locator('.RaSidebar-root'), page.getByRole('link', { name: '下载维修单 (PDF)' })]) {
      expect(await hidden.first().isVisible()).toBe(false);
    }
    expect(await page.getByRole('region', { name: '服务请求' }).isVisible()).toBe(true);
    await shot(page, 'ticket-print');
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('导出 downloads every row of the list’s filter as XLSX', async () => {
    const manager = await apiAs(stack.baseUrl, 'manager');
    const total = Number((await manager.get('/api/tickets', { range: [0, 0] })).headers.get('content-range')!.split('/')[1]);
    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/tickets`);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tickets-\d{8}-\d{4}\.xlsx$/);
    const file = path.join(tmp, 'tickets.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets[0].actualRowCount).toBe(total + 1);
    expect(book.worksheets[0].getRow(1).getCell(1).value).toBe('服务请求编号');
  }, 60_000);

  it('导出所选 downloads only the rows ticked in the list', async () => {
    // At least two requests, so ticking one of them chooses something.
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    await expectOk(contact.post('/api/tickets', newTicketBody({ title: '导出所选的第二个请求' })));
    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/tickets`);
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    await rows.nth(0).locator('input[type=checkbox]').check();
    const picked = (await rows.nth(0).locator('td.column-id').innerText()).trim();
    await page.getByRole('button', { name: '导出所选' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel/ }).click()]);
    const file = path.join(tmp, 'selected.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.actualRowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(picked);
  }, 60_000);
});
