import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/sha256';
import { deskInstant, reportOverdueAt, visitReminderAt } from '../../domain/inspection/desk-time';
import { MONTHLY_INSPECTION } from '../../domain/inspection/templates';
import type { OccurrenceEvent, OccurrenceStart } from '../../domain/inspection/record';
import { resumedState } from '../../domain/inspection/resume';
import type { InspectionActor } from '../../domain/inspection/steps';
import { InspectionOccurrence } from '../../workflows/inspection/occurrence';

/** The inspection's state class without Temporal: its rules, its timers and what each step writes. */
const engineer: InspectionActor = { userId: 5, role: 'engineer', displayName: '张工' };
const otherEngineer: InspectionActor = { userId: 6, role: 'engineer', displayName: '刘工' };
const manager: InspectionActor = { userId: 2, role: 'manager', displayName: '王经理' };
const contact: InspectionActor = { userId: 7, role: 'hospital_contact', displayName: '陈老师', hospitalId: 1 };
const otherContact: InspectionActor = { userId: 8, role: 'hospital_contact', displayName: '周老师', hospitalId: 2 };
const DAY = 86_400_000;

function occurrence(now = { t: Date.UTC(2026, 11, 1, 1) }) {
  const start: OccurrenceStart = {
    inspectionId: 11,
    planId: 3,
    period: '2026-12',
    workflowId: 'inspection-3-2026-12',
    hospitalId: 1,
    hospitalName: '成都市公共卫生临床医疗中心',
    engineerId: 5,
    template: MONTHLY_INSPECTION,
    systemCodes: ['mnis'],
    visitDate: '2026-12-01',
    reportDueDate: '2026-12-08',
    visitReminderAt: null,
    overdueAt: reportOverdueAt('2026-12-08', 'Asia/Shanghai'),
    signatureReminderMs: DAY,
  };
  return { m: new InspectionOccurrence(start, () => now.t), now };
}

const every = MONTHLY_INSPECTION.sections
  .flatMap((s) => s.items)
  .filter((i) => i.required && !i.compiled && i.key !== 'summary' && i.key !== 'advice')
  .map((i) => (i.kind === 'check' ? { key: i.key, result: 'ok' as const } : i.kind === 'measurement' ? { key: i.key, value: 10 } : { key: i.key, text: '全部模块' }));

it('lets only the right people take each step, and only when it is open', () => {
  const { m } = occurrence();
  expect(m.check('confirm', otherEngineer)?.code).toBe('inspection.not_yours');
  expect(m.check('confirm', contact)?.code).toBe('inspection.not_yours');
  expect(m.check('confirm', engineer)).toBeNull();
  expect(m.check('submit', engineer)).toEqual({ code: 'inspection.not_now', params: { step: 'submit', status: 'planned' } });
  expect(m.check('review', engineer)?.code).toBe('inspection.not_yours');
  m.confirm(engineer, { visitDate: '2026-12-02', systemCodes: ['mnis', 'nms'], visitReminderAt: null });
  expect(m.state).toMatchObject({ status: 'on_site', visitDate: '2026-12-02', systemCodes: ['mnis', 'nms'] });
  expect(m.fields('submit', {})).toMatchObject({ 'checklist.scope': { code: 'inspection.item_missing' } });
});

it('checks checklist answers against the template by the request’s field names', () => {
  const { m } = occurrence();
  expect(m.fields('checklist', { items: [{ key: 'scope', text: 'x' }, { key: 'nope', result: 'ok' }, { key: 'cpu_peak', result: 'ok' }, { key: 'server_status', value: 3 }] })).toEqual({
    'items.1.key': { code: 'inspection.unknown_item', params: { key: 'nope' } },
    'items.2.result': { code: 'inspection.result_on_non_check', params: { key: 'cpu_peak' } },
    'items.3.value': { code: 'inspection.value_on_non_measurement', params: { key: 'server_status' } },
  });
});

