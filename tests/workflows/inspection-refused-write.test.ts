import { sql } from '../../db/sql';
import { Hospital, Notification } from '../../db/entities';
import { ApiError } from '../../api/errors';
import { inspectionGateway } from '../../api/workflow/inspection-gateway';
import { ApiSession } from '../../harness/http-session';
import { monthlyChecklistAllWell, newInspectionPlan, startTimedOccurrence, waitUntil } from '../../harness/inspections';
import { PNG_DATA_URL } from '../../harness/step-data';
import { useStack } from '../../harness/use-stack';
import { sleep } from '../../harness/wait';
import { checklistUpdate, signUpdate } from '../../workflows/inspection/messages';
import { recordInspectionHistory } from '../support/histories';

/**
 * The tickets' rule for a write PostgreSQL refuses (tests/workflows/refused-write.test.ts), for an
 * inspection: a NUL that slipped into a step (here the engineer's name, imported from elsewhere) is
 * refused by the database; the write is not retried for ever, the step's caller is told, the run
 * ends failed, the row says so and every manager is told once.
 */
const { stack, a } = useStack();
const DAY = 86_400_000;

interface Detail {
  status: string;
  workflowState: string | null;
  allowed: string[];
  checklist: Record<string, unknown>;
  reportHash: string | null;
  visitDate: string;
  confirmNote: string | null;
  signature: unknown;
}

