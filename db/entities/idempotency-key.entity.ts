import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * A client's Idempotency-Key, bound on first use to one request of that user: the same key always
 * means the same ticket or the same step, however often the request is retried.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  primaryKeys: ['user', 'key'],
  properties: (p) => ({
    user: p.manyToOne(User).ref().primary(),
    key: p.string().length(200).primary(),
    /** What the key was first used for: `tickets.create:`, `complete:<task>`, `addNote:<ticket>`, … */
    operation: p.string().length(200),
    /** sha256 of the operation and body: the same key with another request is a client bug, not a retry. */
    requestHash: p.string().length(64),
    /** A created ticket's number and intake as first sent, so a retry after a crash starts exactly that ticket. */
    ticketId: p.string().length(32).nullable(),
    intake: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IIdempotencyKey = InferEntity<typeof IdempotencyKey>;
