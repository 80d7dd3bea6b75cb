import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * A client's Idempotency-Key for creating a ticket: the same key from the same user always
 * means the same ticket, however often the request is retried.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  primaryKeys: ['user', 'key'],
  properties: (p) => ({
    user: p.manyToOne(User).ref().primary(),
    key: p.string().length(200).primary(),
    /** sha256 of the request body: the same key with a different body is a client bug, not a retry. */
    requestHash: p.string().length(64),
    ticketId: p.string().length(32),
    /** The intake as first sent to the workflow, so a retry after a crash starts exactly that ticket. */
    intake: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IIdempotencyKey = InferEntity<typeof IdempotencyKey>;
