import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AttachedTo } from '../../domain/attachments';

/** An attachment as the archive keeps it: what it is and its bytes' sha256 (db/archive-chain.ts checks them). */
export interface ArchivedAttachment {
  id: number;
  attachedTo: AttachedTo;
  ref: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storage: string;
  fileId: string;
  visibleToHospital: boolean;
}

/**
 * 系统档案库: one immutable record per finished ticket, hash-chained to the one before it so any
 * later edit, deletion or reordering is detectable. The database refuses updates and deletes.
 */
export const ArchiveRecord = defineEntity({
  name: 'ArchiveRecord',
  tableName: 'archive_records',
  properties: (p) => ({
    /** Position in the chain, 1-based, gap-free. */
    seq: p.integer().primary().autoincrement(false),
    ticketId: p.string().length(32).unique(),
    archivedAt: p.datetime(),
    outcome: p.string().length(32),
    ticket: p.json<Record<string, unknown>>(),
    repairForm: p.json<Record<string, unknown>>().nullable(),
    signature: p.json<Record<string, unknown>>().nullable(),
    history: p.json<unknown>(),
    /** The ticket's attachments when it archived; null in records written before attachments existed. */
    attachments: p.json<ArchivedAttachment[]>().nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
    /** Checkpoint: HMAC-SHA256 of seq and hash under DESK_ARCHIVE_KEY (db/archive-chain.ts). */
    mac: p.string().length(64).nullable(),
  }),
});
export type IArchiveRecord = InferEntity<typeof ArchiveRecord>;
