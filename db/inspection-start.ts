import type { EntityManager } from '@mikro-orm/postgresql';
import { reportOverdueAt, visitReminderAt } from '../domain/inspection/desk-time';
import type { OccurrenceStart } from '../domain/inspection/record';
import type { InspectionTemplate } from '../domain/inspection/templates';
import { loadSlaTargets } from './sla-targets';
import { sql } from './sql';

/**
 * What an occurrence's run starts from, read from its row, its plan and its hospital's terms: the
 * template version it opened with, and the timer instants decided here in the desk's time zone (the
 * workflow only sleeps until them). Opening a month and restarting a failed one both use it.
 */
export async function occurrenceStartOf(em: EntityManager, inspectionId: number, timeZone: string, now = Date.now()): Promise<OccurrenceStart> {
  const [o] = await sql<{
    plan_id: number;
    period: string;
    workflow_id: string;
    hospital_id: number;
    hospital_name: string;
    engineer_id: number;
    system_codes: string[];
    template: InspectionTemplate;
    visit_date: string;
    report_due_date: string;
  }>(
    em,
    `select i.plan_id, i.period, i.workflow_id, i.hospital_id, h.name as hospital_name, i.engineer_id, p.system_codes, i.visit_date, i.report_due_date,
            json_build_object('code', t.code, 'version', t.version, 'title', t.title, 'sections', t.sections) as template
       from inspections i join inspection_plans p on p.id = i.plan_id join inspection_templates t on t.code = i.template_code and t.version = i.template_version
       join hospitals h on h.id = i.hospital_id
      where i.id = ?`,
    [inspectionId],
  );
  const reminder = visitReminderAt(o.visit_date, timeZone);
  const terms = await loadSlaTargets(em, o.hospital_id);
  return {
    inspectionId,
    planId: o.plan_id,
    period: o.period,
    workflowId: o.workflow_id,
    hospitalId: o.hospital_id,
    hospitalName: o.hospital_name,
    engineerId: o.engineer_id,
    template: o.template,
    systemCodes: o.system_codes,
    visitDate: o.visit_date,
    reportDueDate: o.report_due_date,
    visitReminderAt: reminder > now ? reminder : null,
    overdueAt: reportOverdueAt(o.report_due_date, timeZone),
    // The hospital's least urgent repair-form term: how soon its signature is chased (docs/decisions.md).
    signatureReminderMs: (terms.length ? Math.max(...terms.map((t) => t.signatureReminderSeconds)) : 86_400) * 1000,
  };
}
