import { MAX_REMINDERS, nextSlaEvent, type SlaEvent, type SlaTarget } from '../../domain/sla';
import type { TicketState } from '../../domain/ticket';

/** A reminder of a task nobody picked up, or of a signature the hospital has not given. */
export type TimerEvent = SlaEvent | { at: number; kind: 'reminder'; taskId: string };

/** The next moment a timer must fire: an SLA warning or breach, or a reminder; none while paused. */
export function nextTimer(s: TicketState, target: SlaTarget): TimerEvent | null {
  if (s.sla.pausedSince !== null) return null;
  let next: TimerEvent | null = nextSlaEvent(s.sla);
  for (const task of s.tasks) {
    if (task.reminders >= MAX_REMINDERS) continue;
    const every = task.kind === 'signature' ? target.signatureReminderSeconds : task.assigneeId === null ? target.unclaimedReminderSeconds : null;
    if (every === null) continue;
    const at = task.createdAt + every * 1000 * (task.reminders + 1);
    if (!next || at < next.at) next = { at, kind: 'reminder', taskId: task.id };
  }
  return next;
}
