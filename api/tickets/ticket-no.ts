import type { EntityManager } from '@mikro-orm/postgresql';
import { formatTicketNo } from '../../domain/ticket';

/** Next ticket number from the database sequence (never reused, even after a crash). */
export async function nextTicketNo(em: EntityManager, receivedAt: Date, timeZone: string): Promise<string> {
  const [{ serial }] = await em.getConnection().execute<{ serial: string }[]>(`select nextval('ticket_no_seq') as serial`);
  return formatTicketNo(receivedAt, Number(serial), timeZone);
}
