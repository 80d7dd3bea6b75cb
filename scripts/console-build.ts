import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config/paths';
import { ProvisionError } from './provision-error';

export const CONSOLE_DIR = path.join(ROOT, 'admin-ui/dist');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** True when any console source (or the lock file) is newer than the built index.html. */
export function consoleIsStale(): boolean {
  const built = path.join(CONSOLE_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['admin-ui/src', 'admin-ui/index.html', 'admin-ui/vite.config.mts', 'admin-ui/precompress.mts', 'package-lock.json'].map((p) => path.join(ROOT, p));
  const newest = Math.max(...sources.filter((p) => fs.existsSync(p)).map(newestMtime));
  return newest > fs.statSync(built).mtimeMs;
}

export function buildConsoleIfStale(log: (line: string) => void): void {
  if (!consoleIsStale()) return;
  log('Console: building admin-ui (sources changed since the last build)…');
  const started = Date.now();
  // Vite's own script under this process's Node (the project's Node 24), not whatever `node` PATH finds.
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  // Always React's production build, also when called from jest (NODE_ENV=test would pick the development one).
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'admin-ui/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new ProvisionError('Building the console failed; see the lines above.');
  log(`Console: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
