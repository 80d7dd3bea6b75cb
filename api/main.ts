/** The API process: REST for the console and the hospitals' tools, and the built console itself. */
import { deskTimeZone } from '../config/time-zone';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { ROOT } from '../config/paths';
import { loadTemporalSettings } from '../config/temporal';
import { APP_ROLE, openOrm } from '../db/orm';
import { createApp } from './app';
import { archiveKey } from '../db/archive-chain';
import { createLogger } from '../platform/log';
import { checkDocumentFonts } from '../platform/documents/fonts';

const log = createLogger('api');

async function main(): Promise<void> {
  const settings = loadTemporalSettings();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  archiveKey(); // verifying the archive needs it: refuse to start without it
  try {
    checkDocumentFonts();
  } catch (e) {
    // Everything but the PDFs works without them: said loudly at start, and each PDF answers 503.
    log.error({ err: (e as Error).message }, 'documents: fonts missing');
  }
  const orm = await openOrm(required('DATABASE_URL'), { role: APP_ROLE });
  // lazy: the API starts (and answers 503) even while Temporal is still coming up.
  const connection = Connection.lazy({ address: required('TEMPORAL_ADDRESS') });
  const temporal = new Client({ connection, namespace: settings.namespace });
  const app = createApp({
    orm,
    temporal,
    settings,
    timeZone: deskTimeZone(),
    consoleDir: process.env.DESK_CONSOLE_DIR ?? path.join(ROOT, 'admin-ui/dist'),
    temporalUiUrl: process.env.TEMPORAL_UI_URL,
    // Secure unless plain http to localhost; DESK_SECURE_COOKIES=true|false overrides.
    secureCookies: process.env.DESK_SECURE_COOKIES === 'true' ? true : process.env.DESK_SECURE_COOKIES === 'false' ? false : 'auto',
    trustedProxies: (process.env.DESK_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    idleMinutes: idleMinutes(),
    log,
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, () => log.info({ host, port }, `api: listening on http://${host}:${port}`));
  const shutdown = () => {
    server.close(async () => {
      await connection.close();
      await orm.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function idleMinutes(): number | undefined {
  const v = process.env.DESK_IDLE_MINUTES;
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`DESK_IDLE_MINUTES must be a positive number of minutes, not ${v}`);
  return n;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} must be set`);
  return v;
}

main().catch((e) => {
  log.fatal({ err: e }, 'api failed');
  process.exit(1);
});
