/**
 * Sums up V8 CPU profiles (`npm run bench -- --profile`): busy time, then self time by package
 * and by function, so "where does the time go" has an answer in numbers.
 *
 *   npx tsx bench/profile-summary.ts .data/profiles/*.cpuprofile
 */
import fs from 'node:fs';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const top = (m: Map<string, number>, n: number, msPerSample: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v * msPerSample).toFixed(0).padStart(7)} ms  ${k}`).join('\n');

function packageOf(url: string, fn: string): string {
  if (!url) return fn;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '').split('/')[0];
}

for (const file of process.argv.slice(2)) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const counts = new Map<number, number>();
  for (const s of p.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const msPerSample = (p.endTime - p.startTime) / 1000 / p.samples.length;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let idle = 0;
  for (const n of p.nodes) {
    const c = counts.get(n.id) ?? 0;
    if (!c) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') {
      idle += c;
      continue;
    }
    const fn = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(`file://${process.cwd()}/`, '')}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + c);
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + c);
  }
  const busy = (p.samples.length - idle) * msPerSample;
  console.log(`== ${file}: ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy`);
  console.log(top(byPackage, 12, msPerSample));
  console.log(top(byFunction, 15, msPerSample));
}
