import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { isMessageCode, said, type MessageCode, type Said } from '../domain/messages';
import { ApiError, badRequest, fieldErrors, notFound, unprocessable } from './errors';
import { queryError } from './list-query';

type NotFoundCode = Extract<MessageCode, `${string}.not_found`>;

/** The request's JSON body checked against `schema`: 400 naming each bad field, or the parsed data. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) throw badRequest(said('request.fields'), fieldErrors(parsed.error));
  return parsed.data;
}

/**
 * What a route's schemas refuse (the OpenAPIHono hook): a bad body is 400 saying `top` and naming
 * each field; a bad query parameter or header is 400 saying what is wrong with it; a path id that
 * cannot name a row is 404, as if the row did not exist.
 */
export function refuseInvalid(top: Said) {
  return (result: { target: keyof ValidationTargets; success: boolean; error?: z.ZodError }, _c: Context): undefined => {
    if (result.success || !result.error) return undefined;
    if (result.target === 'param') {
      const code = result.error.issues[0]?.message;
      throw isMessageCode(code) && code.endsWith('.not_found') ? notFound(code as NotFoundCode) : new ApiError(404, said('request.no_endpoint'));
    }
    const errors = fieldErrors(result.error);
    if (result.target === 'json') throw badRequest(top, errors);
    throw badRequest(Object.values(errors)[0] ?? said('request.invalid'), errors);
  };
}

/** Unparseable JSON is an absent body, as parseBody read it: the schema then says what is missing (400, not a bare rejection). */
export const unparseableAsAbsent: MiddlewareHandler = async (c, next) => {
  if (/^application\/([\w.-]+\+)?json$/i.test((c.req.header('content-type') ?? '').split(';')[0].trim())) {
    const body = await c.req.json().catch((e: Error) => {
      if (e?.name === 'BodyLimitError') throw e;
      return undefined;
    });
    c.req.bodyCache.json = Promise.resolve(body);
  }
  await next();
};

/** A numeric path id; anything else cannot name a row, so it is simply not found (404 with `code`). */
export function idParams(code: NotFoundCode) {
  return z.object({
    id: z.coerce
      .number({ error: code })
      .int({ error: code })
      .positive({ error: code })
      .max(Number.MAX_SAFE_INTEGER, { error: code })
      .openapi({ param: { description: 'Row id (a positive integer; anything else is 404)' }, example: 1 }),
  });
}

/**
 * A path id that is text (ticket numbers, task ids): not found unless it names a row this user may
 * see. No id holds a control character, and PostgreSQL cannot even be asked about a NUL (it was a
 * 500, found by the fuzzer): such an id is not found before any query.
 */
export function textIdParams(code: NotFoundCode, description: string, example: string) {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  return z.object({ id: z.string().regex(/^[^\u0000-\u001f\u007f]*$/, code).openapi({ param: { description }, example }) });
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
