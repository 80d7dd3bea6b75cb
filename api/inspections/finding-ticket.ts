import { z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { IInspection } from '../../db/entities';
import { loadSlaTargets } from '../../db/sla-targets';
import type { FaultLevel } from '../../domain/catalogue';
import { sql } from '../../db/sql';
import { faultFinding } from '../../domain/inspection/steps';
import { itemsOf } from '../../domain/inspection/templates';
import { LIMITS } from '../../domain/limits';
import { said } from '../../domain/messages';
import type { TicketIntake } from '../../domain/ticket';
import type { AppDeps, SessionUser } from '../env';
import { ApiError, unprocessable } from '../errors';
import { nextTicketNo } from '../tickets/ticket-no';
import type { TicketGateway } from '../workflow/ticket-gateway';
import { templateOf } from './inspection-detail';

export const findingParams = z.object({
  id: z.coerce.number({ error: 'inspection.not_found' }).int({ error: 'inspection.not_found' }).positive({ error: 'inspection.not_found' }).max(Number.MAX_SAFE_INTEGER, { error: 'inspection.not_found' }).openapi({ param: { description: 'Inspection id' }, example: 1 }),
  itemKey: z.string().min(1).max(64).openapi({ param: { description: 'The template item marked fault' }, example: 'backup_jobs' }),
});

/** A finding found on an inspection is a level-3 request until triage says otherwise (docs/decisions.md). */
const FINDING_LEVEL: FaultLevel = 3;

/**
 * The ticket a fault finding raises, once per inspection and item: the link row is written first
 * with the ticket number and intake it reserves, so a second call (or a retry after a crash)
 * starts, or finds, that same ticket. Raised through the ticket gateway like POST /api/tickets.
 */
export async function findingTicket(deps: AppDeps, tickets: TicketGateway, em: EntityManager, i: IInspection, itemKey: string, user: SessionUser) {
  const template = await templateOf(em, i);
  if (!itemsOf(template).some((it) => it.key === itemKey)) throw unprocessable({ itemKey: said('inspection.unknown_item', { key: itemKey }) });
  const item = faultFinding(template, i.checklist ?? {}, itemKey);
  if (!item) throw new ApiError(409, said('inspection.finding_not_fault'));
  const [prior] = await sql<{ intake: TicketIntake }>(em, 'select intake from inspection_tickets where inspection_id = ? and item_key = ?', [i.id, itemKey]);
  let intake = prior?.intake;
  let created = false;
  if (!intake) {
    const receivedAt = new Date();
    const [plan] = await sql<{ system_codes: string[] }>(em, 'select system_codes from inspection_plans where id = ?', [i.plan.id]);
    const finding = i.checklist[itemKey]?.finding?.trim();
    const mine: TicketIntake = {
      ticketNo: await nextTicketNo(em, receivedAt, deps.timeZone),
      hospitalId: i.hospital.id,
      departmentId: null,
      systemCode: (i.systemCodes ?? plan.system_codes)[0],
      channel: 'onsite',
      faultLevel: FINDING_LEVEL,
      title: `巡检发现：${item.label}`.slice(0, LIMITS.title),
      description: `${i.period} ${template.title}，检查项“${item.label}”标记为故障。${finding ? `\n发现的问题：${finding}` : ''}`.slice(0, LIMITS.text),
      reporterName: user.displayName,
      reporterPhone: null,
      receivedAt: receivedAt.toISOString(),
      createdBy: { userId: user.id, role: user.role, displayName: user.displayName },
    };
    const inserted = await sql<{ intake: TicketIntake }>(
      em,
      `insert into inspection_tickets (inspection_id, item_key, ticket_id, intake, created_by_id, created_at) values (?, ?, ?, ?::jsonb, ?, now())
       on conflict (inspection_id, item_key) do nothing returning intake`,
      [i.id, itemKey, mine.ticketNo, JSON.stringify(mine), user.id],
    );
    created = inserted.length > 0;
    // A concurrent call reserved first: its ticket is the one.
    intake = created ? mine : (await sql<{ intake: TicketIntake }>(em, 'select intake from inspection_tickets where inspection_id = ? and item_key = ?', [i.id, itemKey]))[0].intake;
  }
  try {
    await tickets.start(intake, { slaTargets: await loadSlaTargets(em, i.hospital.id) }, 'USE_EXISTING');
  } catch (e) {
    // Its workflow has run and closed already: the ticket exists.
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
  }
  return { link: { itemKey, ticketId: intake.ticketNo }, created };
}
