import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../scripts/ports';

const ROOT = path.resolve(__dirname, '../..');

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start', () => {
  it('says which port is taken, without a stack trace, and starts nothing', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const { code, output } = await runStart({ PORT: String(port), TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS });
      expect(code).toBe(1);
      expect(output).toContain(`Cannot start: Port ${port} on 127.0.0.1 (service desk API) is already in use.`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('says when TEMPORAL_ADDRESS points at nothing', async () => {
    const dead = await freePort();
    const { code, output } = await runStart({ PORT: String(await freePort()), TEMPORAL_ADDRESS: `127.0.0.1:${dead}` });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot start: TEMPORAL_ADDRESS=127.0.0.1:${dead} cannot be used`);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
