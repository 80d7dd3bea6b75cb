import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { deskTimeZone } from '../config/time-zone';
import { sql } from '../db/sql';
import { occurrenceStartOf } from '../db/inspection-start';
import { occurrenceDates } from '../domain/inspection/occurrence';
import type { StartedBy } from '../domain/inspection/occurrence';
import { occurrenceWorkflowId } from '../domain/inspection/period';
import type { ActivityDeps } from './deps';

export interface OpenRequest {
  planId: number;
  /** The schedule's nominal time (for a backfill, the past time it stands for). */
  scheduledAt: string;
  startedBy: StartedBy;
}

export interface Opened {
  inspectionId: number;
  period: string;
  workflowId: string;
  /** False when this plan already had its occurrence of that month: nothing new was made. */
  created: boolean;
}

export function createInspectionActivities({ orm, temporal, timeZone = deskTimeZone() }: ActivityDeps) {
  return {
    /**
     * Makes a plan's occurrence of the month `scheduledAt` falls in, once: the row's unique (plan,
     * period) and the workflow ID `inspection-<plan>-<period>` both refuse a second, so a retried
     * activity, a catch-up, a backfill run twice and a "run now" all end at the same occurrence.
     * Null when the plan was deleted after the schedule fired.
     */
    async openInspection(req: OpenRequest): Promise<Opened | null> {
      const em = orm.em.fork();
      const [plan] = await sql<{ id: number; hospital_id: number; template_code: string; engineer_id: number; report_days: number; system_codes: string[] }>(
        em,
        'select id, hospital_id, template_code, engineer_id, report_days, system_codes from inspection_plans where id = ?',
        [req.planId],
      );
      if (!plan) return null;
      const dates = occurrenceDates(new Date(req.scheduledAt), timeZone, plan.report_days);
      const workflowId = occurrenceWorkflowId(plan.id, dates.period);
      const inserted = await sql<{ id: number }>(
        em,
        `insert into inspections (plan_id, period, hospital_id, workflow_id, template_code, template_version, engineer_id, status,
           planned_date, visit_date, report_due_date, started_by, created_at, updated_at)
         select ?, ?, ?, ?, ?, (select max(version) from inspection_templates where code = ?), ?, 'planned', ?, ?, ?, ?, now(), now()
         on conflict (plan_id, period) do nothing
         returning id`,
        [plan.id, dates.period, plan.hospital_id, workflowId, plan.template_code, plan.template_code, plan.engineer_id, dates.plannedDate, dates.visit.date, dates.reportDueDate, req.startedBy],
      );
      const [row] = inserted.length ? inserted : await sql<{ id: number }>(em, 'select id from inspections where plan_id = ? and period = ?', [plan.id, dates.period]);
      const start = await occurrenceStartOf(em, row.id, timeZone);
      try {
        await temporal.workflow.start('inspectionWorkflow', {
          workflowId,
          taskQueue: Context.current().info.taskQueue,
          args: [start],
          // The row may exist from an attempt that died before starting the run: start it now, or find it running.
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e; // closed already: done earlier
      }
      return { inspectionId: row.id, period: dates.period, workflowId, created: inserted.length > 0 };
    },
  };
}
