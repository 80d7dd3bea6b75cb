import type { InspectionStatus } from './occurrence';
import { addMonths, monthsBetween, type Period } from './period';
import type { Recurrence } from './plan.schemas';

/**
 * 巡检看板: where each plan stands in each month. A month a plan owes is never blank: it is done,
 * under way, late, or missing (the schedule should have fired and no occurrence exists, e.g. a
 * plan that started mid-year and was never backfilled, or an outage longer than its catch-up).
 */
export const BOARD_STATES = ['done', 'signature', 'in_progress', 'late', 'missing', 'failed', 'scheduled', 'paused', 'cancelled', 'none'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** The most pressing first: what a hospital's month shows when it has several plans. */
const PRESSING: readonly BoardState[] = ['failed', 'missing', 'late', 'signature', 'in_progress', 'paused', 'scheduled', 'done', 'cancelled', 'none'];
export const mostPressing = (states: readonly BoardState[]): BoardState =>
  states.reduce<BoardState>((worst, s) => (PRESSING.indexOf(s) < PRESSING.indexOf(worst) ? s : worst), 'none');

/** At most two years on one board: a year back and ahead is what a manager plans with. */
export const BOARD_MAX_MONTHS = 24;

export interface BoardPlan {
  recurrence: Recurrence;
  /** YYYY-MM-DD */
  startDate: string;
  paused: boolean;
}

export interface BoardOccurrence {
  status: InspectionStatus;
  /** YYYY-MM-DD */
  reportDueDate: string;
  /** Its run ended failed (PostgreSQL refused a write): no step can move it on. */
  failed?: boolean;
}

/** Whether the plan's calendar fires in `period` (its cycle counted from the start month, not before the start day). */
export function planFiresIn(plan: BoardPlan, period: Period): boolean {
  const start = plan.startDate.slice(0, 7) as Period;
  const months = monthsBetween(start, period);
  if (months < 0 || months % plan.recurrence.everyMonths !== 0) return false;
  return months > 0 || plan.recurrence.dayOfMonth >= Number(plan.startDate.slice(8, 10));
}

/** The firing of `period` on the desk's wall clock, "YYYY-MM-DDTHH:MM", comparable as text. */
export const firingAt = (plan: BoardPlan, period: Period): string =>
  `${period}-${String(plan.recurrence.dayOfMonth).padStart(2, '0')}T${String(plan.recurrence.hour).padStart(2, '0')}:${String(plan.recurrence.minute).padStart(2, '0')}`;

/**
 * One plan's month. `now` is the desk's wall clock ("YYYY-MM-DDTHH:MM"); a report is late the day
 * after its due date.
 */
export function cellState(plan: BoardPlan, period: Period, occurrence: BoardOccurrence | undefined, now: string): BoardState {
  const today = now.slice(0, 10);
  if (occurrence) {
    if (occurrence.status === 'archived') return 'done';
    if (occurrence.status === 'cancelled') return 'cancelled';
    if (occurrence.failed) return 'failed';
    if (occurrence.reportDueDate < today) return 'late';
    return occurrence.status === 'signature' ? 'signature' : 'in_progress';
  }
  if (!planFiresIn(plan, period)) return 'none';
  if (firingAt(plan, period) > now) return plan.paused ? 'paused' : 'scheduled';
  // A paused plan owes nothing while frozen; its earlier gaps are not told apart from the freeze.
  return plan.paused ? 'paused' : 'missing';
}

/** The months from `from` to `to`, both included. */
export function monthsFrom(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = from; monthsBetween(p, to) >= 0; p = addMonths(p, 1)) out.push(p);
  return out;
}

/**
 * The plan's next firing after `now` on the desk's wall clock ("YYYY-MM-DDTHH:MM"), as its
 * schedule's calendar has it; for a list, where asking Temporal once per row would cost a call each.
 */
export function nextFiring(plan: BoardPlan, now: string): string | null {
  const first = now.slice(0, 7) as Period;
  for (let i = 0; i <= 12; i++) {
    const period = addMonths(first, i);
    if (planFiresIn(plan, period) && firingAt(plan, period) > now) return firingAt(plan, period);
  }
  return null;
}
