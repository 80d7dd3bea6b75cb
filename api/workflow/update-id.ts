import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { sql } from '../../db/sql';
import { said } from '../../domain/messages';
import { canonicalJson } from '../../domain/sha256';
import type { AppEnv } from '../env';
import { unprocessable } from '../errors';
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

/** sha256 of what a request asks for: the same key may only ever stand for this. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, body: body ?? null })).digest('hex');
}

/**
 * The client's Idempotency-Key, bound on its first use to this user's request (operation, target
 * and body): the key sent again with the same request is a retry; with anything else it is refused
 * (422 on the header), never a second action that looks like a replay.
 */
export async function boundClientKey(c: Context<AppEnv>, op: string, target: string, body: unknown): Promise<string | undefined> {
  const key = clientKey(c);
  if (key === undefined) return undefined;
  const operation = `${op}:${target}`;
  const hash = requestHash(operation, body);
  const em = c.get('em');
  const userId = c.get('user').id;
  await sql(em, `insert into idempotency_keys (user_id, key, operation, request_hash, created_at) values (?, ?, ?, ?, now()) on conflict do nothing`, [userId, key, operation, hash]);
  const [bound] = await sql<{ request_hash: string }>(em, `select request_hash from idempotency_keys where user_id = ? and key = ?`, [userId, key]);
  if (bound?.request_hash !== hash) throw unprocessable({ 'Idempotency-Key': said('request.idempotency_reused') });
  return key;
}

/** The header as routes declare it; a key outside 1–200 characters is 400 (clientKey's check, said the same way). */
export const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .trim()
    .min(1, 'request.idempotency_key')
    .max(200, 'request.idempotency_key')
    .optional()
    .openapi({ param: { description: 'Retries with the same key (same user, same body) are applied once' }, example: 'form-7f3c2a' }),
});