it('freezes the report at approval under the sha256 of its canonical JSON, and binds the signature to it', () => {
  const { m, now } = occurrence();
  m.confirm(engineer, { visitDate: '2026-12-01', systemCodes: ['mnis'], visitReminderAt: null });
  m.saveChecklist(engineer, [...every, { key: 'storage_total', value: 1000 }, { key: 'storage_used', value: 600 }]);
  const submitted = m.submit(engineer, { summary: '稳定', advice: '扩容' }, {
    tickets: [
      { id: 'SR-1', title: 'a', systemCode: 'mnis', category: 'fault_diagnosis', faultLevel: 1, status: 'open', departmentId: 4, replyBreached: true, solutionBreached: false },
      { id: 'SR-2', title: 'b', systemCode: 'mnis', category: null, faultLevel: null, status: 'cancelled', departmentId: null, replyBreached: false, solutionBreached: false },
    ],
    storageHistory: [{ period: '2026-10', totalGb: 1000, usedGb: 500 }],
  });
  expect(submitted.notices).toEqual([{ recipientRole: 'manager', kind: 'inspection_review', params: { hospital: '成都市公共卫生临床医疗中心', period: '2026-12' } }]);
  expect(m.state.faultSummary).toMatchObject({ total: 1, breached: ['SR-1'], tickets: [{ id: 'SR-1' }] });
  expect(m.state.storage).toMatchObject({ growthGbPerMonth: 50, monthsUntilFull: 8, since: '2026-10' });
  now.t += 1000;
  const approved = m.review(manager, { decision: 'approve', note: '' });
  const hash = createHash('sha256').update(canonicalJson(m.state.report)).digest('hex');
  expect(m.state.reportHash).toBe(hash);
  expect(approved.events[0]).toMatchObject({ type: 'approved', data: { reportHash: hash } });
  expect(m.check('sign', otherContact, { reportHash: hash })?.code).toBe('inspection.sign_own_hospital');
  expect(m.check('sign', contact, { reportHash: 'f'.repeat(64) })?.code).toBe('inspection.report_changed');
  const refused = m.sign(contact, { decision: 'refused', signerName: '陈老师', reason: '备份问题未给出日期', reportHash: hash });
  expect(m.state).toMatchObject({ status: 'on_site', reportHash: null, returnNote: { kind: 'refused', note: '备份问题未给出日期' } });
  expect(refused.notices[0]).toMatchObject({ recipientId: 5, kind: 'inspection_refused' });
  expect(refused.row.seq).toBe(refused.events[0].seq);
});

it('plans its timers: the visit reminder, the overdue escalation until the report is in, signature reminders at most three', () => {
  const { m, now } = occurrence();
  expect(m.nextTimer()).toEqual({ kind: 'overdue', at: Date.UTC(2026, 11, 8, 16) });
  m.confirm(engineer, { visitDate: '2026-12-03', systemCodes: ['mnis'], visitReminderAt: visitReminderAt('2026-12-03', 'Asia/Shanghai') });
  expect(m.nextTimer()).toEqual({ kind: 'visit_reminder', at: Date.UTC(2026, 11, 2, 1) });
  m.fire(m.nextTimer()!);
  expect(m.nextTimer()?.kind).toBe('overdue');
  const late = m.fire(m.nextTimer()!);
  expect(late.notices.map((n) => n.recipientRole ?? n.recipientId)).toEqual(['manager', 5]);
  m.saveChecklist(engineer, every);
  m.submit(engineer, { summary: 's', advice: 'a' }, { tickets: [], storageHistory: [] });
  expect(m.nextTimer()).toBeNull();
  now.t = Date.UTC(2026, 11, 10);
  m.review(manager, { decision: 'approve', note: '' });
  for (let i = 1; i <= 3; i++) {
    expect(m.nextTimer()).toEqual({ kind: 'signature_reminder', at: now.t + i * DAY });
    expect(m.fire(m.nextTimer()!).notices[0]).toMatchObject({ recipientRole: 'hospital_contact', params: { count: i } });
  }
  expect(m.nextTimer()).toBeNull();
});

it('computes desk instants in the desk’s time zone', () => {
  expect(new Date(deskInstant('2026-12-07', 9, 'Asia/Shanghai')).toISOString()).toBe('2026-12-07T01:00:00.000Z');
  expect(new Date(deskInstant('2026-07-01', 0, 'Europe/Berlin')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
});

it('is carried on by a restart from its row and events as the run held it: reminders sent stay sent, and the restart is one event by whom', () => {
  const { m, now } = occurrence();
  const log: OccurrenceEvent[] = [];
  const keep = (w: { events: OccurrenceEvent[] }) => log.push(...w.events);
  keep(m.confirm(engineer, { visitDate: '2026-12-03', systemCodes: ['mnis'], visitReminderAt: visitReminderAt('2026-12-03', 'Asia/Shanghai') }));
  keep(m.fire(m.nextTimer()!));
  keep(m.saveChecklist(engineer, every));
  // On site, reminded of the visit: resumed, it is not reminded again.
  expect(resumedState(m.start, m.row(), log)).toEqual({ ...m.state, visitReminderAt: null });
  keep(m.submit(engineer, { summary: 's', advice: 'a' }, { tickets: [], storageHistory: [] }));
  now.t = Date.UTC(2026, 11, 10);
  keep(m.review(manager, { decision: 'approve', note: '' }));
  now.t += DAY;
  keep(m.fire(m.nextTimer()!));
  // Waiting for the signature, chased once: the resumed run chases from the same approval, the second time next.
  const resumed = resumedState(m.start, m.row(), log);
  expect(resumed).toEqual({ ...m.state, visitReminderAt: null });
  const again = new InspectionOccurrence(m.start, () => now.t, resumed);
  expect(again.nextTimer()).toEqual(m.nextTimer());
  const restarted = again.restarted(manager);
  expect(restarted).toMatchObject({ clearsFailure: true, row: { status: 'signature', seq: m.state.seq + 1 }, events: [{ seq: m.state.seq + 1, type: 'restarted', actor: { userId: 2, role: 'manager' } }] });
  expect(again.check('sign', contact, { reportHash: m.state.reportHash })).toBeNull();
});
