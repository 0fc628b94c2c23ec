/**
 * CPU time of the bench's processes and threads, read from /proc (utime + stime, in clock ticks
 * of 10 ms): which process, and which of serve mode's threads, a figure's time went to. A ratio
 * says how fast; this says where the two cores went, per request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Microseconds per clock tick (USER_HZ is 100 on Linux). */
export const TICK_US = 10_000;

/** The fields of a /proc stat line after the command name (which may hold spaces and parentheses). */
function statFields(path: string): string[] | null {
  try {
    const stat = readFileSync(path, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    // Gone meanwhile: a process that exited counts no more.
    return null;
  }
}

const ticksOf = (fields: string[] | null) => (fields ? Number(fields[11]) + Number(fields[12]) : 0);

/** CPU ticks a process has used, all its threads, those that have exited included. Throws when it is gone: a figure must not read a dead process as idle. */
export function processTicks(pid: number): number {
  const fields = statFields(`/proc/${pid}/stat`);
  if (fields === null) throw new Error(`process ${pid} is gone: its CPU cannot be read`);
  return ticksOf(fields);
}

/** CPU ticks a process's main thread has used, and the rest of its threads (exited ones included: the process's total less the main thread's). */
export function threadTicks(pid: number): { main: number; others: number } {
  const total = processTicks(pid);
  const main = ticksOf(statFields(`/proc/${pid}/task/${pid}/stat`));
  return { main, others: total - main };
}

/**
 * The postmaster of the PostgreSQL server listening on `port` (started with `-p <port>`, as the
 * tests' clusters are) and its children now (backends, WAL writer, checkpointer …).
 */
export function postgresPids(port: number): { postmaster: number; children: number[] } {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const postmaster = pids.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /\/postgres$/.test(args[0] ?? '') && args.some((arg, i) => arg === '-p' && args[i + 1] === String(port));
    } catch {
      return false;
    }
  });
  if (postmaster === undefined) throw new Error(`no PostgreSQL server started with -p ${port} is visible in /proc`);
  return { postmaster, children: pids.filter((pid) => statFields(`/proc/${pid}/stat`)?.[1] === String(postmaster)) };
}

/**
 * CPU ticks of the server on `port`: its processes now, and the children it has reaped (cutime
 * and cstime of the postmaster), so a backend that exits between two readings is still counted.
 */
export function postgresTicks(port: number): number {
  const { postmaster, children } = postgresPids(port);
  const own = statFields(`/proc/${postmaster}/stat`);
  if (own === null) throw new Error(`the PostgreSQL server on port ${port} is gone`);
  const reaped = Number(own[13]) + Number(own[14]);
  return ticksOf(own) + reaped + children.reduce((sum, pid) => sum + ticksOf(statFields(`/proc/${pid}/stat`)), 0);
}

/** Microseconds of CPU per unit (request, delivery) from a difference in ticks. */
export const usPer = (ticks: number, units: number) => (units > 0 ? (ticks * TICK_US) / units : 0);

/** The cores this process may use: the CPUs it may run on, or fewer under a cgroup quota (`cpu.max`, as containers set). */
export function coresAvailable(): number {
  const cpus = availableParallelism();
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(' ');
    if (quota === undefined || quota === 'max' || period === undefined) return cpus;
    return Math.min(cpus, Number(quota) / Number(period));
  } catch {
    // No cgroup v2 file (another OS, cgroup v1): no quota known.
    return cpus;
  }
}
