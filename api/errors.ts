import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { unavailableService } from './unavailable';
import { english, isMessageCode, MESSAGES, said, type FieldMessages, type MessageCode, type ParamValue, type Said } from '../domain/messages';
import type { ErrorLike } from '../platform/causes';
import type { Logger } from '../platform/log';

/**
 * An error the client can act on: what to say (a code of domain/messages.ts) and, for a form, what
 * is wrong with each field (react-admin shows them next to each input, translated by the console).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly said: Said,
    readonly errors?: FieldMessages,
  ) {
    super(english(said));
  }
}

type NotFoundCode = Extract<MessageCode, `${string}.not_found`>;

export const badRequest = (what: Said, errors?: FieldMessages) => new ApiError(400, what, errors);
export const unprocessable = (errors: FieldMessages) => new ApiError(422, Object.values(errors)[0] ?? said('request.invalid'), errors);
export const forbidden = (what: Said = said('auth.forbidden')) => new ApiError(403, what);
export const notFound = (code: NotFoundCode) => new ApiError(404, { code });

/** As JSON: the code, its params, and the English for clients that show it as it is. */
export function spoken(s: Said): { code: MessageCode; params?: Record<string, ParamValue>; message: string } {
  return { code: s.code, ...(s.params ? { params: s.params } : {}), message: english(s) };
}

/** The params a zod issue carries that a message's sentence names (limits, choices). */
function issueParams(code: MessageCode, issue: z.core.$ZodIssue): Record<string, ParamValue> | undefined {
  const known: Record<string, ParamValue | undefined> = {
    max: 'maximum' in issue ? Number(issue.maximum) : undefined,
    min: 'minimum' in issue ? Number(issue.minimum) : undefined,
    values: 'values' in issue ? (issue.values as unknown[]).map(String).join(', ') : undefined,
  };
  const names = [...MESSAGES[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params = Object.fromEntries(names.flatMap((n) => (known[n] === undefined ? [] : [[n, known[n]]])));
  return names.length ? params : undefined;
}

/** A zod issue as a code: the schema's own (domain/*.schemas.ts) or one for zod's default message. */
function saidOfIssue(issue: z.core.$ZodIssue): Said {
  const origin = 'origin' in issue ? issue.origin : undefined;
  let code: MessageCode;
  if (isMessageCode(issue.message)) code = issue.message;
  else if (issue.code === 'too_big') code = origin === 'string' ? 'field.too_long' : origin === 'array' ? 'field.too_many' : 'field.too_big';
  else if (issue.code === 'too_small') code = origin === 'string' ? (Number(issue.minimum) <= 1 ? 'field.required' : 'field.too_short') : 'field.too_small';
  else code = 'field.invalid';
  const params = issueParams(code, issue);
  return params ? { code, params } : { code };
}

/** zod issues → { field: what is wrong }, with nested paths dotted (react-admin understands dots). */
export function fieldErrors(error: z.ZodError): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : 'body';
    out[key] ??= saidOfIssue(issue);
  }
  return out;
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    const errors = err.errors && Object.fromEntries(Object.entries(err.errors).map(([field, s]) => [field, spoken(s)]));
    // Ours to say "later" too (no worker, ticket numbers behind): the client may retry.
    if (err.status === 503) c.header('Retry-After', '5');
    return c.json({ ...spoken(err.said), ...(errors ? { errors } : {}) }, err.status);
  }
  // A body with no Content-Type at all reaches a route's media-type check, not sameOriginWrites.
  if (err instanceof HTTPException) return c.json(spoken(said(err.status === 415 ? 'request.unsupported_media_type' : 'request.rejected')), err.status);
  const unavailable = unavailableService(err);
  if (unavailable) {
    c.header('Retry-After', '5');
    return c.json(spoken(unavailable), 503);
  }
  const log = c.get('log' as never) as Logger | undefined;
  if (log) log.error({ requestId: c.get('requestId' as never), err }, 'unhandled error');
  else console.error('unhandled error', err);
  return c.json(spoken(said('service.internal')), 500);
}

/**
 * The first middleware: Hono hands onError only what is `instanceof Error`, and anything else would
 * reach the Node adapter as a 500 with no body. That is a thrown non-error, or an error of another
 * realm (Node's socket errors under jest's vm, met when a database connection was reset).
 */
export const everyErrorToOnError: MiddlewareHandler = async (_c, next) => {
  try {
    await next();
  } catch (e) {
    throw e instanceof Error ? e : new Error(String((e as ErrorLike | null)?.message ?? e), { cause: e });
  }
};
