import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { ApiSession } from '../../harness/http-session';
import { hospitalWithPolicy } from '../../harness/hospital-policy';
import { inspectionPlanBody } from '../../harness/inspections';
import { newTicketBody } from '../../harness/new-ticket';
import { PNG_DATA_URL } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { waitUntil } from '../../harness/wait';
import { periodOf } from '../../domain/inspection/period';
import { Hospital, Inspection, Notification } from '../../db/entities';
import { recordInspectionHistory } from '../support/histories';

/**
 * The inspection's steps and report (issue 16, items 4–5) against the real dev server, PostgreSQL
 * and HTTP: a plan's occurrence carried from the confirmed plan to the archived, signed report.
 */
// Before useStack's: after* hooks run in the order declared, and the stack's drops the database,
// which would end this pool's idle connection under it (an unhandled error when one was open).
afterAll(() => owner?.end());
const { stack, a } = useStack({ ownDatabase: true });
let manager: ApiSession;
let engineer: ApiSession;
let dispatcher: ApiSession;
let contact: ApiSession;
let otherContact: ApiSession;
let hospitals: Record<string, number>;
let owner: Pool;

type Errors = { code: string; errors?: Record<string, { code: string }> };
interface Detail {
  id: number;
  status: string;
  period: string;
  visitDate: string;
  workflowId?: string;
  engineerId?: number;
  template: { code: string; version: number; title: string; sections: { key: string; items: { key: string }[] }[] };
  checklist: Record<string, { result?: string; value?: number; text?: string; finding?: string }>;
  faultSummary: { total: number; byLevel: { level: number | null; count: number }[]; breached: string[]; repeats: { tickets: string[] }[]; stillOpen: string[]; tickets: { id: string }[] } | null;
  storage: { totalGb: number; usedGb: number; usedShare: number } | null;
  summary: string | null;
  advice: string | null;
  review: { decision: string; note?: string; by?: { userId: number }; at: string } | null;
  returnNote: { kind: string; note: string } | null;
  signature: { decision: string; signerName: string; at: string; reason: string | null } | null;
  reportHash: string | null;
  archiveSeq: number | null;
  linkedTickets: { itemKey: string; ticketId: string }[];
  allowed: string[];
}

const planBody = (hospitalId: number, over: Record<string, unknown> = {}) => inspectionPlanBody(hospitalId, a.engineer.userId, over);

/** Every required item of the monthly template, a fault among the checks and the storage measured. */
const fullChecklist = [
  { key: 'scope', text: '移动护理信息系统全部模块、护士站白板及 PDA 终端（共 120 台）' },
  { key: 'server_status', result: 'ok' },
  { key: 'database_status', result: 'ok' },
  { key: 'network', result: 'warning', finding: '住院部 7 楼无线信号偶有中断' },
  { key: 'terminals', result: 'ok' },
  { key: 'cpu_peak', value: 63.5 },
  { key: 'memory_peak', value: 71 },
  { key: 'app_config', result: 'ok' },
  { key: 'interfaces', result: 'ok' },
  { key: 'backup_jobs', result: 'fault', finding: '最近三天的数据库备份作业均未执行，备份磁盘已满' },
  { key: 'redundancy', result: 'ok' },
  { key: 'storage_total', value: 2000 },
  { key: 'storage_used', value: 1500 },
];

async function openOccurrence(hospitalId: number): Promise<Detail> {
  const plan = await manager.post<{ id: number }>('/api/inspection-plans', planBody(hospitalId));
  expect(plan.status).toBe(201);
  const run = await manager.post<{ inspectionId: number }>(`/api/inspection-plans/${plan.body.id}/run`);
  expect(run.status).toBe(200);
  return (await engineer.get<Detail>(`/api/inspections/${run.body.inspectionId}`)).body;
}

/** Planned → review: confirmed, every item filled, submitted. */
async function toReview(id: number, visitDate: string): Promise<void> {
  expect((await engineer.post(`/api/inspections/${id}/confirm`, { visitDate, systemCodes: ['mnis'] })).status).toBe(200);
  expect((await engineer.post(`/api/inspections/${id}/checklist`, { items: fullChecklist })).status).toBe(200);
  expect((await engineer.post(`/api/inspections/${id}/submit`, { summary: '系统运行总体稳定', advice: '扩容备份磁盘' })).status).toBe(200);
}

