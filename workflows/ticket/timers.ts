import { condition } from '@temporalio/workflow';
import type { TicketMachine } from './machine';
import type { TimerEvent } from './next-timer';

function keyOf(e: TimerEvent | null): string {
  if (!e) return 'none';
  return e.kind === 'reminder' ? `${e.at}:reminder:${e.taskId}` : `${e.at}:${e.kind}:${e.clock}:${e.kind === 'warning' ? e.fraction : ''}`;
}

/**
 * The SLA clock of one ticket: sleeps until its next warning, breach or reminder and fires it.
 * Only a change of that next moment re-plans; a step that leaves it be leaves the timer running.
 */
export async function runTimers(m: TicketMachine, fire: (e: TimerEvent) => Promise<void>): Promise<void> {
  while (!m.final) {
    const next = m.nextTimer();
    const planned = keyOf(next);
    const wait = next ? next.at - Date.now() : Infinity;
    if (wait > 0) {
      // Once the ticket is final the loop is left pending: cancelling its timer would cost the closing step a command.
      const moved = () => !m.final && keyOf(m.nextTimer()) !== planned;
      if (!Number.isFinite(wait)) {
        await condition(moved);
        continue;
      }
      if (await condition(moved, wait)) continue;
      // A timer that outlived the ticket (it fired while the archive was written) has nothing to say.
      if (m.final) return;
    }
    await fire(next!);
  }
}
