import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ATTACHED_TO } from '../../domain/attachments';
import { Ticket } from './ticket.entity';
import { User } from './user.entity';

/**
 * A file attached to a ticket: to the request itself, a note (its event seq) or a repair form (its
 * task id). The bytes live in a file store (db/files/); the row says which store and their sha256.
 */
export const Attachment = defineEntity({
  name: 'Attachment',
  tableName: 'attachments',
  indexes: [{ properties: ['ticket', 'createdAt'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    ticket: p.manyToOne(Ticket).ref(),
    attachedTo: p.enum([...ATTACHED_TO]),
    /** The note's event seq or the repair form's task id; null for the request. */
    ref: p.string().length(48).nullable(),
    uploadedBy: p.manyToOne(User).ref(),
    /** The name as given, sanitised (domain/attachments.ts). */
    filename: p.string().length(200),
    /** Detected from the bytes, never taken from the client. */
    contentType: p.string().length(100),
    size: p.integer(),
    sha256: p.string().length(64),
    /** Which store holds the bytes (`pg` or `dir`) and its id for them. */
    storage: p.string().length(16),
    fileId: p.string().length(64),
    visibleToHospital: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IAttachment = InferEntity<typeof Attachment>;

/** The bytes of files kept in PostgreSQL (the default store, db/files/pg-store.ts). */
export const StoredFile = defineEntity({
  name: 'StoredFile',
  tableName: 'stored_files',
  properties: (p) => ({
    id: p.string().length(64).primary(),
    sha256: p.string().length(64),
    size: p.integer(),
    bytes: p.blob(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IStoredFile = InferEntity<typeof StoredFile>;
