import { said, type Said } from '../domain/messages';
import { causes, type ErrorLike } from '../platform/causes';

/**
 * Which infrastructure an error says is out of reach, if any: the one place that decides that an
 * error is "retry shortly" (503) rather than a bug (500), read with its causes.
 */
export function unavailableService(e: unknown): Said | undefined {
  for (const err of causes(e)) {
    if (isDatabaseDown(err)) return said('service.database_unavailable');
    if (isTemporalDown(err)) return said('service.workflow_unavailable');
  }
  return undefined;
}

/**
 * SQLSTATE classes of a database that is not there for us: 08 connection exception, 53 insufficient
 * resources (too many connections, out of memory or disk), 57P01–57P03 shut down or starting,
 * 58 system error. Any other state (a data or constraint error) is about the request, not the server.
 */
const DATABASE_STATES = /^(08...|53...|57P0[123]|58...)$/;

/** What node-postgres, knex's pool and transactions say when the connection died under them. */
const DATABASE_TEXT = [
  /Connection terminated/,
  // A query sent on a client whose connection had just been killed (pg), or one knex saw end.
  /Client was closed and is not queryable/,
  /Connection ended unexpectedly/,
  /Client has encountered a connection error/,
  /Transaction query already complete/,
  /Timeout acquiring a connection/,
  /terminating connection due to administrator command/,
  /the database system is (starting|shutting) up/,
  /connect ECONN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/,
];

/** gRPC status codes of a Temporal we cannot reach in time: 4 DEADLINE_EXCEEDED, 8 RESOURCE_EXHAUSTED, 14 UNAVAILABLE. */
const GRPC_UNAVAILABLE = new Set([4, 8, 14]);

// Update-with-Start refused while the server cannot yet run it (seen as a worker was still starting): a retry with the same key attaches.
const TEMPORAL_TEXT = /UNAVAILABLE|DEADLINE_EXCEEDED|No connection established|WorkflowUpdateRPCTimeoutOrCancelledError|TransportError|Update-with-Start could not be executed/;

function isDatabaseDown(err: ErrorLike): boolean {
  const state = typeof err.code === 'string' ? err.code : typeof err.sqlState === 'string' ? err.sqlState : '';
  if (DATABASE_STATES.test(state) || /^(ECONN|ETIMEDOUT|EPIPE)/.test(state)) return true;
  return err.name === 'ConnectionException' || DATABASE_TEXT.some((re) => re.test(err.message ?? ''));
}

function isTemporalDown(err: ErrorLike): boolean {
  if (TEMPORAL_TEXT.test(err.message ?? '')) return true;
  if (err.name === 'ServiceError' || err.name === 'TransportError' || err.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') {
    // The client's ServiceError carries the gRPC status on its cause: NOT_FOUND and the like are answers, not outages.
    const code = typeof err.code === 'number' ? err.code : (err.cause as ErrorLike | undefined)?.code;
    return typeof code !== 'number' || GRPC_UNAVAILABLE.has(code);
  }
  return typeof err.code === 'number' && GRPC_UNAVAILABLE.has(err.code) && 'details' in err;
}
