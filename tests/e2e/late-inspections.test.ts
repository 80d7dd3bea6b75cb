import { deskTimeZone } from '../../config/time-zone';
import { Hospital, User } from '../../db/entities';
import { addDays, localDate } from '../../domain/inspection/occurrence';
import { newInspectionPlan, startTimedOccurrence, waitUntil } from '../../harness/inspections';
import { apiAs, PHONE, shot, useConsoleStack } from '../support/e2e-console';

/**
 * 逾期巡检 on the home page: after the overdue escalation a manager sees which report is late, for
 * how long and whose it is, and opens it from there; an engineer's home has no such card.
 */
const stack = useConsoleStack();
const HOSPITAL = '成都市公共卫生临床医疗中心';
let inspectionId: number;
let engineerName: string;
const today = localDate(new Date(), deskTimeZone());
const due = addDays(today, -3);

beforeAll(async () => {
  const manager = await apiAs(stack.baseUrl, 'manager');
  const em = stack.orm.em.fork();
  const hospital = await em.findOneOrFail(Hospital, { code: 'CDPHC' });
  const engineer = await em.findOneOrFail(User, { username: 'engineer' });
  engineerName = engineer.displayName;
  const planId = await newInspectionPlan(manager, hospital.id, engineer.id);
  // Its report was due three days ago: the escalation fires as soon as the run starts.
  ({ inspectionId } = await startTimedOccurrence(stack, { planId, period: '2026-02', visitDate: addDays(today, -10), reportDueDate: due, visitReminderAt: null, overdueAt: Date.now() }));
  await waitUntil('the overdue escalation', async () => (await manager.get<{ overdueAt: string | null }>(`/api/inspections/${inspectionId}`)).body.overdueAt);
});

describe('逾期巡检 on the home page', () => {
  it('shows a manager the late report (hospital, month, engineer, due date, days late) and opens it', async () => {
    const { page } = await stack.as('manager');
    await page.goto(`${stack.baseUrl}/#/`);
    const card = page.getByRole('region', { name: '逾期巡检' });
    const row = card.getByRole('listitem').filter({ hasText: '2026-02' });
    await row.getByText('逾期 3 天').waitFor();
    for (const text of [HOSPITAL, engineerName, `报告截止 ${due}`]) await row.getByText(text, { exact: false }).first().waitFor();
    await shot(page, 'late-inspections-manager');
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`#/inspections/${inspectionId}/show`));
    await page.getByRole('heading', { name: `巡检详情 · 2026-02` }).waitFor();
  });

  it('fits a dispatcher’s phone, and is not on an engineer’s home', async () => {
    const { page } = await stack.as('dispatcher', { phone: true });
    await page.goto(`${stack.baseUrl}/#/`);
    await page.getByRole('region', { name: '逾期巡检' }).getByText('逾期 3 天').waitFor();
    const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
    expect([scroll <= client, client]).toEqual([true, PHONE.width]);

    const engineer = await stack.as('engineer');
    await engineer.page.goto(`${stack.baseUrl}/#/`);
    await engineer.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await engineer.page.getByRole('region', { name: '逾期巡检' }).count()).toBe(0);
  });
});
