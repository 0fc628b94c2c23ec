/**
 * CPU per thread of a running process, each second (from /proc/<pid>/task/<tid>/stat): which
 * thread is the bottleneck while serve mode clears a backlog (the V8 profile counts a descheduled
 * thread as busy, so on a shared machine it cannot tell).
 *
 *   node bench/profile/thread-cpu.mjs <pid | pattern> [seconds=120]
 *
 * A pattern (e.g. out/main/serve.js) waits for the first process whose command line contains it.
 */
import { readdirSync, readFileSync } from 'node:fs';

const [target, secondsText = '120'] = process.argv.slice(2);
const TICK_MS = 10;

const findPid = () => {
  if (/^\d+$/.test(target)) return Number(target);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').includes(target)) return Number(entry);
    } catch {}
  }
  return null;
};

const sample = (pid) => {
  const ticks = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      ticks.set(`${name}/${tid}`, Number(fields[11]) + Number(fields[12]));
    } catch {}
  }
  return ticks;
};

/** Idle and total jiffies of the whole machine (first line of /proc/stat). */
const machine = () => {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
};

let pid = findPid();
while (pid === null) {
  await new Promise((r) => setTimeout(r, 200));
  pid = findPid();
}
let before = sample(pid);
let machineBefore = machine();
for (let s = 0; s < Number(secondsText); s++) {
  await new Promise((r) => setTimeout(r, 1000));
  let now;
  try {
    now = sample(pid);
  } catch {
    break;
  }
  const busy = [...now]
    .map(([name, t]) => [name, (t - (before.get(name) ?? t)) * TICK_MS])
    .filter(([, ms]) => ms >= 30)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  const m = machine();
  const idle = (100 * (m.idle - machineBefore.idle)) / Math.max(1, m.total - machineBefore.total);
  console.log(`${new Date().toISOString().slice(11, 19)} machine idle ${idle.toFixed(0)}% | ${busy}`);
  before = now;
  machineBefore = m;
}
