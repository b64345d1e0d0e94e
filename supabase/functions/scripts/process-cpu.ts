// CPU time of this process and of the processes it started (the stack's Deno workers and
// PostgreSQL), read from /proc, so a benchmark can say where a request's CPU goes. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds by process group: `node` (this process), `deno`, `postgres`, `other`. */
export type CpuByGroup = Record<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on every Linux the stack runs on

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14). The last two
    // are children that exited and were waited for (PostgreSQL backends the pool closed).
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return { pid, ppid: Number(fields[1]), comm, cpuMs: ticks * TICK_MS };
  } catch {
    return undefined; // exited between the listing and the read
  }
}

/** CPU used so far by this process and its descendants (exited ones too), summed per group. */
export function cpuByGroup(): CpuByGroup {
  if (process.platform !== 'linux') return {};
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const groups: CpuByGroup = { node: readStat(process.pid)?.cpuMs ?? 0 };
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    const group = stat.comm.startsWith('deno')
      ? 'deno'
      : stat.comm.startsWith('postgres')
        ? 'postgres'
        : 'other';
    groups[group] = (groups[group] ?? 0) + stat.cpuMs;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return groups;
}

/** `after - before` per group, divided by `count`: CPU ms per operation. */
export function cpuPerOperation(before: CpuByGroup, after: CpuByGroup, count: number): CpuByGroup {
  const result: CpuByGroup = {};
  for (const [group, ms] of Object.entries(after)) {
    result[group] = (ms - (before[group] ?? 0)) / count;
  }
  return result;
}

/** `node 1.20  deno 2.10  postgres 3.00  = 6.30 ms CPU per op`. */
export function describeCpu(perOperation: CpuByGroup): string {
  const entries = Object.entries(perOperation).filter(([, ms]) => ms > 0.005);
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  return `${entries.map(([group, ms]) => `${group} ${ms.toFixed(2)}`).join('  ')}  = ${total.toFixed(2)} ms CPU each`;
}
