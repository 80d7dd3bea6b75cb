import type { DrillOutcome } from './scenarios';
import { seconds } from '../wait';

/** The drill summary: one block per drill with its figures, then every failure in full. */
export function formatSummary(outcomes: DrillOutcome[], totalMs: number): string {
  const lines: string[] = ['==== fault drill summary ===='];
  for (const o of outcomes) {
    lines.push(`${o.ok ? 'PASS' : 'FAIL'}  ${o.name}  (${seconds(o.durationMs)}, seed ${o.seed})`);
    const width = Math.max(0, ...Object.keys(o.figures).map((k) => k.length));
    for (const [k, v] of Object.entries(o.figures)) lines.push(`        ${k.padEnd(width)}  ${v}`);
    for (const f of o.failures.slice(0, 40)) lines.push(`   !!   ${f}`);
    if (o.failures.length > 40) lines.push(`   !!   … and ${o.failures.length - 40} more`);
    if (o.logDir) lines.push(`        logs: ${o.logDir}`);
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  lines.push(`${failed ? `${failed} of ${outcomes.length} drills FAILED` : `all ${outcomes.length} drills passed`} in ${seconds(totalMs)}`);
  return lines.join('\n');
}
