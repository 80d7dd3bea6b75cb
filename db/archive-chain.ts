import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson } from '../domain/sha256';
import { ArchiveRecord, type ArchivedAttachment, type IArchiveRecord } from './entities';
import { storeOf } from './files/file-store';
import { sql } from './sql';
import { english, said, type Said } from '../domain/messages';

export const GENESIS_HASH = '0'.repeat(64);

type Content = Pick<IArchiveRecord, 'seq' | 'ticketId' | 'archivedAt' | 'outcome' | 'ticket' | 'repairForm' | 'signature' | 'history'> & Partial<Pick<IArchiveRecord, 'attachments'>>;

/** The ticket's attachments as its archive record lists (and hashes) them, oldest first. */
export function archivedAttachments(em: EntityManager, ticketNo: string): Promise<ArchivedAttachment[]> {
  return sql<ArchivedAttachment>(
    em,
    `select id, attached_to as "attachedTo", ref, filename, content_type as "contentType", size, sha256, storage, file_id as "fileId", visible_to_hospital as "visibleToHospital"
       from attachments where ticket_id = ? order by id`,
    [ticketNo],
  );
}

/**
 * hash = sha256(prevHash + canonical JSON of everything the record holds). The attachments' list
 * (with each file's sha256) counts when there is one: a record without attachments hashes as before attachments existed.
 */
export function archiveHash(prevHash: string, r: Content): string {
  const content = canonicalJson({
    seq: r.seq,
    ticketId: r.ticketId,
    archivedAt: r.archivedAt.toISOString(),
    outcome: r.outcome,
    ticket: r.ticket,
    repairForm: r.repairForm ?? null,
    signature: r.signature ?? null,
    history: r.history,
    ...(r.attachments?.length ? { attachments: r.attachments } : {}),
  });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/**
 * The archive key (DESK_ARCHIVE_KEY, at least 32 characters): every record carries a checkpoint,
 * HMAC-SHA256 of its seq and hash under this key, written by the worker when it archives. The
 * database never sees the key, so whoever rewrites the chain there and recomputes every hash
 * (a superuser can) cannot sign the new hashes. Demo runs (DESK_DEMO=1) use a fixed, public key.
 */
export const DEMO_ARCHIVE_KEY = 'hospital-desk-demo-archive-key-not-secret';

export function archiveKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const key = env.DESK_ARCHIVE_KEY;
  if (key) {
    if (key.length < 32) throw new Error('DESK_ARCHIVE_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');
    return Buffer.from(key, 'utf8');
  }
  if (env.DESK_DEMO === '1') return Buffer.from(DEMO_ARCHIVE_KEY, 'utf8');
  throw new Error('DESK_ARCHIVE_KEY must be set (the key that signs archive checkpoints; `openssl rand -hex 32`), or DESK_DEMO=1 for a demo');
}

/** The checkpoint of record `seq` whose hash is `hash`: hex HMAC-SHA256. */
export function checkpointMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`desk-archive-checkpoint:v1:${seq}:${hash}`).digest('hex');
}

