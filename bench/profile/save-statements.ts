/**
 * The main thread's save of derived deliveries, statement by statement: every prepared
 * statement's run/get/all is timed (wall, µs per delivery) while a fresh SQLite store saves the
 * seeds' mix, derived and packed beforehand. What the transaction's own time leaves out is the
 * commit and the JavaScript between statements.
 *
 *   node --import tsx bench/profile/save-statements.ts [deliveries=10240]
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTemplates } from '../search/corpus.js';
import { deliveryMaker, BENCH_WEBHOOK_SECRET } from '../disk/traffic.js';
import { deriveBatch } from '../../src-main/pipeline/deriver.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { packDelivery } from '../../src-main/store/codec/delivery-forms.js';
/** Wall µs and calls per statement, by the start of its SQL. */
const times = new Map<string, number>();
const counts = new Map<string, number>();
type Call = (this: unknown, ...args: unknown[]) => unknown;
const proto = (Database as unknown as { prototype: { prepare(this: unknown, sql: string): Record<string, Call> } }).prototype;
const prepare = proto.prepare;
// Every statement the store prepares from here on is timed.
proto.prepare = function (sql: string) {
  const stmt = prepare.call(this, sql);
  const key = sql.replace(/\s+/g, ' ').slice(0, 90);
  for (const m of ['run', 'get', 'all']) {
    const orig = stmt[m]!;
    stmt[m] = function (...args: unknown[]) {
      const t = process.hrtime.bigint();
      try {
        return orig.apply(this, args);
      } finally {
        times.set(key, (times.get(key) ?? 0) + Number(process.hrtime.bigint() - t) / 1000);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    };
  }
  return stmt;
};
const { createSqliteStore } = await import('../../src-main/store/sqlite/index.js');
const make = deliveryMaker(await buildTemplates());
const N = Number(process.argv[2] ?? 10_240);
const ds = Array.from({ length: N }, (_, n) => make(n));
const derived = await deriveBatch(
  ds,
  { adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [BENCH_WEBHOOK_SECRET] },
  (e) => {
    throw e;
  },
);
const full = derived.map((d, i) => ({ ...d, packed: packDelivery(ds[i]!, d) }));
const store = createSqliteStore(mkdtempSync(join(tmpdir(), 'stmts-')));
for (let i = 0; i < N; i += 256) await store.deliveries.insertBatch(ds.slice(i, i + 256));
times.clear();
counts.clear();
let after = 0;
const t0 = performance.now();
for (let i = 0; i < N; i += 256) {
  const pending = await store.deliveries.pendingDerivation(256, after);
  after = pending[pending.length - 1]!.seq;
  await store.deliveries.saveDerived(pending.map((p, k) => ({ id: p.id, derived: full[i + k]! })));
}
console.log('total', ((1000 * (performance.now() - t0)) / N).toFixed(1), 'µs per delivery');
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log((v / N).toFixed(1).padStart(6), 'µs', String(counts.get(k)).padStart(6), k);
await store.close();