async function pdfText(session: ApiSession, id: number): Promise<string> {
  const res = await session.getBytes(`/api/inspections/${id}/report.pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-report-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, res.bytes);
  fs.mkdirSync('test-artifacts', { recursive: true });
  fs.copyFileSync(file, path.join('test-artifacts', 'inspection-report.pdf'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}


beforeAll(async () => {
  [manager, engineer, dispatcher, contact, otherContact] = await Promise.all(['manager', 'engineer', 'dispatcher', 'cdphc', 'demo2'].map((u) => ApiSession.login(stack.baseUrl, u)));
  hospitals = Object.fromEntries((await stack.orm.em.fork().find(Hospital, {})).map((h) => [h.code, h.id]));
  owner = new Pool({ connectionString: stack.databaseUrl, max: 1 });
});

describe('an inspection carried from its plan to the signed, archived report', () => {
  let occurrence: Detail;
  const thisMonth: string[] = [];
  const period = periodOf(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    // A dozen requests across two hospitals and two months: only CDPHC's of this month belong in the report.
    const raise = async (hospitalId: number, i: number) => {
      const res = await dispatcher.post<{ id: string }>('/api/tickets', newTicketBody({ hospitalId, faultLevel: ((i % 3) + 1) as 1 | 2 | 3, title: `护理记录单无法保存（第 ${i} 例）` }));
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const cdphc = [];
    for (let i = 0; i < 8; i++) cdphc.push(await raise(hospitals.CDPHC, i));
    const demo2 = [];
    for (let i = 0; i < 4; i++) demo2.push(await raise(hospitals.DEMO2, i));
    // Three of CDPHC's were received last month; two of this month are the same fault in the same place, one missed its reply.
    await owner.query(`update tickets set received_at = received_at - interval '40 days' where id = any($1)`, [cdphc.slice(5)]);
    await owner.query(`update tickets set category = 'fault_diagnosis', department_id = null where id = any($1)`, [cdphc.slice(0, 2)]);
    await owner.query(`update tickets set reply_breached = true where id = $1`, [cdphc[2]]);
    thisMonth.push(...cdphc.slice(0, 5));
    occurrence = await openOccurrence(hospitals.CDPHC);
    expect(occurrence).toMatchObject({ status: 'planned', period });
  });

  it('shows the template it started with and the steps each caller may take', async () => {
    expect(occurrence.template).toMatchObject({ code: 'monthly_inspection', version: 1, title: '系统巡检报告' });
    expect(occurrence.template.sections.map((s) => s.key)).toEqual(['plan', 'environment', 'configuration', 'architecture', 'faults', 'storage', 'summary']);
    expect(occurrence.allowed).toEqual(['confirm']);
    const seen = await contact.get<Detail>(`/api/inspections/${occurrence.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowed).toEqual([]);
    expect(seen.body).not.toHaveProperty('engineerId');
    expect(seen.body).not.toHaveProperty('workflowId');
    expect((await otherContact.get(`/api/inspections/${occurrence.id}`)).status).toBe(404);
    expect((await manager.get<Detail>(`/api/inspections/${occurrence.id}`)).body.allowed).toEqual(['confirm', 'cancel']);
  });

  it('is confirmed by its engineer (a contact may not), planned → on site', async () => {
    expect((await contact.post(`/api/inspections/${occurrence.id}/confirm`, { visitDate: occurrence.visitDate, systemCodes: ['mnis'] })).status).toBe(403);
    const notRun = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/confirm`, { visitDate: occurrence.visitDate, systemCodes: ['whiteboard-x'] });
    expect([notRun.status, notRun.body.errors?.systemCodes?.code]).toEqual([422, 'plan.system_not_run']);
    for (const visitDate of ['2026-12-32', '2027-02-29', '明天']) {
      const badDate = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/confirm`, { visitDate, systemCodes: ['mnis'] });
      expect([badDate.status, Object.keys(badDate.body.errors ?? {})]).toEqual([400, ['visitDate']]);
    }
    const confirmed = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/confirm`, { visitDate: occurrence.visitDate, systemCodes: ['mnis'], note: '含护士站白板与 PDA 终端' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'on_site' });
    expect(confirmed.body.allowed).toEqual(['checklist', 'submit', 'finding_ticket']);
    // The same request again is the same step (its answer again); another body is a second confirmation, refused.
    const replay = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/confirm`, { visitDate: occurrence.visitDate, systemCodes: ['mnis'], note: '含护士站白板与 PDA 终端' });
    expect([replay.status, replay.body.status]).toEqual([200, 'on_site']);
    const second = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/confirm`, { visitDate: occurrence.visitDate, systemCodes: ['mnis'], note: '改期' });
    expect([second.status, second.body.code]).toEqual([409, 'inspection.not_now']);
  });

  it('takes the checklist in partial saves, and refuses bad items by name with nothing written', async () => {
    const first = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/checklist`, { items: fullChecklist.slice(0, 4) });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body.checklist).sort()).toEqual(['database_status', 'network', 'scope', 'server_status']);
    const before = await stack.orm.em.fork().findOneOrFail(Inspection, occurrence.id);

    const unknown = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/checklist`, { items: [...fullChecklist.slice(4, 7), { key: 'no_such_item', result: 'ok' }] });
    expect([unknown.status, Object.keys(unknown.body.errors ?? {})]).toEqual([422, ['items.3.key']]);
    const notNumber = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/checklist`, { items: [{ key: 'terminals', result: 'ok' }, { key: 'cpu_peak', value: '六十' }] });
    expect([notNumber.status, Object.keys(notNumber.body.errors ?? {})]).toEqual([400, ['items.1.value']]);
    const resultOnText = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/checklist`, { items: [{ key: 'scope', result: 'ok' }] });
    expect([resultOnText.status, resultOnText.body.errors?.['items.0.result']?.code]).toEqual([422, 'inspection.result_on_non_check']);
    const after = await stack.orm.em.fork().findOneOrFail(Inspection, occurrence.id);
    expect([after.projectionSeq, after.checklist]).toEqual([before.projectionSeq, before.checklist]);

    // Submitting early names the first required items still empty.
    const early = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/submit`, { summary: '总结', advice: '建议' });
    expect(early.status).toBe(422);
    expect(Object.keys(early.body.errors ?? {})).toEqual(expect.arrayContaining(['checklist.terminals', 'checklist.cpu_peak', 'checklist.storage_used']));

    expect((await engineer.post(`/api/inspections/${occurrence.id}/checklist`, { items: fullChecklist.slice(4) })).status).toBe(200);
    // The same item saved again replaces only what the save names.
    const again = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/checklist`, { items: [{ key: 'cpu_peak', value: 64 }, { key: 'network', result: 'ok' }] });
    expect(again.body.checklist.cpu_peak).toEqual({ value: 64 });
    expect(again.body.checklist.network).toEqual({ result: 'ok', finding: '住院部 7 楼无线信号偶有中断' });
  });

  it('compiles the fault summary from this hospital’s requests of the month, and the storage from the measurements', async () => {
    const submitted = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/submit`, { summary: '系统运行总体稳定，备份作业需立即处理', advice: '扩容备份磁盘至 4 TB，并启用备份失败告警' });
    expect(submitted.status).toBe(200);
    const d = submitted.body;
    expect(d.status).toBe('review');
    expect(d.faultSummary!.tickets.map((t) => t.id).sort()).toEqual([...thisMonth].sort());
    expect(d.faultSummary!.total).toBe(5);
    expect(d.faultSummary!.byLevel).toEqual([
      { level: 1, count: 2 },
      { level: 2, count: 2 },
      { level: 3, count: 1 },
    ]);
    expect(d.faultSummary!.breached).toEqual([thisMonth[2]]);
    expect(d.faultSummary!.repeats.map((r) => r.tickets.sort())).toEqual([thisMonth.slice(0, 2).sort()]);
    expect(d.faultSummary!.stillOpen.sort()).toEqual([...thisMonth].sort());
    expect(d.storage).toMatchObject({ totalGb: 2000, usedGb: 1500, usedShare: 0.75 });
    expect(d.reportHash).toBeNull();
    expect((await engineer.post(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' })).status).toBe(403);
  });

  it('is sent back by the manager with a note the hospital does not see, and submitted again', async () => {
    const noNote = await manager.post<Errors>(`/api/inspections/${occurrence.id}/review`, { decision: 'send_back' });
    expect([noNote.status, Object.keys(noNote.body.errors ?? {})]).toEqual([400, ['note']]);
    const back = await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'send_back', note: '请补充备份磁盘型号与扩容方案' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'on_site', returnNote: { kind: 'send_back', note: '请补充备份磁盘型号与扩容方案' } });
    const seen = (await contact.get<Detail>(`/api/inspections/${occurrence.id}`)).body;
    expect(seen.returnNote).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('请补充备份磁盘型号');
    expect(seen.review).toEqual({ decision: 'send_back', at: expect.any(String) });
    const em = stack.orm.em.fork();
    expect(await em.count(Notification, { inspection: occurrence.id, recipient: a.engineer.userId, kind: 'inspection_sent_back' })).toBe(1);

    const again = { summary: '系统运行总体稳定，备份作业需立即处理', advice: '更换为 4 TB 备份磁盘（型号 WD Gold），并启用备份失败告警' };
    const resubmitted = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/submit`, again);
    expect(resubmitted.body).toMatchObject({ status: 'review', returnNote: null });
    // Its answer lost and sent again: the same step, answered again, not a second submission.
    const retried = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/submit`, again);
    expect([retried.status, retried.body.status]).toEqual([200, 'review']);
  });

  it('is approved (frozen under its hash), then signed by the hospital’s contact: archived in the tickets’ chain', async () => {
    const approved = await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('signature');
    const hash = approved.body.reportHash!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await contact.get<Detail>(`/api/inspections/${occurrence.id}`)).body.allowed).toEqual(['sign']);
    expect((await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' })).body).toMatchObject({ status: 'signature', reportHash: hash });
    const late = await manager.post<Errors>(`/api/inspections/${occurrence.id}/review`, { decision: 'send_back', note: '再看看' });
    expect([late.status, late.body.code]).toEqual([409, 'inspection.not_now']);

    const sign = { decision: 'signed', signerName: '陈老师（信息科主任）', signature: PNG_DATA_URL, reportHash: hash };
    expect((await otherContact.post(`/api/inspections/${occurrence.id}/sign`, sign)).status).toBe(404);
    expect((await manager.post(`/api/inspections/${occurrence.id}/sign`, sign)).status).toBe(403);
    const stale = await contact.post<Errors>(`/api/inspections/${occurrence.id}/sign`, { ...sign, reportHash: 'a'.repeat(64) });
    expect([stale.status, stale.body.code]).toEqual([409, 'inspection.report_changed']);
    const unsigned = await contact.post<Errors>(`/api/inspections/${occurrence.id}/sign`, { ...sign, signature: undefined });
    expect([unsigned.status, Object.keys(unsigned.body.errors ?? {})]).toEqual([400, ['signature']]);
    const notPng = await contact.post<Errors>(`/api/inspections/${occurrence.id}/sign`, { ...sign, signature: 'data:image/png;base64,AAAA' });
    expect([notPng.status, notPng.body.errors?.signature?.code]).toEqual([422, 'signature.image_png']);
    expect((await stack.orm.em.fork().findOneOrFail(Inspection, occurrence.id)).status).toBe('signature');

    const signed = await contact.post<Detail>(`/api/inspections/${occurrence.id}/sign`, sign);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'archived', signature: { decision: 'signed', signerName: '陈老师（信息科主任）', reason: null }, reportHash: hash });
    expect(JSON.stringify(signed.body)).not.toContain('base64');
    expect(signed.body.archiveSeq).toBeGreaterThan(0);

    const verify = await manager.get<{ records: number; problems: unknown[] }>('/api/archive-records/verify');
    expect(verify.body.problems).toEqual([]);
    const records = await manager.get<{ ticketId: string; outcome: string }[]>('/api/archive-records', { filter: { outcome: 'inspection_signed' } });
    expect(records.body).toEqual([expect.objectContaining({ ticketId: `inspection-${(await stack.orm.em.fork().findOneOrFail(Inspection, occurrence.id)).plan.id}-${period}` })]);
    await waitUntil('the run to complete', async () => (await stack.client.workflow.getHandle(records.body[0].ticketId).describe()).status.name === 'COMPLETED');
    await recordInspectionHistory(stack, records.body[0].ticketId, 'sent-back-then-signed');
  });

  it('prints the report with its Chinese headings, every item, the signer and a verification code the contact can check', async () => {
    const text = await pdfText(contact, occurrence.id);
    for (const heading of ['系统巡检报告', '巡检计划与巡检内容确定', '系统运行环境检查', '历史故障调查与问题汇总', '业务存储容量需求分析', '巡检总结报告与系统优化建议', '医院签字确认']) expect(text).toContain(heading);
    for (const item of ['应用服务器运行状态', '备份作业配置', '故障', '最近三天的数据库备份作业均未执行', '64 %', '2000 GB', '系统运行总体稳定', '型号 WD Gold']) expect(text).toContain(item);
    expect(text).toContain('陈老师（信息科主任）');
    for (const id of thisMonth) expect(text).toContain(id);
    const code = /验证码\s+([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1];
    expect(code).toBeDefined();
    const checked = await contact.get<{ verified: boolean; hospitalName: string }>(`/api/verify/${code}`);
    expect(checked.status).toBe(200);
    expect(checked.body.verified).toBe(true);
    expect((await otherContact.getBytes(`/api/inspections/${occurrence.id}/report.pdf`)).status).toBe(404);
  });

  it('raises one linked ticket from the finding marked fault, however often asked', async () => {
    const notFault = await engineer.post<Errors>(`/api/inspections/${occurrence.id}/findings/server_status/ticket`, {});
    expect([notFault.status, notFault.body.code]).toEqual([409, 'inspection.finding_not_fault']);
    const [first, second] = await Promise.all([
      engineer.post<{ itemKey: string; ticketId: string }>(`/api/inspections/${occurrence.id}/findings/backup_jobs/ticket`, {}),
      engineer.post<{ itemKey: string; ticketId: string }>(`/api/inspections/${occurrence.id}/findings/backup_jobs/ticket`, {}),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.ticketId).toBe(first.body.ticketId);
    const third = await dispatcher.post<{ ticketId: string }>(`/api/inspections/${occurrence.id}/findings/backup_jobs/ticket`, {});
    expect([third.status, third.body.ticketId]).toEqual([200, first.body.ticketId]);
    const ticket = await dispatcher.get<{ hospitalId: number; title: string; faultLevel: number }>(`/api/tickets/${first.body.ticketId}`);
    expect(ticket.body).toMatchObject({ hospitalId: hospitals.CDPHC, title: '巡检发现：备份作业配置与最近一次执行结果', faultLevel: 3 });
    expect((await contact.get<Detail>(`/api/inspections/${occurrence.id}`)).body.linkedTickets).toEqual([{ itemKey: 'backup_jobs', ticketId: first.body.ticketId }]);
  });
});

