import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type z } from 'zod';

/**
 * An error the client can act on. `errors` maps form fields to messages, the shape react-admin
 * shows next to each input.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: Record<string, string>) => new ApiError(400, message, errors);
export const unprocessable = (errors: Record<string, string>) =>
  new ApiError(422, Object.values(errors)[0] ?? 'Invalid input', errors);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError(403, message);
export const notFound = (what: string) => new ApiError(404, `${what} not found`);

/** zod issues → { field: message }, with nested paths dotted (react-admin understands dots). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : 'body';
    out[key] ??= issue.message;
  }
  return out;
}

/** Infrastructure we cannot reach: the client should retry later, nothing was written. */
function isUnavailable(e: unknown): string | undefined {
  const text = `${(e as Error)?.name ?? ''} ${(e as Error)?.message ?? ''} ${(e as { code?: string })?.code ?? ''}`;
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect ECONN|the database system is (starting|shutting) up|57P0[13]/.test(text)) {
    return 'The database is unavailable; please retry shortly.';
  }
  if (/ServiceError|TransportError|UNAVAILABLE|DEADLINE_EXCEEDED|WorkflowUpdateRPCTimeoutOrCancelledError|No connection established/.test(text)) {
    return 'The workflow service is unavailable; please retry shortly.';
  }
  return undefined;
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json({ message: err.message, errors: err.errors }, err.status);
  if (err instanceof HTTPException) {
    return c.json({ message: err.message || 'Request rejected' }, err.status);
  }
  const unavailable = isUnavailable(err);
  if (unavailable) {
    c.header('Retry-After', '5');
    return c.json({ message: unavailable }, 503);
  }
  console.error(`[${c.get('requestId' as never) ?? '-'}] unhandled error`, err);
  return c.json({ message: 'Internal error' }, 500);
}
