import { Context } from '@temporalio/activity';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { EntityManager } from '@mikro-orm/postgresql';
import { deskTimeZone } from '../config/time-zone';
import { archiveHash, archiveKey, checkpointMac, GENESIS_HASH } from '../db/archive-chain';
import { sql } from '../db/sql';
import type { PeriodTicket } from '../domain/inspection/fault-summary';
import { INSPECTION_OUTCOME, type OccurrenceWrite } from '../domain/inspection/record';
import type { StorageReading } from '../domain/inspection/storage-capacity';
import { ARCHIVE_LOCK } from './archive.activities';
import type { ActivityDeps } from './deps';
import { refusedInspectionWrite } from './refused-write';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The row, its events and its notifications, in the caller's transaction; the row only moves forward. */
async function writeOccurrence(tx: EntityManager, w: OccurrenceWrite): Promise<void> {
  for (const e of w.events) {
    await sql(
      tx,
      `insert into inspection_events (event_key, inspection_id, seq, type, actor_id, actor_role, actor_name, data, at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (event_key) do nothing`,
      [`${w.workflowId}:${e.seq}`, w.inspectionId, e.seq, e.type, e.actor?.userId ?? null, e.actor?.role ?? null, e.actor?.displayName ?? null, json(e.data), new Date(e.at)],
    );
  }
  const r = w.row;
  await sql(
    tx,
    `update inspections set status = ?, projection_seq = ?, visit_date = ?, system_codes = ?::jsonb, confirm_note = ?, checklist = ?::jsonb, summary = ?, advice = ?,
       fault_summary = ?::jsonb, storage = ?::jsonb, report = ?::jsonb, report_hash = ?, review = ?::jsonb, signature = ?::jsonb, return_note = ?::jsonb,
       cancel_note = ?, overdue_at = ?, updated_at = now()
     where id = ? and projection_seq < ?`,
    [
      r.status, r.seq, r.visitDate, json(r.systemCodes), r.confirmNote, json(r.checklist), r.summary, r.advice,
      json(r.faultSummary), json(r.storage), json(r.report), r.reportHash, json(r.review), json(r.signature), json(r.returnNote),
      r.cancelNote, r.overdueAt === null ? null : new Date(r.overdueAt), w.inspectionId, r.seq,
    ],
  );
  // A restart's first write: the run is whole again, so the row no longer says failed.
  if (w.clearsFailure) await sql(tx, 'update inspections set workflow_state = null, workflow_state_at = now() where id = ?', [w.inspectionId]);
  const seq = w.events.at(-1)?.seq ?? r.seq;
  for (const [n, notice] of w.notices.entries()) {
    await sql(
      tx,
      `insert into notifications (id, inspection_id, recipient_id, recipient_role, kind, params, created_at) values (?, ?, ?, ?, ?, ?::jsonb, now()) on conflict (id) do nothing`,
      [`${w.workflowId}:${seq}:${n}`, w.inspectionId, notice.recipientId ?? null, notice.recipientRole ?? null, notice.kind, json(notice.params)],
    );
  }
}