describe('an inspection write PostgreSQL refuses', () => {
  it('fails the step with a code after one attempt, ends the run failed, marks the row and tells the managers once', async () => {
    const [manager, engineer, contact] = await Promise.all(['manager', 'engineer', 'cdphc'].map((u) => ApiSession.login(stack.baseUrl, u)));
    const hospital = await stack.orm.em.fork().findOneOrFail(Hospital, { code: 'CDPHC' });
    const planId = await newInspectionPlan(manager, hospital.id, a.engineer.userId);
    const { inspectionId, workflowId } = await startTimedOccurrence(stack, {
      planId,
      period: '2026-05',
      visitDate: '2026-05-06',
      reportDueDate: '2026-05-13',
      visitReminderAt: null,
      overdueAt: Date.now() + 30 * DAY,
    });
    const visitDate = new Date().toISOString().slice(0, 10);
    const confirmed = await engineer.post<{ status: string }>(`/api/inspections/${inspectionId}/confirm`, { visitDate, systemCodes: ['mnis'] });
    expect([confirmed.status, confirmed.body.status]).toEqual([200, 'on_site']);

    // The API refuses control characters in what a user types: the gateway is sent what slipped past it.
    const gateway = inspectionGateway({ temporal: stack.client, taskQueue: stack.taskQueue });
    const actor = { ...a.engineer, displayName: '导入\u0000的工程师' };
    const refused = await gateway.update(workflowId, checklistUpdate, { items: [{ key: 'scope', text: '全部模块' }], actor } as never, `refused-${workflowId}`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect([(refused as ApiError).status, (refused as ApiError).said.code]).toEqual([409, 'inspection.write_refused']);

    const h = stack.client.workflow.getHandle(workflowId);
    await waitUntil('the run to fail', async () => (await h.describe()).status.name === 'FAILED');
    const history = await h.fetchHistory();
    const writes = history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordInspection');
    const failed = history.events!.filter((e) => e.activityTaskFailedEventAttributes);
    // The confirm's write, then the refused one: tried once, failed for good.
    expect([writes.length, failed.length]).toEqual([2, 1]);
    expect(failed[0].activityTaskFailedEventAttributes!.failure!.applicationFailureInfo).toMatchObject({ type: 'WriteRefusedByDatabase', nonRetryable: true });

    const em = stack.orm.em.fork();
    const [row] = await sql<{ workflow_state: string; status: string }>(em, 'select workflow_state, status from inspections where id = ?', [inspectionId]);
    expect(row).toEqual({ workflow_state: 'failed', status: 'on_site' });
    expect(await em.count(Notification, { inspection: inspectionId, kind: 'inspection_failed' })).toBe(1);
    expect(await em.count(Notification, { inspection: inspectionId, recipientRole: 'manager', kind: 'inspection_failed' })).toBe(1);
    const told = await manager.get<{ inspectionId: number | null; kind: string; message: string }[]>('/api/notifications');
    expect(told.body.filter((n) => n.inspectionId === inspectionId && n.kind === 'inspection_failed').map((n) => n.message)).toEqual([
      `${hospital.name} 2026-05: the inspection has stopped: the database refused one of its writes`,
    ]);

    // People see it: the page offers no step but the manager's restart, a step is refused with the reason, the list and the board say failed.
    const seen = await manager.get<{ workflowState: string; allowed: string[] }>(`/api/inspections/${inspectionId}`);
    expect([seen.body.workflowState, seen.body.allowed]).toEqual(['failed', ['restart']]);
    expect((await engineer.get<{ allowed: string[] }>(`/api/inspections/${inspectionId}`)).body.allowed).toEqual([]);
    const again = await engineer.post<{ code: string }>(`/api/inspections/${inspectionId}/checklist`, { items: [{ key: 'scope', text: '全部模块' }] });
    expect([again.status, again.body.code]).toEqual([409, 'inspection.failed']);
    const list = await manager.get<{ id: number }[]>('/api/inspections', { filter: { failed: true } });
    expect(list.body.map((i) => i.id)).toContain(inspectionId);
    const board = await manager.get<{ hospitals: { id: number; plans: { id: number; cells: { period: string; state: string }[] }[] }[] }>('/api/inspections/board?from=2026-05&to=2026-05');
    const cell = board.body.hospitals.find((x) => x.id === hospital.id)!.plans.find((p) => p.id === planId)!.cells[0];
    expect(cell).toMatchObject({ period: '2026-05', state: 'failed' });
    // The hospital's contact is not shown the desk's inside.
    expect((await contact.get<Record<string, unknown>>(`/api/inspections/${inspectionId}`)).body).not.toHaveProperty('workflowState');
    await recordInspectionHistory(stack, workflowId, 'write-refused');
  });

  it('at the archive: the signed report is not archived, the run fails, the row is marked and the managers told once', async () => {
    const [manager, engineer, contact] = await Promise.all(['manager', 'engineer', 'cdphc'].map((u) => ApiSession.login(stack.baseUrl, u)));
    const hospital = await stack.orm.em.fork().findOneOrFail(Hospital, { code: 'CDPHC' });
    const planId = await newInspectionPlan(manager, hospital.id, a.engineer.userId);
    const { inspectionId, workflowId } = await startTimedOccurrence(stack, {
      planId,
      period: '2026-06',
      visitDate: '2026-06-03',
      reportDueDate: '2026-06-10',
      visitReminderAt: null,
      overdueAt: Date.now() + 30 * DAY,
    });
    const visitDate = new Date().toISOString().slice(0, 10);
    expect((await engineer.post(`/api/inspections/${inspectionId}/confirm`, { visitDate, systemCodes: ['mnis'] })).status).toBe(200);
    expect((await engineer.post(`/api/inspections/${inspectionId}/checklist`, { items: monthlyChecklistAllWell })).status).toBe(200);
    expect((await engineer.post(`/api/inspections/${inspectionId}/submit`, { summary: '系统运行稳定', advice: '保持现有备份策略' })).status).toBe(200);
    const approved = await manager.post<{ reportHash: string }>(`/api/inspections/${inspectionId}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);

    // The signer's name as another system sent it, with a NUL: the archive's transaction meets the refusal.
    const gateway = inspectionGateway({ temporal: stack.client, taskQueue: stack.taskQueue });
    const actor = { ...a.cdphc, displayName: '陈\u0000老师' };
    const sign = { decision: 'signed', signerName: '陈老师', signature: PNG_DATA_URL, reportHash: approved.body.reportHash, actor };
    const refused = await gateway.update(workflowId, signUpdate, sign as never, `refused-sign-${workflowId}`).catch((e: unknown) => e);
    expect([(refused as ApiError).status, (refused as ApiError).said?.code]).toEqual([409, 'inspection.write_refused']);

    const h = stack.client.workflow.getHandle(workflowId);
    await waitUntil('the run to fail', async () => (await h.describe()).status.name === 'FAILED');
    const history = await h.fetchHistory();
    const archives = history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'archiveInspection');
    const failed = history.events!.filter((e) => e.activityTaskFailedEventAttributes);
    expect([archives.length, failed.length]).toEqual([1, 1]);
    expect(failed[0].activityTaskFailedEventAttributes!.failure!.applicationFailureInfo).toMatchObject({ type: 'WriteRefusedByDatabase', nonRetryable: true });

    const em = stack.orm.em.fork();
    const [row] = await sql<{ workflow_state: string; status: string; archive_seq: number | null }>(em, 'select workflow_state, status, archive_seq from inspections where id = ?', [inspectionId]);
    expect(row).toEqual({ workflow_state: 'failed', status: 'signature', archive_seq: null });
    expect(await sql(em, 'select seq from archive_records where ticket_id = ?', [workflowId])).toEqual([]);
    expect(await em.count(Notification, { inspection: inspectionId, recipientRole: 'manager', kind: 'inspection_failed' })).toBe(1);
    await recordInspectionHistory(stack, workflowId, 'archive-refused');

    // Restarted, it waits for the signature again on the same frozen report; signed properly it is archived.
    const restarted = await manager.post<Detail>(`/api/inspections/${inspectionId}/restart`, {});
    expect(restarted.status).toBe(200);
    expect(restarted.body).toMatchObject({ status: 'signature', workflowState: null, reportHash: approved.body.reportHash, signature: null });
    const toSign = await contact.get<Detail>(`/api/inspections/${inspectionId}`);
    expect(toSign.body.allowed).toEqual(['sign']);
    const signed = await contact.post<Detail>(`/api/inspections/${inspectionId}/sign`, { decision: 'signed', signerName: '陈老师', signature: PNG_DATA_URL, reportHash: approved.body.reportHash });
    expect([signed.status, signed.body.status]).toEqual([200, 'archived']);
    expect(await sql(em, 'select outcome from archive_records where ticket_id = ?', [workflowId])).toEqual([{ outcome: 'inspection_signed' }]);
    expect((await manager.get<{ problems: unknown[] }>('/api/archive-records/verify')).body.problems).toEqual([]);
  });

  it('a manager restarts it from what PostgreSQL saved: the steps come back, the saved checklist stays, the refused save is entered again, and it goes on to a signed archived report', async () => {
    const [manager, engineer, contact, admin] = await Promise.all(['manager', 'engineer', 'cdphc', 'admin'].map((u) => ApiSession.login(stack.baseUrl, u)));
    const hospital = await stack.orm.em.fork().findOneOrFail(Hospital, { code: 'CDPHC' });
    const planId = await newInspectionPlan(manager, hospital.id, a.engineer.userId);
    const { inspectionId, workflowId } = await startTimedOccurrence(stack, {
      planId,
      period: '2026-07',
      visitDate: '2026-07-06',
      reportDueDate: '2030-07-13',
      visitReminderAt: null,
      overdueAt: Date.now() + 30 * DAY,
    });
    const visitDate = new Date().toISOString().slice(0, 10);
    expect((await engineer.post(`/api/inspections/${inspectionId}/confirm`, { visitDate, systemCodes: ['mnis'], note: '与信息科约定上午到场' })).status).toBe(200);
    const saved = monthlyChecklistAllWell.filter((i) => i.key !== 'scope');
    expect((await engineer.post(`/api/inspections/${inspectionId}/checklist`, { items: saved })).status).toBe(200);
    const lastStepAt = Date.now();
    // A running inspection has nothing to restart.
    const running = await manager.post<{ code: string }>(`/api/inspections/${inspectionId}/restart`, {});
    expect([running.status, running.body.code]).toEqual([409, 'inspection.not_failed']);

    // The scope text arrives with a NUL (through the gateway, as the API would refuse it): refused, the run fails.
    const gateway = inspectionGateway({ temporal: stack.client, taskQueue: stack.taskQueue });
    const refused = await gateway.update(workflowId, checklistUpdate, { items: [{ key: 'scope', text: '全部\u0000模块' }], actor: a.engineer } as never, `refused-${workflowId}`).catch((e: unknown) => e);
    expect((refused as ApiError).said?.code).toBe('inspection.write_refused');
    const h = stack.client.workflow.getHandle(workflowId);
    await waitUntil('the run to fail', async () => (await h.describe()).status.name === 'FAILED');
    await waitUntil('the row marked', async () => (await engineer.get<Detail>(`/api/inspections/${inspectionId}`)).body.workflowState === 'failed');

    // Only the desk's managers and admins restart; a hospital contact is refused before anything runs.
    const byContact = await contact.post(`/api/inspections/${inspectionId}/restart`, {});
    expect(byContact.status).toBe(403);
    expect((await engineer.post(`/api/inspections/${inspectionId}/restart`, {})).status).toBe(403);
    expect((await h.describe()).status.name).toBe('FAILED');

    // Without a worker the restart is refused at once, as a step is, and nothing changes.
    await stack.stopWorker();
    try {
      await waitUntil('the desk to see the worker gone', async () => (await manager.get('/api/ready')).status === 503);
      // The API keeps a worker's "yes" for 1 s (api/workflow/worker-liveness.ts): the engineer's last step must be older.
      await sleep(Math.max(0, lastStepAt + 1100 - Date.now()));
      const started = Date.now();
      const noWorker = await manager.post<{ code: string }>(`/api/inspections/${inspectionId}/restart`, {});
      expect([noWorker.status, noWorker.body.code]).toEqual([503, 'inspection.no_worker']);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await h.describe()).status.name).toBe('FAILED');
    } finally {
      await stack.startWorker();
    }
    await waitUntil('the worker back', async () => (await manager.get('/api/ready')).status === 200);

    const restarted = await manager.post<Detail>(`/api/inspections/${inspectionId}/restart`, {});
    expect(restarted.status).toBe(200);
    expect(restarted.body).toMatchObject({ status: 'on_site', workflowState: null, visitDate, confirmNote: '与信息科约定上午到场' });
    // What was saved before the failure is there; what the refused write carried is not.
    expect(restarted.body.checklist).toMatchObject({ server_status: { result: 'ok' }, storage_total: { value: 2000 } });
    expect(restarted.body.checklist).not.toHaveProperty('scope');
    expect((await engineer.get<Detail>(`/api/inspections/${inspectionId}`)).body.allowed).toEqual(expect.arrayContaining(['checklist', 'submit']));
    expect((await h.describe()).status.name).toBe('RUNNING');
    const em = stack.orm.em.fork();
    const [last] = await sql<{ type: string; actor_name: string; actor_role: string }>(em, 'select type, actor_name, actor_role from inspection_events where inspection_id = ? order by seq desc limit 1', [inspectionId]);
    expect(last).toEqual({ type: 'restarted', actor_name: a.manager.displayName, actor_role: 'manager' });
    const board = await manager.get<{ hospitals: { id: number; plans: { id: number; cells: { period: string; state: string }[] }[] }[] }>('/api/inspections/board?from=2026-07&to=2026-07');
    expect(board.body.hospitals.find((x) => x.id === hospital.id)!.plans.find((p) => p.id === planId)!.cells[0].state).not.toBe('failed');

    // A second restart finds nothing failed: by the manager or an admin.
    const again = await manager.post<{ code: string }>(`/api/inspections/${inspectionId}/restart`, {});
    expect([again.status, again.body.code]).toEqual([409, 'inspection.not_failed']);
    expect((await admin.post<{ code: string }>(`/api/inspections/${inspectionId}/restart`, {})).body.code).toBe('inspection.not_failed');

    // The engineer enters the refused save again, and the inspection goes on to the hospital's signature and the archive.
    expect((await engineer.post(`/api/inspections/${inspectionId}/checklist`, { items: [{ key: 'scope', text: '全部模块' }] })).status).toBe(200);
    expect((await engineer.post(`/api/inspections/${inspectionId}/submit`, { summary: '系统运行稳定', advice: '保持现有备份策略' })).status).toBe(200);
    const approved = await manager.post<Detail>(`/api/inspections/${inspectionId}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    const signed = await contact.post<Detail>(`/api/inspections/${inspectionId}/sign`, { decision: 'signed', signerName: '陈老师', signature: PNG_DATA_URL, reportHash: approved.body.reportHash });
    expect([signed.status, signed.body.status, signed.body.checklist.scope]).toEqual([200, 'archived', { text: '全部模块' }]);
    await waitUntil('the run to complete', async () => (await h.describe()).status.name === 'COMPLETED');
    expect(await sql(em, 'select outcome from archive_records where ticket_id = ?', [workflowId])).toEqual([{ outcome: 'inspection_signed' }]);
    const types = await sql<{ type: string }>(em, 'select type from inspection_events where inspection_id = ? order by seq', [inspectionId]);
    expect(types.map((t) => t.type)).toEqual(['confirmed', 'checklist_saved', 'restarted', 'checklist_saved', 'submitted', 'approved', 'signed', 'archived']);
    // Archived, it is not run again.
    expect((await manager.post<{ code: string }>(`/api/inspections/${inspectionId}/restart`, {})).body.code).toBe('inspection.closed');
    await recordInspectionHistory(stack, workflowId, 'restarted-then-signed');
  });
});
