import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import type { Period } from '../../domain/inspection/period';
import { planMonths, type Recurrence } from '../../domain/inspection/plan.schemas';
import type { inspectionDueWorkflow } from '../../workflows/inspection/due';

/** What a plan's schedule is made from: the plan row's fields. */
export interface PlanTimes {
  id: number;
  recurrence: Recurrence;
  startDate: string;
  catchupDays: number;
  paused: boolean;
  pauseNote?: string | null;
}

export const planScheduleId = (planId: number) => `inspection-plan-${planId}`;

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

/** Midnight of a desk-local day, as an instant (the schedule's start, a backfill's bounds). */
export function localMidnight(ymd: string, timeZone: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that day: the wall clock of `guess` there, minus `guess`.
  const wall = new Date(new Date(guess).toLocaleString('en-US', { timeZone, hourCycle: 'h23' }) + ' UTC').getTime();
  return new Date(guess - (wall - guess));
}

function scheduleParts(plan: PlanTimes, timeZone: string, taskQueue: string) {
  const { dayOfMonth, hour, minute, everyMonths } = plan.recurrence;
  const spec: ScheduleSpec = {
    calendars: [{ dayOfMonth, hour, minute, month: planMonths(plan.startDate, everyMonths).map((m) => MONTHS[m - 1]) }],
    timezone: timeZone,
    startAt: localMidnight(plan.startDate, timeZone),
  };
  const action: ScheduleOptionsStartWorkflowAction<typeof inspectionDueWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'inspectionDueWorkflow',
    workflowId: planScheduleId(plan.id),
    taskQueue,
    args: [plan.id, 'schedule'],
  };
  // Allow all: this month's inspection must not wait for last month's signature; duplicates are
  // refused by the occurrence's own ID, not by the schedule.
  const policies = { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: `${plan.catchupDays} days` as const };
  return { spec, action, policies };
}

/** The Temporal side of inspection plans: one schedule per plan, kept in step with its row. */
export function planSchedules(temporal: Client, timeZone: string, taskQueue: string) {
  const handle = (planId: number) => temporal.schedule.getHandle(planScheduleId(planId));
  return {
    async create(plan: PlanTimes): Promise<void> {
      const parts = scheduleParts(plan, timeZone, taskQueue);
      await temporal.schedule.create({ scheduleId: planScheduleId(plan.id), ...parts, state: { paused: plan.paused, note: plan.pauseNote ?? undefined } });
    },

    /** After an edit: the new recurrence, start and catch-up window; occurrences already made stay. */
    async update(plan: PlanTimes): Promise<void> {
      const parts = scheduleParts(plan, timeZone, taskQueue);
      await handle(plan.id).update((prev) => ({ ...prev, ...parts, policies: { ...prev.policies, ...parts.policies } }));
    },

    pause: (planId: number, note: string) => handle(planId).pause(note),
    resume: (planId: number, note: string) => handle(planId).unpause(note),

    /** Deleting a plan's schedule twice is not an error: the plan is gone either way. */
    async delete(planId: number): Promise<void> {
      await handle(planId)
        .delete()
        .catch((e) => {
          if (!(e instanceof ScheduleNotFoundError)) throw e;
        });
    },

    /**
     * Makes up the plan's firings between two months (a plan that started mid-year, an outage longer
     * than its catch-up window): each month's occurrence is made once, however often this is run.
     */
    async backfill(planId: number, from: Period, to: Period): Promise<void> {
      const start = localMidnight(`${from}-01`, timeZone);
      const [y, m] = to.split('-').map(Number);
      const end = localMidnight(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10), timeZone);
      await handle(planId).backfill({ start, end, overlap: ScheduleOverlapPolicy.ALLOW_ALL });
    },

    /** The next firings and whether it is paused, as Temporal has them. */
    async describe(planId: number): Promise<{ nextRuns: string[]; paused: boolean; note: string | null } | null> {
      try {
        const d = await handle(planId).describe();
        return { nextRuns: d.info.nextActionTimes.slice(0, 6).map((t) => t.toISOString()), paused: d.state.paused, note: d.state.note ?? null };
      } catch (e) {
        if (e instanceof ScheduleNotFoundError) return null;
        throw e;
      }
    },
  };
}
export type PlanSchedules = ReturnType<typeof planSchedules>;
