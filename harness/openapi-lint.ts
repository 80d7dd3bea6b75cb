import { spawnSync } from 'node:child_process';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  where: string;
}

// @redocly/openapi-core is ESM only, which jest's CommonJS runtime cannot load: it runs in a child node.
const LINT = `
import('@redocly/openapi-core').then(async ({ createConfig, lintFromString }) => {
  const source = require('node:fs').readFileSync(0, 'utf8');
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
  process.stdout.write(JSON.stringify(problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, where: p.location?.[0]?.pointer ?? '' }))));
});`;

/** The document linted with Redocly's `recommended` rules: every problem found. */
export function lintOpenApi(doc: unknown): LintProblem[] {
  const run = spawnSync(process.execPath, ['-e', LINT], { input: JSON.stringify(doc), encoding: 'utf8', cwd: `${__dirname}/..`, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`openapi lint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintProblem[];
}
