import type { FaultLevel } from './catalogue';

/** Response commitment for one fault level (服务响应时间). Seconds, so tests can use short policies. */
export interface SlaTarget {
  level: FaultLevel;
  /** Reply with first diagnosis and plan within this long of receipt. */
  replySeconds: number;
  /** First solution within this long of receipt (only level 1 in the seed). */
  firstSolutionSeconds: number | null;
  /** Fractions of each window at which to warn before the breach, ascending, each in (0, 1). */
  warnAt: number[];
}

const MIN = 60;
const HOUR = 60 * MIN;

/** The seed's table: all levels 7x24, calendar time. */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = [
  { level: 1, replySeconds: 30 * MIN, firstSolutionSeconds: 1 * HOUR, warnAt: [0.75] },
  { level: 2, replySeconds: 1 * HOUR, firstSolutionSeconds: null, warnAt: [0.75] },
  { level: 3, replySeconds: 3 * HOUR, firstSolutionSeconds: null, warnAt: [0.75] },
  { level: 4, replySeconds: 24 * HOUR, firstSolutionSeconds: null, warnAt: [0.75] },
];

/** Deadline of a window that opened at `receivedAt`; calendar time because service is 7x24. */
export function deadline(receivedAt: Date, seconds: number, pausedSeconds = 0): Date {
  return new Date(receivedAt.getTime() + (seconds + pausedSeconds) * 1000);
}
