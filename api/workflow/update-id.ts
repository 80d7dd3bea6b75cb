import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { said } from '../../domain/messages';
import { canonicalJson } from '../../domain/sha256';
import { queryError } from '../list-query';

/**
 * The ID of the Update a request sends, made by the server from the operation, its target, the
 * user, the body and the client's Idempotency-Key: the same request again is the same Update
 * (Temporal answers it from the history); another user, another body or another key is another
 * Update, so a key can neither be stolen nor reused to make a different step look done.
 */
export function updateIdOf(op: string, target: string, userId: number, body: unknown, clientKey: string | undefined): string {
  const digest = createHash('sha256').update(canonicalJson({ body: body ?? null, key: clientKey ?? null })).digest('hex').slice(0, 32);
  return `${target}:${op}:${userId}:${digest}`;
}

/** The client's Idempotency-Key, if it sent one: 1–200 characters. */
export function clientKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key')?.trim();
  if (key !== undefined && (key.length === 0 || key.length > 200)) throw queryError('Idempotency-Key', said('request.idempotency_key'));
  return key;
}