export function createInspectionRecordActivities({ orm, temporal, timeZone = deskTimeZone() }: ActivityDeps) {
  const key = archiveKey();
  return {
    /** What a step or timer of an inspection changed: its row, event and notifications, once whatever the retries. */
    async recordInspection(w: OccurrenceWrite): Promise<void> {
      try {
        await orm.em.fork().transactional((tx) => writeOccurrence(tx, w));
      } catch (e) {
        throw await refusedInspectionWrite(orm.em.fork(), w.inspectionId, e);
      }
    },

    /**
     * What the report compiles at submit: the hospital's requests received in the period (desk
     * time), and the storage readings of the plan's earlier inspections.
     */
    async compileInspectionReport(q: { inspectionId: number; hospitalId: number; planId: number; period: string }): Promise<{ tickets: PeriodTicket[]; storageHistory: StorageReading[] }> {
      const em = orm.em.fork();
      const first = `${q.period}-01 00:00`;
      const tickets = await sql<PeriodTicket>(
        em,
        `select id, title, system_code as "systemCode", category, fault_level as "faultLevel", status, department_id as "departmentId",
                reply_breached as "replyBreached", solution_breached as "solutionBreached"
           from tickets
          where hospital_id = ? and received_at >= (?::timestamp at time zone ?) and received_at < ((?::timestamp + interval '1 month') at time zone ?)
          order by received_at, id`,
        [q.hospitalId, first, timeZone, first, timeZone],
      );
      const storageHistory = await sql<StorageReading>(
        em,
        `select period, (checklist -> 'storage_total' ->> 'value')::float8 as "totalGb", (checklist -> 'storage_used' ->> 'value')::float8 as "usedGb"
           from inspections
          where plan_id = ? and id <> ? and period < ? and status = 'archived'
            and jsonb_typeof(checklist -> 'storage_total' -> 'value') = 'number' and jsonb_typeof(checklist -> 'storage_used' -> 'value') = 'number'`,
        [q.planId, q.inspectionId, q.period],
      );
      return { tickets, storageHistory };
    },

    /**
     * The signed report into the archive: one record in the tickets' hash chain (its `ticket_id`
     * the occurrence's workflow ID, outcome `inspection_signed`) with the report, the signature and
     * the workflow's history; in the same transaction the `signed` and `archived` events (the
     * latter anchors the record, as a ticket's does) and the row, now archived. A retry finds the record.
     */
    async archiveInspection(input: { write: OccurrenceWrite; signatureImage: string | null }): Promise<{ seq: number; hash: string; at: number }> {
      const beat = setInterval(() => Context.current().heartbeat(), 2_000);
      try {
        const w = input.write;
        const history = JSON.parse(historyToJSON(await temporal.workflow.getHandle(w.workflowId).fetchHistory()));
        return await orm.em.fork().transactional(async (tx) => {
          await sql(tx, 'select pg_advisory_xact_lock(?)', [ARCHIVE_LOCK]);
          const [mine] = await sql<{ seq: number; hash: string; archived_at: Date }>(tx, 'select seq, hash, archived_at from archive_records where ticket_id = ?', [w.workflowId]);
          if (mine) return { seq: mine.seq, hash: mine.hash, at: new Date(mine.archived_at).getTime() };
          const [last] = await sql<{ seq: number; hash: string }>(tx, 'select seq, hash from archive_records order by seq desc limit 1');
          const prevHash = last?.hash ?? GENESIS_HASH;
          const r = w.row;
          const content = {
            seq: (last?.seq ?? 0) + 1,
            ticketId: w.workflowId,
            archivedAt: new Date(),
            outcome: INSPECTION_OUTCOME,
            ticket: { inspectionId: w.inspectionId, report: r.report, reportHash: r.signature?.reportHash ?? null, review: r.review, visitDate: r.visitDate, confirmNote: r.confirmNote } as Record<string, unknown>,
            repairForm: null,
            signature: { ...r.signature, image: input.signatureImage } as Record<string, unknown>,
            history,
            attachments: [],
          };
          const hash = archiveHash(prevHash, content);
          const mac = checkpointMac(key, content.seq, hash);
          await sql(
            tx,
            `insert into archive_records (seq, ticket_id, archived_at, outcome, ticket, repair_form, signature, history, attachments, prev_hash, hash, mac)
             values (?, ?, ?, ?, ?::jsonb, null, ?::jsonb, ?::jsonb, '[]'::jsonb, ?, ?, ?)`,
            [content.seq, content.ticketId, content.archivedAt, content.outcome, json(content.ticket), json(content.signature), json(history), prevHash, hash, mac],
          );
          const at = content.archivedAt.getTime();
          const seq = r.seq + 1;
          await writeOccurrence(tx, {
            ...w,
            row: { ...r, status: 'archived', seq },
            events: [...w.events, { seq, type: 'archived', actor: null, at, data: { archiveSeq: content.seq, hash } }],
          });
          await sql(tx, 'update inspections set archive_seq = ? where id = ?', [content.seq, w.inspectionId]);
          return { seq: content.seq, hash, at };
        }).catch(async (e) => {
          throw await refusedInspectionWrite(orm.em.fork(), w.inspectionId, e);
        });
      } finally {
        clearInterval(beat);
      }
    },
  };
}
