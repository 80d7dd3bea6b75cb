import fs from 'node:fs';

/** CPU seconds (user + system) used so far by each process, read from /proc (Linux). */
function cpuSeconds(pid: number): { comm: string; seconds: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * CPU seconds by part of the system: the named processes, plus every `postgres` and `temporal`
 * process on the machine. Two snapshots' difference says where a phase's CPU went.
 */
export function cpuByPart(named: Record<string, number | undefined>): Map<string, number> {
  const parts = new Map<string, number>();
  const add = (part: string, s: number) => parts.set(part, (parts.get(part) ?? 0) + s);
  const byPid = new Map(Object.entries(named).flatMap(([part, pid]) => (pid ? [[pid, part] as const] : [])));
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const c = cpuSeconds(pid);
    if (!c) continue;
    const part = byPid.get(pid) ?? (c.comm === 'postgres' ? 'PostgreSQL' : c.comm === 'temporal' ? 'Temporal server' : undefined);
    if (part) add(part, c.seconds);
  }
  return parts;
}

export function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([part, s]) => [part, s - (before.get(part) ?? 0)]));
}
