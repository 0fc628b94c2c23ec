/**
 * CPU time of the bench's processes and threads, read from /proc (utime + stime, in clock ticks
 * of 10 ms): which process, and which of serve mode's threads, a figure's time went to. A ratio
 * says how fast; this says where the two cores went, per request.
 */
import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU ticks a process has used, all its threads. */
export function processTicks(pid: number): number {
  return ticksOf(statFields(`/proc/${pid}/stat`));
}

/** CPU ticks a process's main thread has used, and the rest of its threads. */
export function threadTicks(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const ticks = ticksOf(statFields(`/proc/${pid}/task/${tid}/stat`));
    if (Number(tid) === pid) main = ticks;
    else others += ticks;
  }
  return { main, others };
}

/**
 * The processes of the PostgreSQL server listening on `port`: its postmaster (started with
 * `-p <port>`) and the postmaster's children (backends, WAL writer, checkpointer …).
 */
export function postgresPids(port: number): number[] {
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
  if (postmaster === undefined) return [];
  return [postmaster, ...pids.filter((pid) => statFields(`/proc/${pid}/stat`)?.[1] === String(postmaster))];
}

/** CPU ticks of the server on `port`, its processes as they are now (backends come and go with connections). */
export function postgresTicks(port: number): number {
  return postgresPids(port).reduce((sum, pid) => sum + processTicks(pid), 0);
}

/** Microseconds of CPU per unit (request, delivery) from a difference in ticks. */
export const usPer = (ticks: number, units: number) => (units > 0 ? (ticks * TICK_US) / units : 0);
