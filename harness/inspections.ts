import { sql } from '../db/sql';
import type { OccurrenceStart } from '../domain/inspection/record';
import type { InspectionTemplate } from '../domain/inspection/templates';
import { occurrenceWorkflowId } from '../domain/inspection/period';
import type { ApiSession } from './http-session';
import type { Stack } from './stack';

/** A monthly inspection plan's body for `POST /api/inspection-plans`. */
export const inspectionPlanBody = (hospitalId: number, engineerId: number, over: Record<string, unknown> = {}) => ({
  hospitalId,
  templateCode: 'monthly_inspection',
  systemCodes: ['mnis'],
  recurrence: { dayOfMonth: 1, hour: 9, minute: 0, everyMonths: 1 },
  engineerId,
  reportDays: 7,
  startDate: '2026-07-01',
  ...over,
});

/** A new plan of this hospital, made by a manager through the API; its id. */
export async function newInspectionPlan(manager: ApiSession, hospitalId: number, engineerId: number): Promise<number> {
  const plan = await manager.post<{ id: number }>('/api/inspection-plans', inspectionPlanBody(hospitalId, engineerId));
  if (plan.status !== 201) throw new Error(`plan not created: ${plan.status} ${JSON.stringify(plan.body)}`);
  return plan.body.id;
}

/**
 * An occurrence of `plan` whose timers fire at the instants given (seconds ahead, in a test),
 * opened as `openInspection` does — its row, then its run — but with the instants chosen instead
 * of computed from the desk's calendar (the visit reminder the day before, the overdue at the end
 * of the due day), which no test can wait for.
 */
export async function startTimedOccurrence(
  stack: Pick<Stack, 'orm' | 'client' | 'taskQueue'>,
  o: { planId: number; period: string; visitDate: string; reportDueDate: string; visitReminderAt: number | null; overdueAt: number },
): Promise<{ inspectionId: number; workflowId: string }> {
  const em = stack.orm.em.fork();
  const workflowId = occurrenceWorkflowId(o.planId, o.period as never);
  const [row] = await sql<{ id: number; hospital_id: number; hospital_name: string; engineer_id: number; system_codes: string[]; template: InspectionTemplate }>(
    em,
    `with plan as (select * from inspection_plans where id = ?),
     inserted as (
       insert into inspections (plan_id, period, hospital_id, workflow_id, template_code, template_version, engineer_id, status, planned_date, visit_date, report_due_date, started_by, created_at, updated_at)
       select p.id, ?, p.hospital_id, ?, p.template_code, (select max(version) from inspection_templates where code = p.template_code), p.engineer_id, 'planned', ?, ?, ?, 'person', now(), now() from plan p
       returning id, hospital_id, engineer_id, template_code, template_version
     )
     select i.id, i.hospital_id, h.name as hospital_name, i.engineer_id, (select system_codes from plan) as system_codes,
            json_build_object('code', t.code, 'version', t.version, 'title', t.title, 'sections', t.sections) as template
       from inserted i join hospitals h on h.id = i.hospital_id join inspection_templates t on t.code = i.template_code and t.version = i.template_version`,
    [o.planId, o.period, workflowId, o.visitDate, o.visitDate, o.reportDueDate],
  );
  const start: OccurrenceStart = {
    inspectionId: row.id,
    planId: o.planId,
    period: o.period,
    workflowId,
    hospitalId: row.hospital_id,
    hospitalName: row.hospital_name,
    engineerId: row.engineer_id,
    template: row.template,
    systemCodes: row.system_codes,
    visitDate: o.visitDate,
    reportDueDate: o.reportDueDate,
    visitReminderAt: o.visitReminderAt,
    overdueAt: o.overdueAt,
    signatureReminderMs: 86_400_000,
  };
  await stack.client.workflow.start('inspectionWorkflow', { workflowId, taskQueue: stack.taskQueue, args: [start] });
  return { inspectionId: row.id, workflowId };
}

export { waitUntil } from './wait';

/** Every required item of the monthly template answered, all well: enough to submit. */
export const monthlyChecklistAllWell = [
  { key: 'scope', text: '移动护理信息系统全部模块、护士站白板及 PDA 终端' },
  { key: 'server_status', result: 'ok' },
  { key: 'database_status', result: 'ok' },
  { key: 'network', result: 'ok' },
  { key: 'terminals', result: 'ok' },
  { key: 'cpu_peak', value: 41 },
  { key: 'memory_peak', value: 55 },
  { key: 'app_config', result: 'ok' },
  { key: 'interfaces', result: 'ok' },
  { key: 'backup_jobs', result: 'ok' },
  { key: 'redundancy', result: 'ok' },
  { key: 'storage_total', value: 2000 },
  { key: 'storage_used', value: 900 },
];
