/** What an error carries that tells its kind: a name, a message, a code (SQLSTATE or gRPC status). */
export interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  sqlState?: unknown;
  details?: unknown;
  cause?: unknown;
}

/**
 * The error and what it wraps, outermost first: MikroORM, knex and the Temporal client each wrap
 * what the driver or gRPC said. Bounded, as a cause chain may loop.
 */
export function causes(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let cur = e; cur && typeof cur === 'object' && out.length < 8; cur = (cur as ErrorLike).cause) out.push(cur as ErrorLike);
  return out;
}
