import { Context } from '@temporalio/activity';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { applyProjections } from '../db/projector';
import { sql } from '../db/sql';
import type { Projection, ProjectionBatch } from '../domain/projection';
import { archiveHash, archivedAttachments, archiveKey, checkpointMac, GENESIS_HASH } from '../db/archive-chain';
import { ticketWorkflowId } from '../domain/ticket';
import type { ActivityDeps } from './deps';
import { refusedWrite } from './refused-write';

export interface ArchiveInput {
  ticketNo: string;
  outcome: 'resolved' | 'cancelled';
  ticket: Record<string, unknown>;
  repairForm: Record<string, unknown> | null;
  signature: Record<string, unknown> | null;
  /** Events the workflow's callers may not have written: written first, idempotently. */
  pending: ProjectionBatch;
  /**
   * The ticket's `archived` event, written in the record's own transaction with the record's
   * number, hash and time filled in: the record and the event that vouches for it land together.
   */
  archived: Projection;
}

type Link = { seq: number; hash: string };

// Any fixed number: serialises every archive insert so the chain never forks.
export const ARCHIVE_LOCK = 7_240_001;

export function createArchiveActivities({ orm, temporal }: ActivityDeps) {
  // Read once, at worker start: a worker without its key fails then, not at a ticket's last step.
  const key = archiveKey();
  return {
    /**
     * Writes the ticket's immutable archive record with its workflow history as of now, chained
     * to the previous record. A retry finds the record already there and returns it.
     */
    async archiveTicket(input: ArchiveInput): Promise<{ seq: number; hash: string }> {
      // Heartbeats let Temporal notice a dead worker within the heartbeat timeout, not the 2-minute
      // start-to-close (worker kill drill): the archive is the last step of every ticket.
      const beat = setInterval(() => Context.current().heartbeat(), 2_000);
      try {
        return await archive(input);
      } finally {
        clearInterval(beat);
      }
    },
  };

  async function archive(input: ArchiveInput): Promise<{ seq: number; hash: string }> {
    await applyProjections(orm.em.fork(), input.pending).catch(async (e) => {
      throw await refusedWrite(orm.em.fork(), input.ticketNo, e);
    });
    const [existing] = await sql<Link>(orm.em.fork(), 'select seq, hash from archive_records where ticket_id = ?', [input.ticketNo]);
    if (existing) return existing;
    const history = JSON.parse(historyToJSON(await temporal.workflow.getHandle(ticketWorkflowId(input.ticketNo)).fetchHistory()));
    // Plain SQL with parameters: the record is the ticket's whole history, tens of KiB of JSON.
    return orm.em.fork().transactional(async (tx) => {
      await sql(tx, 'select pg_advisory_xact_lock(?)', [ARCHIVE_LOCK]);
      const [links] = await sql<{ mine: Link | null; last: Link | null }>(
        tx,
        `select (select json_build_object('seq', seq, 'hash', hash) from archive_records where ticket_id = ?) as mine,
                (select json_build_object('seq', seq, 'hash', hash) from archive_records order by seq desc limit 1) as last`,
        [input.ticketNo],
      );
      if (links.mine) return links.mine;
      const prevHash = links.last?.hash ?? GENESIS_HASH;
      // Under the lock uploads wait on (their trigger), so no attachment lands after this list.
      const attachments = await archivedAttachments(tx, input.ticketNo);
      const content = {
        seq: (links.last?.seq ?? 0) + 1,
        ticketId: input.ticketNo,
        archivedAt: new Date(),
        outcome: input.outcome,
        ticket: input.ticket,
        repairForm: input.repairForm,
        signature: input.signature,
        history,
        attachments,
      };
      const hash = archiveHash(prevHash, content);
      const mac = checkpointMac(key, content.seq, hash);
      const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      await sql(
        tx,
        `insert into archive_records (seq, ticket_id, archived_at, outcome, ticket, repair_form, signature, history, attachments, prev_hash, hash, mac)
         values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)`,
        [content.seq, content.ticketId, content.archivedAt, content.outcome, json(content.ticket), json(content.repairForm), json(content.signature), json(history), json(attachments), prevHash, hash, mac],
      );
      const event = { ...input.archived, at: content.archivedAt.getTime(), data: { archiveSeq: content.seq, hash } };
      await applyProjections(tx, { projections: [event] });
      return { seq: content.seq, hash };
    });
  }
}
