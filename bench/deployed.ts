import { spawn, type ChildProcess } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { ROOT } from '../config/paths';
import { openOrm, type Orm } from '../db/orm';
import { freePort } from '../scripts/ports';
import { profileArgs, spawnWorker } from '../scripts/worker-process';

export interface Deployed {
  baseUrl: string;
  orm: Orm;
  client: Client;
  pids: { api?: number; worker?: number };
  stop(): Promise<void>;
}

export function waitForLine(child: ChildProcess, what: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => what.test(b.toString()) && resolve();
    child.stdout!.on('data', onData);
    child.stderr!.pipe(process.stderr);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The product as `npm start` runs it: the worker and the API each in a process of its own, on
 * the bench's Temporal server and database; the bench drives it over HTTP from a third process.
 */
export async function startDeployed(client: Client, taskQueue: string): Promise<Deployed> {
  const port = await freePort();
  const env = { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, PORT: String(port), DESK_ACCESS_LOG: 'off' };
  const worker = spawnWorker(env);
  const api = spawn(process.execPath, [...profileArgs(env), '--import', 'tsx', 'api/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await Promise.all([waitForLine(worker, /polling/, 'worker'), waitForLine(api, /listening/, 'api')]);
  } catch (e) {
    await Promise.all([stopChild(worker), stopChild(api)]);
    throw e;
  }
  const orm = await openOrm(process.env.DATABASE_URL!, { poolMax: 2 });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    orm,
    client,
    pids: { api: api.pid, worker: worker.pid },
    async stop() {
      await Promise.all([stopChild(api), stopChild(worker)]);
      await orm.close();
    },
  };
}
