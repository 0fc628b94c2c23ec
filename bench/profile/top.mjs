/**
 * The top functions of a V8 CPU profile (`node --cpu-prof`): self time and total time (time with
 * the function anywhere on the stack, counted once per sample), as a share of all samples.
 *
 *   node bench/profile/top.mjs <file.cpuprofile> [rows=40] [filter]
 *
 * `filter` keeps samples whose stack contains a function whose name or file contains it
 * (e.g. `deriveBatch`, to leave out the setup).
 */
import { readFileSync } from 'node:fs';

const [file, rowsText = '40', filter] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const nameOf = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(src-main|src-shared|bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

const deltas = profile.timeDeltas;
const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = deltas[i + 1] ?? 0;
  const stack = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(nodes.get(cur));
  if (filter && !stack.some((n) => nameOf(n).includes(filter))) return;
  all += dt;
  const leaf = nameOf(stack[0]);
  self.set(leaf, (self.get(leaf) ?? 0) + dt);
  for (const name of new Set(stack.map(nameOf))) total.set(name, (total.get(name) ?? 0) + dt);
});

const print = (title, map) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms)`);
  for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsText))) {
    console.log(`${((100 * t) / all).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
};
print('self', self);
print('total', total);
