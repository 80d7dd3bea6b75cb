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
  /** Remind the candidates when a task sits unclaimed this long (repeats, at most MAX_REMINDERS). */
  unclaimedReminderSeconds: number;
  /** Remind the hospital when the signature has been pending this long. */
  signatureReminderSeconds: number;
}

const MIN = 60;
const HOUR = 60 * MIN;

/** The seed's table: all levels 7x24, calendar time. Reminder intervals are ours. */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = [
  { level: 1, replySeconds: 30 * MIN, firstSolutionSeconds: 1 * HOUR, warnAt: [0.75], unclaimedReminderSeconds: 5 * MIN, signatureReminderSeconds: 4 * HOUR },
  { level: 2, replySeconds: 1 * HOUR, firstSolutionSeconds: null, warnAt: [0.75], unclaimedReminderSeconds: 10 * MIN, signatureReminderSeconds: 8 * HOUR },
  { level: 3, replySeconds: 3 * HOUR, firstSolutionSeconds: null, warnAt: [0.75], unclaimedReminderSeconds: 30 * MIN, signatureReminderSeconds: 24 * HOUR },
  { level: 4, replySeconds: 24 * HOUR, firstSolutionSeconds: null, warnAt: [0.75], unclaimedReminderSeconds: 2 * HOUR, signatureReminderSeconds: 48 * HOUR },
];

export const MAX_REMINDERS = 3;

export const CLOCKS = ['reply', 'firstSolution'] as const;
export type ClockName = (typeof CLOCKS)[number];

/**
 * One response commitment being measured. Times are epoch milliseconds so the state serialises
 * plainly and compares cheaply.
 */
export interface SlaClock {
  name: ClockName;
  windowSeconds: number;
  warnAt: number[];
  /** Warning fractions already announced (so a replay or a level change does not repeat them). */
  warned: number[];
  satisfiedAt: number | null;
  breachedAt: number | null;
}

export interface SlaState {
  receivedAt: number;
  level: FaultLevel | null;
  clocks: SlaClock[];
  /** Time spent paused so far (waiting on the hospital): pushes every deadline back. */
  pausedMs: number;
  pausedSince: number | null;
}

export function targetFor(targets: readonly SlaTarget[], level: FaultLevel): SlaTarget {
  const t = targets.find((x) => x.level === level);
  if (!t) throw new Error(`No SLA target for level ${level}`);
  return t;
}

/** Deadline of a clock: receipt + window + paused time. Calendar time, because service is 7x24. */
export function dueAt(sla: SlaState, clock: SlaClock): number {
  return sla.receivedAt + clock.windowSeconds * 1000 + sla.pausedMs;
}

export function dueAtOf(sla: SlaState, name: ClockName): number | null {
  const c = sla.clocks.find((x) => x.name === name);
  return c ? dueAt(sla, c) : null;
}

/**
 * Clocks for a level. Called at triage and on every level change: deadlines are always measured
 * from receipt, keeping pause time. What already happened stays true: a satisfied clock stays
 * satisfied, warnings whose moment has passed are not repeated, and a breach stands only if the
 * new deadline has passed too.
 */
export function clocksForLevel(sla: SlaState, target: SlaTarget, now: number): SlaClock[] {
  const windows: [ClockName, number | null][] = [
    ['reply', target.replySeconds],
    ['firstSolution', target.firstSolutionSeconds],
  ];
  const out: SlaClock[] = [];
  for (const [name, windowSeconds] of windows) {
    if (windowSeconds === null) continue;
    const prev = sla.clocks.find((c) => c.name === name);
    const clock: SlaClock = { name, windowSeconds, warnAt: [...target.warnAt], warned: [], satisfiedAt: prev?.satisfiedAt ?? null, breachedAt: null };
    const due = dueAt(sla, clock);
    clock.warned = clock.warnAt.filter((f) => warnTime(sla, clock, f) <= now && (prev?.warned.includes(f) ?? false));
    if (prev?.breachedAt != null && due <= now) clock.breachedAt = prev.breachedAt;
    out.push(clock);
  }
  return out;
}

function warnTime(sla: SlaState, clock: SlaClock, fraction: number): number {
  return sla.receivedAt + fraction * clock.windowSeconds * 1000 + sla.pausedMs;
}

export type SlaEvent = { at: number; clock: ClockName; kind: 'warning'; fraction: number } | { at: number; clock: ClockName; kind: 'breach' };

/** The next SLA moment to act on, or null when nothing is pending (all satisfied, or paused). */
export function nextSlaEvent(sla: SlaState): SlaEvent | null {
  if (sla.pausedSince !== null) return null;
  let next: SlaEvent | null = null;
  for (const clock of sla.clocks) {
    if (clock.satisfiedAt !== null || clock.breachedAt !== null) continue;
    for (const fraction of clock.warnAt) {
      if (clock.warned.includes(fraction)) continue;
      const at = warnTime(sla, clock, fraction);
      if (!next || at < next.at) next = { at, clock: clock.name, kind: 'warning', fraction };
    }
    const at = dueAt(sla, clock);
    if (!next || at < next.at) next = { at, clock: clock.name, kind: 'breach' };
  }
  return next;
}

export function pause(sla: SlaState, now: number): void {
  if (sla.pausedSince === null) sla.pausedSince = now;
}

export function resume(sla: SlaState, now: number): void {
  if (sla.pausedSince === null) return;
  sla.pausedMs += now - sla.pausedSince;
  sla.pausedSince = null;
}

export function satisfy(sla: SlaState, name: ClockName, now: number): boolean {
  const c = sla.clocks.find((x) => x.name === name);
  if (!c || c.satisfiedAt !== null) return false;
  c.satisfiedAt = now;
  return true;
}

/** Whether a commitment was met: satisfied no later than its (pause-adjusted) deadline. */
export function met(sla: SlaState, clock: SlaClock): boolean | null {
  if (clock.satisfiedAt === null) return clock.breachedAt !== null ? false : null;
  return clock.satisfiedAt <= dueAt(sla, clock);
}

/** Deadline of a window that opened at `receivedAt`. */
export function deadline(receivedAt: Date, seconds: number, pausedSeconds = 0): Date {
  return new Date(receivedAt.getTime() + (seconds + pausedSeconds) * 1000);
}
