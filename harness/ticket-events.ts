import { TicketEvent, type ITicketEvent } from '../db/entities';
import type { Orm } from '../db/orm';

export async function eventTypes(orm: Orm, ticketNo: string): Promise<string[]> {
  const rows = await orm.em.fork().find(TicketEvent, { ticket: ticketNo }, { orderBy: { id: 'asc' } });
  return rows.map((r) => r.type);
}

/** Polls the event log until an event of `type` appears (timers fire on the server's own clock). */
export async function waitForEvent(orm: Orm, ticketNo: string, type: string, timeoutMs = 20_000): Promise<ITicketEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await orm.em.fork().findOne(TicketEvent, { ticket: ticketNo, type }, { orderBy: { id: 'asc' } });
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no ${type} event for ${ticketNo} within ${timeoutMs} ms; saw ${(await eventTypes(orm, ticketNo)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
