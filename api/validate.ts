import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { said, type MessageCode, type Said } from '../domain/messages';
import { badRequest, fieldErrors, notFound, unprocessable } from './errors';
import { queryError } from './list-query';

/** The request's JSON body checked against `schema`: 400 naming each bad field, or the parsed data. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) throw badRequest(said('request.fields'), fieldErrors(parsed.error));
  return parsed.data;
}

/** A numeric path id; anything else cannot name a row, so it is simply not found. */
export function intParam(c: Context, name: string, what: Extract<MessageCode, `${string}.not_found`>): number {
  const n = Number(c.req.param(name));
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound(what);
  return n;
}

/** ids in a react-admin getMany filter (`{"id":[1,2]}`), as numbers. */
export function idList(value: unknown, field = 'id'): number[] {
  const ids = (Array.isArray(value) ? value : [value]).map(Number);
  if (!ids.every(Number.isSafeInteger)) throw queryError(field, said('request.filter_numbers', { field }));
  return ids;
}

/** Runs a write; a unique-constraint clash becomes 422 on the field the user can change. */
export async function saveUnique<T>(fn: () => Promise<T>, field: string, message: Said): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw unprocessable({ [field]: message });
    throw e;
  }
}
