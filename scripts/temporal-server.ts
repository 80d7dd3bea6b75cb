import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { TemporalSettings } from '../config/temporal';
import { ensureNamespace } from './temporal-namespace';
import { ProvisionError } from './provision-error';

export interface TemporalHandle {
  address: string;
  uiUrl?: string;
  /** Set when we started the server; undefined for TEMPORAL_ADDRESS. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cli: string;
  settings: TemporalSettings;
  port: number;
  uiPort: number;
  /** SQLite file to keep state in; omitted = in memory (tests). */
  dbFile?: string;
  headless?: boolean;
  /** Where the server's own output goes; the last lines are also kept for error messages. */
  logFile?: string;
}

export async function startTemporalDevServer(o: DevServerOptions): Promise<TemporalHandle> {
  const { settings } = o;
  const ip = settings.devServer.ip;
  const args = ['server', 'start-dev', '--ip', ip, '--port', String(o.port), '--ui-port', String(o.uiPort)];
  args.push('--namespace', settings.namespace, '--log-level', settings.devServer.logLevel);
  if (o.dbFile) {
    fs.mkdirSync(path.dirname(o.dbFile), { recursive: true });
    args.push('--db-filename', o.dbFile);
  }
  if (o.headless) args.push('--headless');
  for (const [name, type] of Object.entries(settings.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(settings.devServer.dynamicConfig)) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);

  const child = spawn(o.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const logStream = o.logFile ? fs.createWriteStream(o.logFile, { flags: 'a' }) : undefined;
  const keep = (buf: Buffer) => {
    logStream?.write(buf);
    tail.push(...buf.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // If this process dies without stopping us (a crash, a killed test run), take the server along.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      process.off('exit', killOnExit);
      logStream?.end();
      resolve();
    }),
  );

  const address = `${ip}:${o.port}`;
  const stop = async () => {
    if (exited !== undefined) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitPromise;
    clearTimeout(killer);
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== undefined) {
      throw new ProvisionError(`The Temporal dev server exited (code ${exited}) while starting:\n${tail.join('\n')}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await ensureNamespace(connection, settings);
      } finally {
        await connection.close();
      }
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        await stop();
        throw new ProvisionError(`The Temporal dev server did not become ready on ${address}: ${(e as Error).message}\n${tail.join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return { address, uiUrl: o.headless ? undefined : `http://${ip}:${o.uiPort}`, child, stop };
}

/** TEMPORAL_ADDRESS: somebody else runs the server; we only check the namespace is fit for us. */
export async function useExternalTemporal(settings: TemporalSettings): Promise<TemporalHandle> {
  const address = settings.externalAddress!;
  try {
    const connection = await Connection.connect({ address, connectTimeout: 5000 });
    try {
      await ensureNamespace(connection, settings);
    } finally {
      await connection.close();
    }
  } catch (e) {
    throw new ProvisionError(`TEMPORAL_ADDRESS=${address} cannot be used: ${(e as Error).message}`);
  }
  return { address, stop: async () => {} };
}
