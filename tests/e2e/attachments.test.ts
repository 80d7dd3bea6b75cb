import { screenshotPng } from '../../harness/files';
import { newTicketBody } from '../../harness/new-ticket';
import { apiAs, expectOk, shot, useConsoleStack } from '../support/e2e-console';

const stack = useConsoleStack();

// Made before anyone signs in (a slow machine takes a while over a big PNG).
const screenshot = screenshotPng(1440, 900, 7);
const pasted = screenshotPng(800, 500, 8).toString('base64');

describe('附件 on the ticket page', () => {
  it('a dispatcher attaches a screenshot by choosing it and another by pasting; thumbnails show; the hospital sees only the one shown to it', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const ticket = await expectOk(contact.post<{ id: string }>('/api/tickets', newTicketBody({ title: '护理记录保存超时（附截图）' })));

    const { page } = await stack.as('dispatcher');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    const section = page.getByRole('region', { name: '附件' });
    await section.getByText('暂无附件').waitFor();
    // A phone opens its camera from here.
    expect(await section.locator('[data-testid="attachment-camera"]').getAttribute('capture')).toBe('environment');
    expect(await section.locator('[data-testid="attachment-camera"]').getAttribute('accept')).toBe('image/*');

    await section.locator('[data-testid="attachment-input"]').setInputFiles({ name: '保存超时截图.png', mimeType: 'image/png', buffer: screenshot });
    const thumbs = section.locator('img[data-testid="attachment-thumbnail"]');
    await thumbs.first().waitFor();
    await section.getByText('保存超时截图.png').waitFor();
    await section.getByText('仅内部').first().waitFor();

    // A screenshot pasted from the clipboard (Ctrl+V on the drop zone), shown to the hospital.
    await section.getByLabel('医院可见').check();
    await section.locator('[data-testid="attachment-drop"]').focus();
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(pasted)}), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.querySelector('[data-testid="attachment-drop"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await section.getByText(/^screenshot-.*\.png$/).waitFor();
    await section.getByText('医院可见', { exact: true }).last().waitFor();
    expect(await thumbs.count()).toBe(2);
    // Thumbnails are real, small images the browser decoded.
    const widths = await page.evaluate(`[...document.querySelectorAll('img[data-testid="attachment-thumbnail"]')].map((i) => i.complete ? i.naturalWidth : 0)`);
    expect(widths).toEqual([160, 160]);
    await shot(page, 'attachments-1-dispatcher');

    const hospital = await stack.as('cdphc');
    await hospital.page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    const theirs = hospital.page.getByRole('region', { name: '附件' });
    await theirs.locator('img[data-testid="attachment-thumbnail"]').first().waitFor();
    expect(await theirs.locator('img[data-testid="attachment-thumbnail"]').count()).toBe(1);
    expect(await theirs.getByText('保存超时截图.png').count()).toBe(0);
    // A contact does not choose: their files are the hospital's.
    expect(await theirs.getByLabel('医院可见').count()).toBe(0);
    await shot(hospital.page, 'attachments-2-hospital');
  });

  it('a note carries its files', async () => {
    const contact = await apiAs(stack.baseUrl, 'cdphc');
    const ticket = await expectOk(contact.post<{ id: string }>('/api/tickets', newTicketBody({ title: '移动护理 PDA 扫码失败' })));
    const { page } = await stack.as('dispatcher');
    await page.goto(`${stack.baseUrl}/#/tickets/${ticket.id}/show`);
    const notes = page.getByRole('region', { name: '备注' });
    await notes.getByRole('textbox').first().fill('已远程查看服务器日志，附上片段');
    await notes.locator('[data-testid="attachment-input"]').setInputFiles({ name: 'pda-scan.log', mimeType: 'text/plain', buffer: Buffer.from('2026-12-02 08:00:01 ERROR scan timeout\n'.repeat(200)) });
    await notes.getByText('pda-scan.log').waitFor();
    await notes.getByRole('button', { name: '添加备注' }).click();
    const files = page.getByRole('region', { name: '附件' });
    await files.getByText('pda-scan.log').waitFor();
    await files.getByText('跟踪记录').waitFor();
    await notes.getByText('已远程查看服务器日志，附上片段').waitFor();
    // Taken with the note: the form is empty again.
    expect(await notes.getByText('pda-scan.log').count()).toBe(0);

    await shot(page, 'attachments-3-note');
  });
});
