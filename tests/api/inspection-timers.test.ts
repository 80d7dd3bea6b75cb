import { deskTimeZone } from '../../config/time-zone';
import { Hospital, Notification } from '../../db/entities';
import { localDate } from '../../domain/inspection/occurrence';
import { ApiSession } from '../../harness/http-session';
import { monthlyChecklistAllWell, newInspectionPlan, startTimedOccurrence, waitUntil } from '../../harness/inspections';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { recordInspectionHistory } from '../support/histories';

/**
 * An inspection's timers against the real dev server, PostgreSQL and HTTP, with their instants a
 * few seconds ahead (the run only sleeps until instants it is given): the engineer's visit
 * reminder, and the overdue escalation a manager then acts on from the dashboard's 逾期巡检.
 */
const { stack, a } = useStack();
const DAY = 86_400_000;
let manager: ApiSession;
let dispatcher: ApiSession;
let admin: ApiSession;
let engineer: ApiSession;
let contact: ApiSession;
let otherContact: ApiSession;
let hospitalId: number;

interface Row {
  id: number;
  hospitalId: number;
  period: string;
  engineerId?: number;
  reportDueDate: string;
  overdueAt: string | null;
}
const late = (s: ApiSession) => s.get<Row[]>('/api/inspections', { filter: { late: true }, sort: ['reportDueDate', 'ASC'] });
const count = (where: Record<string, unknown>) => stack.orm.em.fork().count(Notification, where);

beforeAll(async () => {
  [manager, dispatcher, admin, engineer, contact, otherContact] = await Promise.all(['manager', 'dispatcher', 'admin', 'engineer', 'cdphc', 'demo2'].map((u) => ApiSession.login(stack.baseUrl, u)));
  hospitalId = (await stack.orm.em.fork().findOneOrFail(Hospital, { code: 'CDPHC' })).id;
});

describe('the overdue escalation', () => {
  it('tells the managers and the engineer once, lists the inspection as late until its report is submitted', async () => {
    const today = localDate(new Date(), deskTimeZone());
    const planId = await newInspectionPlan(manager, hospitalId, a.engineer.userId);
    const { inspectionId, workflowId } = await startTimedOccurrence(stack, { planId, period: '2026-03', visitDate: today, reportDueDate: today, visitReminderAt: null, overdueAt: Date.now() + 4000 });
    // Not yet late: nothing listed, nobody told.
    expect((await late(manager)).body.map((r) => r.id)).not.toContain(inspectionId);

    await waitUntil('the overdue escalation', async () => (await manager.get<Row>(`/api/inspections/${inspectionId}`)).body.overdueAt);
    expect(await count({ inspection: inspectionId, recipientRole: 'manager', kind: 'inspection_overdue' })).toBe(1);
    expect(await count({ inspection: inspectionId, recipient: a.engineer.userId, kind: 'inspection_overdue' })).toBe(1);

    // Managers, dispatchers and admins find it on the dashboard's list, with what the card shows.
    for (const s of [manager, dispatcher, admin]) {
      const listed = (await late(s)).body.find((r) => r.id === inspectionId);
      expect(listed).toMatchObject({ hospitalId, period: '2026-03', engineerId: a.engineer.userId, reportDueDate: today });
    }
    // A hospital contact sees no more than before: another hospital's contact not this one.
    expect((await late(otherContact)).body.map((r) => r.id)).not.toContain(inspectionId);
    expect((await contact.get<Row[]>('/api/inspections', { filter: { late: true } })).body.every((r) => r.hospitalId === hospitalId)).toBe(true);
    const bad = await manager.get<{ errors: Record<string, unknown> }>('/api/inspections', { filter: { late: 'yes' } });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([400, ['late']]);

    // 我的巡检 on the engineer's home: theirs, not a colleague's; a filter value that is not a boolean is refused on the field.
    const mine = (s: ApiSession) => s.get<Row[]>('/api/inspections', { filter: { mine: true } });
    expect((await mine(engineer)).body.map((r) => r.id)).toContain(inspectionId);
    expect((await mine(dispatcher)).body.map((r) => r.id)).not.toContain(inspectionId);
    const notBoolean = await engineer.get<{ errors: Record<string, unknown> }>('/api/inspections', { filter: { mine: 'yes' } });
    expect([notBoolean.status, Object.keys(notBoolean.body.errors)]).toEqual([400, ['mine']]);

    // The engineer acts: confirmed and on site it is still late; submitted it no longer is.
    expect((await engineer.post(`/api/inspections/${inspectionId}/confirm`, { visitDate: today, systemCodes: ['mnis'] })).status).toBe(200);
    expect((await late(manager)).body.map((r) => r.id)).toContain(inspectionId);
    expect((await engineer.post(`/api/inspections/${inspectionId}/checklist`, { items: monthlyChecklistAllWell })).status).toBe(200);
    expect((await engineer.post(`/api/inspections/${inspectionId}/submit`, { summary: '系统运行稳定', advice: '保持现有备份策略' })).status).toBe(200);
    expect((await late(manager)).body.map((r) => r.id)).not.toContain(inspectionId);
    expect((await manager.get<Row[]>('/api/inspections', { filter: { late: false, id: [inspectionId] } })).body.map((r) => r.id)).toEqual([inspectionId]);
    expect(await count({ inspection: inspectionId, kind: 'inspection_overdue' })).toBe(2);
    await recordInspectionHistory(stack, workflowId, 'overdue-then-submitted');
  });
});

describe('the visit reminder', () => {
  it('reminds the engineer once, and not again after the worker restarts', async () => {
    const today = localDate(new Date(), deskTimeZone());
    const planId = await newInspectionPlan(manager, hospitalId, a.engineer.userId);
    const { inspectionId, workflowId } = await startTimedOccurrence(stack, { planId, period: '2026-04', visitDate: today, reportDueDate: today, visitReminderAt: Date.now() + 3000, overdueAt: Date.now() + 30 * DAY });
    const reminders = { inspection: inspectionId, recipient: a.engineer.userId, kind: 'inspection_visit' };
    expect(await count(reminders)).toBe(0);
    await waitUntil('the visit reminder', async () => (await count(reminders)) > 0);
    expect(await count(reminders)).toBe(1);
    expect(await count({ inspection: inspectionId, kind: 'inspection_visit' })).toBe(1);
    const told = await engineer.get<{ inspectionId: number | null; kind: string; message: string }[]>('/api/notifications');
    expect(told.body.filter((n) => n.inspectionId === inspectionId).map((n) => n.message)).toEqual([expect.stringContaining(`inspection visit due on ${today}`)]);

    // A fresh worker rebuilds the run from its history; a step makes it do so now. The fired timer stays fired.
    await stack.stopWorker();
    await stack.startWorker();
    expect((await engineer.post(`/api/inspections/${inspectionId}/confirm`, { visitDate: today, systemCodes: ['mnis'] })).status).toBe(200);
    await sleep(1000);
    expect(await count(reminders)).toBe(1);
    await recordInspectionHistory(stack, workflowId, 'visit-reminded-then-confirmed');
  });
});
