/**
 * The product's own processes as a deploy runs them (`node --import tsx worker/main.ts`,
 * `node --import tsx api/main.ts`), started, SIGKILLed and restarted by the drills.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from '../../config/paths';
import type { Log } from '../drill-report';
import { sleep } from '../wait';

export interface ExitRecord {
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** true when a drill killed or stopped it; false = it died by itself. */
  expected: boolean;
}

export interface ProcessOptions {
  name: string;
  /** Entry file relative to the repository root, run with `node --import tsx`. */
  entry: string;
  /** Node flags before `--import tsx` (the worker's heap cap, as scripts/worker-process.ts sets it). */
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  log: Log;
  /** Full output goes here (appended); the last lines are also kept for failure messages. */
  logFile?: string;
  /** Ready once a line of output matches … */
  readyLine?: RegExp;
  /** … or once this check passes. */
  readyCheck?: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
// A drill that crashes (or a jest run that is killed) must not leave workers polling on.
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export class ManagedProcess {
  private child?: ChildProcess;
  private expectedExit = false;
  private readonly tailLines: string[] = [];
  readonly exits: ExitRecord[] = [];
  starts = 0;
  kills = 0;
  /** Milliseconds from spawn to ready, per start. */
  readonly readyTimes: number[] = [];

  constructor(private readonly o: ProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Exits nobody asked for (a crash, or a process giving up on a dependency). */
  get unexpectedExits(): ExitRecord[] {
    return this.exits.filter((e) => !e.expected);
  }

  tail(n = 30): string {
    return this.tailLines.slice(-n).join('\n');
  }

  async start(): Promise<number> {
    if (this.running) throw new Error(`${this.o.name} is already running (pid ${this.child!.pid})`);
    const started = Date.now();
    this.expectedExit = false;
    const child = spawn(process.execPath, [...(this.o.nodeArgs ?? []), '--import', 'tsx', this.o.entry], { cwd: ROOT, env: this.o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts += 1;
    live.add(child);
    const file = this.o.logFile ? fs.createWriteStream(this.o.logFile, { flags: 'a' }) : undefined;
    file?.write(`---- ${new Date().toISOString()} start #${this.starts} pid ${child.pid}\n`);
    let ready = false;
    let readyResolve: () => void = () => {};
    const readySeen = new Promise<void>((r) => (readyResolve = r));
    const onData = (buf: Buffer) => {
      file?.write(buf);
      for (const line of buf.toString().split('\n').filter(Boolean)) {
        this.tailLines.push(line);
        if (!ready && this.o.readyLine?.test(line)) {
          ready = true;
          readyResolve();
        }
      }
      this.tailLines.splice(0, Math.max(0, this.tailLines.length - 200));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(child);
        const expected = this.expectedExit;
        this.exits.push({ at: Date.now(), code, signal, expected });
        file?.end(`---- ${new Date().toISOString()} exit ${signal ?? code}${expected ? '' : ' (UNEXPECTED)'}\n`);
        if (!expected) this.o.log(`${this.o.name}: pid ${child.pid} exited by itself (${signal ?? `code ${code}`}); last output:\n${this.tail(15)}`);
        resolve();
      }),
    );
    (child as ChildProcess & { exited?: Promise<void> }).exited = exited;

    const deadline = started + (this.o.readyTimeoutMs ?? 120_000);
    for (;;) {
      if (!this.running) throw new Error(`${this.o.name} exited while starting (${child.signalCode ?? child.exitCode}):\n${this.tail()}`);
      if (ready) break;
      if (this.o.readyCheck && (await this.o.readyCheck().catch(() => false))) break;
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`${this.o.name} was not ready within ${this.o.readyTimeoutMs ?? 120_000} ms:\n${this.tail()}`);
      }
      await Promise.race([readySeen, sleep(200)]);
    }
    const ms = Date.now() - started;
    this.readyTimes.push(ms);
    return ms;
  }

  /** kill -9: no shutdown hooks, in-flight tasks are lost; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.expectedExit = true;
    this.kills += 1;
    const child = this.child!;
    child.kill('SIGKILL');
    await (child as ChildProcess & { exited?: Promise<void> }).exited;
  }

  /** SIGTERM (graceful), SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.expectedExit = true;
    const child = this.child!;
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await (child as ChildProcess & { exited?: Promise<void> }).exited;
    clearTimeout(killer);
  }
}
