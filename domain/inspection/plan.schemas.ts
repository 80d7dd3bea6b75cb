import { z } from 'zod';
import { LIMITS } from '../limits';
import { printable } from '../text';
import { TEMPLATE_CODES } from './templates';

/**
 * A plan of planned work for one hospital: which report, which systems, how often, who does it.
 * Each plan is one Temporal Schedule; these fields are what the schedule and its occurrences need.
 */

const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const recurrenceInput = z.object({
  /** 1–28: a day every month has, so no month is skipped silently. */
  dayOfMonth: z.number({ error: 'plan.day_of_month' }).int().min(1, 'plan.day_of_month').max(28, 'plan.day_of_month'),
  hour: z.number({ error: 'plan.time' }).int().min(0, 'plan.time').max(23, 'plan.time'),
  minute: z.number({ error: 'plan.time' }).int().min(0, 'plan.time').max(59, 'plan.time'),
  /** 1 monthly, 3 quarterly, 6 half-yearly, 12 yearly: counted from the start month. */
  everyMonths: z.literal([1, 2, 3, 4, 6, 12], { error: 'plan.every_months' }),
});
export type Recurrence = z.infer<typeof recurrenceInput>;

export const planInput = z.object({
  hospitalId: z.number({ error: 'plan.hospital_required' }).int().positive(),
  templateCode: z.enum(TEMPLATE_CODES, { error: 'plan.template' }),
  systemCodes: z.array(z.string().min(1).max(32), { error: 'plan.systems' }).min(1, 'plan.systems').max(10),
  recurrence: recurrenceInput,
  engineerId: z.number({ error: 'plan.engineer' }).int().positive(),
  /** Days after the visit the signed report is due. */
  reportDays: z.number({ error: 'plan.report_days' }).int().min(1, 'plan.report_days').max(60, 'plan.report_days'),
  /** The first day the plan owes work, YYYY-MM-DD in the desk's time zone. */
  startDate: z.string({ error: 'plan.start_date' }).regex(YMD, 'plan.start_date'),
  /** How late after downtime a missed occurrence still starts (Temporal's catch-up window). */
  catchupDays: z.number().int().min(1, 'plan.catchup_days').max(31, 'plan.catchup_days').default(7),
  note: z.string().trim().max(LIMITS.text, 'field.too_long').refine(printable, 'field.control_chars').nullable().optional(),
});
export type PlanInput = z.infer<typeof planInput>;

/** The months (1–12) a plan's calendar fires in: every `everyMonths` from the start month. */
export function planMonths(startDate: string, everyMonths: Recurrence['everyMonths']): number[] {
  const first = Number(startDate.slice(5, 7));
  return Array.from({ length: 12 / everyMonths }, (_, i) => ((first - 1 + i * everyMonths) % 12) + 1).sort((a, b) => a - b);
}
