import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { loadSlaTargets } from '../../db/sla-targets';
import type { Channel, FaultLevel } from '../../domain/catalogue';
import type { Role } from '../../domain/roles';
import type { SlaTarget } from '../../domain/sla';
import type { Actor, TicketIntake } from '../../domain/ticket';
import { rebuildTicketState, type Rebuilt, type RecordedEvent } from '../../workflows/ticket/rebuild';

export interface RecordedTicket extends Rebuilt {
  intake: TicketIntake;
  targets: SlaTarget[];
}

interface Row {
  id: string;
  hospital_id: number;
  department_id: number | null;
  system_code: string;
  channel: Channel;
  title: string;
  description: string;
  reporter_name: string;
  reporter_phone: string | null;
  received_at: Date | string;
  created_by_id: number;
  intake: TicketIntake | null;
}

interface EventRow {
  event_key: string;
  type: string;
  actor_id: number | null;
  actor_role: Role | null;
  actor_name: string | null;
  data: Record<string, unknown>;
  at: Date | string;
}

/**
 * A ticket as PostgreSQL recorded it, rebuilt into the workflow's state (workflows/ticket/rebuild.ts):
 * its request (as first sent, when an Idempotency-Key kept it; else from the row and the
 * `created` event), the hospital's terms, and every event in seq order. What a restart carries on
 * from, and what a page shows when the workflow cannot be asked.
 */
export async function recordedTicket(em: EntityManager, ticketNo: string): Promise<RecordedTicket | null> {
  const [row] = await sql<Row>(
    em,
    `select t.id, t.hospital_id, t.department_id, t.system_code, t.channel, t.title, t.description, t.reporter_name, t.reporter_phone,
            t.received_at, t.created_by_id, (select k.intake from idempotency_keys k where k.ticket_id = t.id limit 1) as intake
     from tickets t where t.id = ?`,
    [ticketNo],
  );
  if (!row) return null;
  const events = await sql<EventRow>(em, `select event_key, type, actor_id, actor_role, actor_name, data, at from ticket_events where ticket_id = ? order by id`, [ticketNo]);
  const created = events.find((e) => e.type === 'created');
  const createdBy: Actor = { userId: row.created_by_id, role: created?.actor_role ?? 'dispatcher', displayName: created?.actor_name ?? '' };
  const intake: TicketIntake = row.intake ?? {
    ticketNo: row.id,
    hospitalId: row.hospital_id,
    departmentId: row.department_id,
    systemCode: row.system_code,
    channel: row.channel,
    faultLevel: (created?.data.faultLevel as FaultLevel | null | undefined) ?? null,
    title: row.title,
    description: row.description,
    reporterName: row.reporter_name,
    reporterPhone: row.reporter_phone,
    receivedAt: new Date(row.received_at).toISOString(),
    createdBy,
  };
  const recorded: RecordedEvent[] = events.map((e) => ({
    seq: Number(e.event_key.slice(e.event_key.lastIndexOf(':') + 1)),
    type: e.type,
    actor: e.actor_id === null ? null : { userId: e.actor_id, role: e.actor_role!, displayName: e.actor_name ?? '' },
    data: e.data ?? {},
    at: new Date(e.at).getTime(),
  }));
  const targets = await loadSlaTargets(em, row.hospital_id);
  return { intake, targets, ...rebuildTicketState(intake, targets, recorded) };
}