function macMatches(key: Buffer, seq: number, hash: string, mac: string): boolean {
  const want = Buffer.from(checkpointMac(key, seq, hash), 'hex');
  const got = Buffer.from(mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * The `archived` events that vouch for records: a ticket's in ticket_events, a signed inspection
 * report's in inspection_events (its record's ticket_id is the occurrence's workflow ID). Both logs are append-only.
 */
const ARCHIVED_ANCHORS = `select ticket_id, (data ->> 'archiveSeq')::int as seq, data ->> 'hash' as hash from ticket_events where type = 'archived'
  union all
  select i.workflow_id as ticket_id, (e.data ->> 'archiveSeq')::int as seq, e.data ->> 'hash' as hash from inspection_events e join inspections i on i.id = e.inspection_id where e.type = 'archived'`;

/** A finding: its code (domain/messages.ts, for the console) and the English (`problem`). */
export interface ChainProblem extends Said {
  seq: number;
  ticketId: string;
  problem: string;
}

const finding = (seq: number, ticketId: string, what: Said): ChainProblem => ({ seq, ticketId, ...what, problem: english(what) });

/** The listed attachments whose stored bytes are gone or no longer have the sha256 the record hashed. */
async function changedAttachments(em: EntityManager, listed: ArchivedAttachment[]): Promise<ArchivedAttachment[]> {
  const changed: ArchivedAttachment[] = [];
  for (const a of listed) {
    // A store that cannot be read (its directory unset or gone) is a finding, not a failed check.
    const bytes = await Promise.resolve()
      .then(() => storeOf(a.storage, em.fork()).get(a.fileId))
      .catch(() => null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) changed.push(a);
  }
  return changed;
}

/**
 * Re-reads the whole archive, recomputes every link and checks every record's checkpoint (its
 * HMAC under the archive key). Any edited field, removed record or
 * reordering shows up as a problem at the first record it breaks, and so does an attachment whose
 * stored bytes no longer match the sha256 its record lists. Then each ticket's (or inspection's) `archived`
 * event (the event log is append-only too, and written with the record) anchors its record:
 * newest records removed, or a chain rewritten with fresh hashes, no longer match their anchors.
 */
export async function verifyArchiveChain(em: EntityManager, batch = 200, key: Buffer = archiveKey()): Promise<{ records: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  const byTicket = new Map<string, { seq: number; hash: string }>();
  for (;;) {
    const rows = await em.fork().find(ArchiveRecord, { seq: { $gte: expectedSeq } }, { orderBy: { seq: 'asc' }, limit: batch });
    if (!rows.length) break;
    for (const r of rows) {
      records++;
      if (r.seq !== expectedSeq) problems.push(finding(r.seq, r.ticketId, said('archive.records_missing', { expected: expectedSeq })));
      if (r.prevHash !== prev) problems.push(finding(r.seq, r.ticketId, said('archive.broken_link')));
      if (archiveHash(r.prevHash, r) !== r.hash) problems.push(finding(r.seq, r.ticketId, said('archive.content_changed')));
      // The checkpoint: a chain rewritten with fresh hashes, links and all, fails here.
      if (!r.mac) problems.push(finding(r.seq, r.ticketId, said('archive.checkpoint_missing')));
      else if (!macMatches(key, r.seq, r.hash, r.mac)) problems.push(finding(r.seq, r.ticketId, said('archive.checkpoint_invalid')));
      for (const a of await changedAttachments(em, r.attachments ?? [])) problems.push(finding(r.seq, r.ticketId, said('archive.attachment_changed', { filename: a.filename })));
      prev = r.hash;
      expectedSeq = r.seq + 1;
      byTicket.set(r.ticketId, { seq: r.seq, hash: r.hash });
    }
  }
  const anchors = await em
    .fork()
    .getConnection()
    .execute<{ ticket_id: string; seq: number; hash: string }[]>(
      `${ARCHIVED_ANCHORS} order by seq`,
    );
  for (const anchor of anchors) {
    const r = byTicket.get(anchor.ticket_id);
    if (!r) problems.push(finding(anchor.seq, anchor.ticket_id, said('archive.record_missing')));
    else if (r.seq !== anchor.seq || r.hash !== anchor.hash) {
      problems.push(finding(r.seq, anchor.ticket_id, said('archive.hash_changed')));
    }
  }
  return { records, problems };
}

/**
 * One record checked where it stands: its content against its hash, its checkpoint, its link to
 * the record before it, and its ticket's `archived` event. What a printed verification code asks,
 * without reading the whole chain (verifyArchiveChain does that).
 */
export async function verifyArchiveRecord(em: EntityManager, r: IArchiveRecord, key: Buffer = archiveKey()): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  if (archiveHash(r.prevHash, r) !== r.hash) problems.push(finding(r.seq, r.ticketId, said('archive.content_changed')));
  if (!r.mac) problems.push(finding(r.seq, r.ticketId, said('archive.checkpoint_missing')));
  else if (!macMatches(key, r.seq, r.hash, r.mac)) problems.push(finding(r.seq, r.ticketId, said('archive.checkpoint_invalid')));
  const [before] = r.seq === 1 ? [{ hash: GENESIS_HASH }] : await em.fork().find(ArchiveRecord, { seq: r.seq - 1 }, { fields: ['hash'] });
  if (!before) problems.push(finding(r.seq, r.ticketId, said('archive.records_missing', { expected: r.seq - 1 })));
  else if (before.hash !== r.prevHash) problems.push(finding(r.seq, r.ticketId, said('archive.broken_link')));
  const [anchor] = await em
    .fork()
    .getConnection()
    .execute<{ seq: number; hash: string }[]>(`select seq, hash from (${ARCHIVED_ANCHORS}) a where ticket_id = ?`, [r.ticketId]);
  if (anchor && (anchor.seq !== r.seq || anchor.hash !== r.hash)) problems.push(finding(r.seq, r.ticketId, said('archive.hash_changed')));
  return problems;
}