describe('the hospital’s answer to a report waiting for its signature', () => {
  const completed = (workflowId: string) => waitUntil('the run to complete', async () => (await stack.client.workflow.getHandle(workflowId).describe()).status.name === 'COMPLETED');
  const signedBy = (reportHash: string) => ({ decision: 'signed', signerName: '陈老师（信息科主任）', signature: PNG_DATA_URL, reportHash });

  it('is signed at once: the report is archived and the run ends', async () => {
    const occurrence = await openOccurrence(hospitals.CDPHC);
    await toReview(occurrence.id, occurrence.visitDate);
    const approved = await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'signature', review: { decision: 'approve' }, returnNote: null });
    const signed = await contact.post<Detail>(`/api/inspections/${occurrence.id}/sign`, signedBy(approved.body.reportHash!));
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'archived', reportHash: approved.body.reportHash, allowed: [] });
    expect(signed.body.archiveSeq).toBeGreaterThan(0);
    await completed(occurrence.workflowId!);
    await recordInspectionHistory(stack, occurrence.workflowId!, 'signed');
  });

  it('is refused with the reason the engineer reads, corrected, approved again under a new hash and signed', async () => {
    const occurrence = await openOccurrence(hospitals.CDPHC);
    await toReview(occurrence.id, occurrence.visitDate);
    const first = (await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' })).body.reportHash!;
    const refusal = { decision: 'refused', signerName: '陈老师（信息科主任）', reportHash: first };
    const noReason = await contact.post<Errors>(`/api/inspections/${occurrence.id}/sign`, refusal);
    expect([noReason.status, Object.keys(noReason.body.errors ?? {})]).toEqual([400, ['reason']]);
    const refused = await contact.post<Detail>(`/api/inspections/${occurrence.id}/sign`, { ...refusal, reason: '备份磁盘扩容未给出完成日期' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'on_site', reportHash: null, signature: { decision: 'refused', reason: '备份磁盘扩容未给出完成日期' } });
    const seen = (await engineer.get<Detail>(`/api/inspections/${occurrence.id}`)).body;
    expect(seen).toMatchObject({ returnNote: { kind: 'refused', note: '备份磁盘扩容未给出完成日期' }, allowed: ['checklist', 'submit', 'finding_ticket'] });
    expect(await stack.orm.em.fork().count(Notification, { inspection: occurrence.id, recipient: a.engineer.userId, kind: 'inspection_refused' })).toBe(1);

    const resubmitted = await engineer.post<Detail>(`/api/inspections/${occurrence.id}/submit`, { summary: '系统运行总体稳定', advice: '12 月 20 日前将备份磁盘扩容至 4 TB' });
    expect(resubmitted.body).toMatchObject({ status: 'review', returnNote: null });
    const second = (await manager.post<Detail>(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' })).body.reportHash!;
    expect(second).not.toBe(first);
    const stale = await contact.post<Errors>(`/api/inspections/${occurrence.id}/sign`, signedBy(first));
    expect([stale.status, stale.body.code]).toEqual([409, 'inspection.report_changed']);
    const signed = await contact.post<Detail>(`/api/inspections/${occurrence.id}/sign`, signedBy(second));
    expect(signed.body).toMatchObject({ status: 'archived', reportHash: second, signature: { decision: 'signed', reason: null } });
    await completed(occurrence.workflowId!);
    await recordInspectionHistory(stack, occurrence.workflowId!, 'refused-then-signed');
  });
});

describe('timers of an inspection', () => {
  it('escalates a report not in by its due day: the managers and the engineer are told', async () => {
    const plan = await manager.post<{ id: number }>('/api/inspection-plans', planBody(hospitals.DEMO2, { systemCodes: ['mnis'] }));
    expect((await manager.post(`/api/inspection-plans/${plan.body.id}/backfill`, { from: '2026-09', to: '2026-09' })).status).toBe(202);
    // September's report was due on 8 September: the escalation fires as soon as the run starts.
    const late = await waitUntil('the overdue escalation', async () => {
      const row = await stack.orm.em.fork().findOne(Inspection, { plan: plan.body.id, period: '2026-09' });
      return row?.overdueAt ? row : null;
    });
    const em = stack.orm.em.fork();
    expect(await em.count(Notification, { inspection: late.id, recipientRole: 'manager', kind: 'inspection_overdue' })).toBe(1);
    expect(await em.count(Notification, { inspection: late.id, recipient: a.engineer.userId, kind: 'inspection_overdue' })).toBe(1);
    const seen = await manager.get<{ inspectionId: number | null; kind: string; message: string }[]>('/api/notifications');
    expect(seen.body.find((n) => n.inspectionId === late.id)?.message).toContain('overdue');
  });

  it('reminds the hospital of a report waiting for its signature, at the hospital’s contract interval', async () => {
    const { hospitalId } = await hospitalWithPolicy(stack.orm, { replySeconds: 3600, signatureReminderSeconds: 2 });
    const occurrence = await openOccurrence(hospitalId);
    await toReview(occurrence.id, occurrence.visitDate);
    expect((await manager.post(`/api/inspections/${occurrence.id}/review`, { decision: 'approve' })).status).toBe(200);
    const reminders = await waitUntil('two signature reminders', async () => {
      const n = await stack.orm.em.fork().count(Notification, { inspection: occurrence.id, recipientRole: 'hospital_contact', kind: 'inspection_signature_reminder' });
      return n >= 2 ? n : null;
    });
    expect(reminders).toBeGreaterThanOrEqual(2);
    // Another hospital's contact does not see them.
    const others = await otherContact.get<{ inspectionId: number | null }[]>('/api/notifications');
    expect(others.body.filter((n) => n.inspectionId === occurrence.id)).toEqual([]);
    await recordInspectionHistory(stack, occurrence.workflowId!, 'signature-reminded');
  });

  it('is cancelled by a manager with a note: its run ends and no step is open', async () => {
    const occurrence = await openOccurrence(hospitals.DEMO2);
    expect((await engineer.post(`/api/inspections/${occurrence.id}/cancel`, { note: '医院停机改造' })).status).toBe(403);
    const cancelled = await manager.post<Detail>(`/api/inspections/${occurrence.id}/cancel`, { note: '医院停机改造，本月巡检取消' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowed: [] });
    await waitUntil('the run to complete', async () => (await stack.client.workflow.getHandle(cancelled.body.workflowId!).describe()).status.name === 'COMPLETED');
    await recordInspectionHistory(stack, cancelled.body.workflowId!, 'cancelled');
  });
});
