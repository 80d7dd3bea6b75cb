/**
 * Finds the `temporal` CLI, whose `server start-dev` is our Temporal server in development and tests.
 * Order: $TEMPORAL_CLI, a per-user cache outside the repo, `temporal` on PATH; otherwise build it
 * once with Go into the cache, or (no Go) download the official release archive into the cache.
 * Run directly (`npm run temporal:install`) it just makes sure the binary exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTemporalSettings } from '../config/temporal';
import { ProvisionError } from './provision-error';

export function cacheDir(version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'hospital-desk', `temporal-${version}`);
}

function binName(): string {
  return process.platform === 'win32' ? 'temporal.exe' : 'temporal';
}

function works(bin: string): boolean {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 && /temporal version/.test(r.stdout);
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binName());
    if (dir && fs.existsSync(candidate) && works(candidate)) return candidate;
  }
  return undefined;
}

export async function ensureTemporalCli(log: (line: string) => void, version = loadTemporalSettings().cli.version): Promise<string> {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!works(fromEnv)) throw new ProvisionError(`TEMPORAL_CLI=${fromEnv} is not a working temporal CLI.`);
    return fromEnv;
  }
  const dir = cacheDir(version);
  const cached = path.join(dir, binName());
  if (fs.existsSync(cached) && works(cached)) return cached;
  const found = onPath();
  if (found) return found;

  fs.mkdirSync(dir, { recursive: true });
  if (spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0) await buildWithGo(version, dir, log);
  else await downloadRelease(version, dir, log);
  if (!works(cached)) throw new ProvisionError(`The temporal CLI at ${cached} does not run.`);
  return cached;
}

/** `go install` into a scratch GOBIN, then rename: a concurrent run never sees half a binary. */
async function buildWithGo(version: string, dir: string, log: (line: string) => void): Promise<void> {
  const gobin = fs.mkdtempSync(path.join(dir, 'build-'));
  const started = Date.now();
  log(`Temporal CLI ${version}: building once with Go into ${dir} (a few minutes; later runs reuse it)`);
  const child = spawn('go', ['install', `github.com/temporalio/cli/cmd/temporal@${version}`], {
    env: { ...process.env, GOBIN: gobin, GOFLAGS: process.env.GOFLAGS ?? '-trimpath' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloads = 0;
  const onLine = (buf: Buffer) => {
    for (const line of buf.toString().split('\n').filter(Boolean)) {
      if (line.startsWith('go: downloading')) downloads++;
      else log(`  go: ${line}`);
    }
  };
  child.stdout.on('data', onLine);
  child.stderr.on('data', onLine);
  // `go install` is silent while it compiles; a heartbeat shows the build is alive.
  const beat = setInterval(() => {
    log(`  … still building (${Math.round((Date.now() - started) / 1000)} s, ${downloads} modules fetched)`);
  }, 15_000);
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(beat);
  if (code !== 0) {
    fs.rmSync(gobin, { recursive: true, force: true });
    throw new ProvisionError(`go install of the temporal CLI ${version} failed (exit ${code}); see the lines above.`);
  }
  fs.renameSync(path.join(gobin, binName()), path.join(dir, binName()));
  fs.rmSync(gobin, { recursive: true, force: true });
  log(`Temporal CLI ${version}: built in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function downloadRelease(version: string, dir: string, log: (line: string) => void): Promise<void> {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  const platform = { linux: 'linux', darwin: 'darwin' }[process.platform as string];
  if (!arch || !platform) {
    throw new ProvisionError(`No Go toolchain and no temporal CLI release for ${process.platform}/${process.arch}; set TEMPORAL_CLI.`);
  }
  const plain = version.replace(/^v/, '');
  const url = `https://github.com/temporalio/cli/releases/download/${version}/temporal_cli_${plain}_${platform}_${arch}.tar.gz`;
  log(`Temporal CLI ${version}: downloading ${url}`);
  const res = await fetch(url).catch((e: Error) => {
    throw new ProvisionError(`Could not download the temporal CLI (${e.message}). Install Go, or set TEMPORAL_CLI.`);
  });
  if (!res.ok) throw new ProvisionError(`Download of the temporal CLI failed: HTTP ${res.status} for ${url}`);
  const archive = path.join(dir, 'temporal.tar.gz');
  fs.writeFileSync(archive, Buffer.from(await res.arrayBuffer()));
  const tar = spawnSync('tar', ['-xzf', archive, '-C', dir, binName()], { encoding: 'utf8' });
  fs.rmSync(archive, { force: true });
  if (tar.status !== 0) throw new ProvisionError(`Could not unpack the temporal CLI: ${tar.stderr}`);
}

if (require.main === module) {
  ensureTemporalCli((l) => console.log(l))
    .then((bin) => console.log(`temporal CLI: ${bin}`))
    .catch((e) => {
      console.error(e instanceof ProvisionError ? e.message : e);
      process.exit(1);
    });
}
