/**
 * The one logger of the server processes (API, worker, `npm start`): pino, one JSON object per
 * line on stdout. JSON-escaping is what keeps a request path with `%0a` in it from forging a log
 * line. Log what happened, never what was sent: no bodies, passwords, cookies or Authorization
 * headers (the redaction below is a second guard, not a licence).
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths censored wherever they appear in a logged object (one level deep included). */
const REDACT = [
  'password',
  'newPassword',
  'token',
  'cookie',
  'authorization',
  'headers.cookie',
  'headers.authorization',
  'body',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.cookie',
  '*.authorization',
  '*.body',
];

/**
 * A logger named after its process (`api`, `worker`, `start`). `DESK_LOG_LEVEL` sets the level
 * (info by default); `destination` is for tests, which read the lines back.
 */
export function createLogger(name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level: process.env.DESK_LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
