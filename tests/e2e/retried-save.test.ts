import { Ticket } from '../../db/entities';
import { pick, shot, useConsoleStack } from '../support/e2e-console';

/**
 * Found by trying it: the console sent no Idempotency-Key when raising a request, so a save retried
 * after a 503 made a second ticket. Now the answer to the first save is lost on the way back (the
 * server did create the ticket) and the console's retry, with the same key, gets that same ticket.
 */
const stack = useConsoleStack();

describe('a save whose answer is lost', () => {
  it('is retried by the console with the same key: one request, one ticket', async () => {
    const { page } = await stack.as('cdphc');
    const keys: string[] = [];
    await page.route('**/api/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '(none)');
      if (keys.length > 1) return route.continue();
      // The server creates the ticket; its answer is replaced by what a proxy says when the desk is briefly away.
      await route.fetch();
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'service.workflow_unavailable', message: 'The workflow service is unavailable; please retry shortly.' }) });
    });
    const title = '重试保存：护理评估单打印空白';
    await page.goto(stack.baseUrl + '/#/tickets/create');
    await pick(page, /^系统/, '移动护理信息系统');
    await pick(page, /^故障级别/, '三级（一般）');
    await page.locator('input[name="reporterName"]').fill('心内科护士长');
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="description"]').fill('心内科护理评估单打印出来是空白页');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: title }).waitFor({ timeout: 20_000 });
    await shot(page, 'retried-save');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await stack.orm.em.fork().count(Ticket, { title })).toBe(1);
  });
});
