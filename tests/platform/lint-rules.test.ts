import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The project's own eslint CLI and config, on code that would live at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
  const r = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed: ${r.stderr}`);
  const [result] = JSON.parse(r.stdout) as { messages: { message: string }[] }[];
  return result.messages.map((m) => m.message);
}

describe('workflow determinism lint rule', () => {
  it.each([
    ["import fs from 'node:fs';", /Node builtins/],
    ["import { randomUUID } from 'crypto';", /Node builtins/],
    ["import { MikroORM } from '@mikro-orm/core';", /Database access/],
    ["import { Client } from 'pg';", /Database access/],
    ["import { createActivities } from '../activities';", /import type/],
  ])('refuses %s in workflows/ and domain/', async (line, message) => {
    const code = `${line}\nexport const used = [${line.match(/import \{? ?(\w+)/)![1]}];\n`;
    expect((await lint('workflows/example.ts', code)).join('\n')).toMatch(message);
    expect((await lint('domain/example.ts', code)).join('\n')).toMatch(message);
  });

  it('allows type-only imports of activities and SDK workflow imports', async () => {
    const code = "import type { createActivities } from '../activities';\nimport { sleep } from '@temporalio/workflow';\nexport type A = typeof createActivities;\nexport const s = sleep;\n";
    expect(await lint('workflows/example.ts', code)).toEqual([]);
  });

  it('does not restrict activities themselves', async () => {
    expect(await lint('activities/example.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toEqual([]);
  });
});

describe('one writer of ticket steps', () => {
  const send = "export async function f(h: { executeUpdate(u: string): Promise<unknown> }) {\n  return h.executeUpdate('triage');\n}\n";

  it.each(['api/tickets/example.ts', 'tests/workflows/example.test.ts', 'bench/drills/example.ts'])('refuses a direct Update in %s', async (file) => {
    expect((await lint(file, send)).join('\n')).toMatch(/ticket-gateway/);
  });

  it('allows it in the gateway and the bare baseline', async () => {
    expect(await lint('api/workflow/ticket-gateway.ts', send)).toEqual([]);
    expect(await lint('bench/minimal.flow.ts', send)).toEqual([]);
  });
});

describe('one harness: no imports between tests/ and bench/', () => {
  const fromTests = "import { ARTIFACTS } from '../tests/support/browser';\nexport const a = ARTIFACTS;\n";
  const fromBench = "import { fmt } from '../bench/stats';\nexport const f = fmt;\n";

  it.each(['bench/example.ts', 'scripts/example.ts', 'harness/example.ts'])('refuses an import from tests/ in %s', async (file) => {
    expect((await lint(file, fromTests)).join('\n')).toMatch(/harness\//);
  });

  it.each(['tests/example.test.ts', 'harness/example.ts'])('refuses an import from bench/ in %s', async (file) => {
    expect((await lint(file, fromBench)).join('\n')).toMatch(/harness\//);
  });

  it('allows harness/ on both sides', async () => {
    const code = "import { sleep } from '../harness/wait';\nexport const s = sleep;\n";
    expect(await lint('bench/example.ts', code)).toEqual([]);
    expect(await lint('tests/example.test.ts', code)).toEqual([]);
  });
});
