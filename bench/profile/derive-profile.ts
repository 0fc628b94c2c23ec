/**
 * Derivation's CPU per delivery, in process, through the derivation thread's own code path
 * (deriveBatch with the thread's context, then packDelivery), over the seeds' five-provider mix
 * that the ingest bench sends; then, with PROFILE_SAVE=1, the main thread's save of those results
 * into a fresh SQLite store. For `node --cpu-prof` or valgrind's callgrind:
 *
 *   node --import tsx bench/profile/derive-profile.ts [deliveries=20000] [rounds=3]
 *   PROFILE_ONLY=derive|pack|save narrows what is timed (callgrind on one phase).
 *
 * It prints µs per delivery for each phase and per provider (deriving only), wall and CPU (on a
 * shared machine, compare CPU), and a checksum of the derived results and packed bytes, so two
 * builds can be compared for identical output.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { deriveBatch } from '../../src-main/pipeline/deriver.js';
import type { DerivationContext, DerivationInput } from '../../src-main/pipeline/derive.js';
import { packDelivery } from '../../src-main/store/codec/delivery-forms.js';
import type { DerivedFields, NewDelivery } from '../../src-main/store/types.js';
import { buildTemplates } from '../search/corpus.js';
import { BENCH_WEBHOOK_SECRET, deliveryMaker } from '../disk/traffic.js';

const COUNT = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BATCH = 256;
const ONLY = process.env.PROFILE_ONLY;
/** Fixed times, so the checksum is the same run after run (derivation stamps checkedAt). */
const FIXED_CLOCK = process.env.PROFILE_FIXED_CLOCK !== '0';

/**
 * CPU time of the process (user + system), in µs: on a shared machine wall time mostly measures
 * the neighbours. It includes V8's helper threads (GC), which is derivation's cost too.
 */
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const context: DerivationContext = {
  adapterFor: (provider) => (provider === 'unknown' ? undefined : providerAdapters[provider]),
  webhookSecrets: async () => [BENCH_WEBHOOK_SECRET],
};

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** What the thread receives: a structured clone of the batch (bodies as plain Uint8Arrays). */
const asThreadInput = (d: NewDelivery): DerivationInput =>
  structuredClone({ provider: d.provider, label: d.label, headers: d.headers, body: d.body, rejected: d.rejected });

/** What the save wrote, read back on a connection of its own (ids are random per run: compared by seq). */
function storedChecksum(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const sum = createHash('sha256');
    const tables = [
      'SELECT seq, provider, label, method, path, size, body_sha256, derived_at, event_type, event_id, parse_error, verification_status, secret_label, status, environment, amount_value, amount_currency, reference, duplicate_of IS NOT NULL AS duplicate FROM deliveries ORDER BY seq',
      'SELECT seq, form FROM delivery_contents ORDER BY seq',
      'SELECT value, delivery_seq, kind FROM correlation_keys ORDER BY value, delivery_seq, kind',
      'SELECT count(*) FROM delivery_captures',
    ];
    for (const sql of tables)
      for (const row of db.prepare(sql).raw().iterate()) sum.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    return sum.digest('hex').slice(0, 16);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const make = deliveryMaker(await buildTemplates());
  const deliveries = Array.from({ length: COUNT }, (_, n) => make(n));
  const inputs = deliveries.map(asThreadInput);
  const realNow = Date.now;
  if (FIXED_CLOCK) Date.now = () => 1_767_225_600_000;
  const RealDate = Date;
  if (FIXED_CLOCK) {
    // new Date() with no argument reads the fixed clock (checkedAt, derivedAt).
    globalThis.Date = class extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(1_767_225_600_000);
        else super(...(args as [number]));
      }
    } as DateConstructor;
  }
  const noErrors = (error: unknown) => {
    throw error;
  };

  // Warm up: the JIT settles before anything is timed.
  for (const batch of batches(inputs.slice(0, 2_000))) {
    const derived = await deriveBatch(batch, context, noErrors);
    for (const [i, d] of derived.entries()) packDelivery(batch[i]!, d);
  }

  let derived: DerivedFields[] = [];
  let packed: Uint8Array[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (!ONLY || ONLY === 'derive' || ONLY === 'pack') {
      const t0 = performance.now();
      const c0 = cpuMicros();
      derived = [];
      for (const batch of batches(inputs)) derived.push(...(await deriveBatch(batch, context, noErrors)));
      const t1 = performance.now();
      const c1 = cpuMicros();
      if (ONLY !== 'derive') packed = derived.map((d, i) => packDelivery(inputs[i]!, d));
      const t2 = performance.now();
      const c2 = cpuMicros();
      console.log(
        `round ${round + 1}: derive ${((1000 * (t1 - t0)) / COUNT).toFixed(1)} µs, pack ${((1000 * (t2 - t1)) / COUNT).toFixed(1)} µs per delivery ` +
          `(CPU: derive ${((c1 - c0) / COUNT).toFixed(1)} µs, pack ${((c2 - c1) / COUNT).toFixed(1)} µs)`,
      );
    }
  }

  // Per provider, deriving only.
  if (!ONLY) {
    const byProvider = new Map<string, DerivationInput[]>();
    for (const input of inputs) byProvider.set(input.provider, [...(byProvider.get(input.provider) ?? []), input]);
    for (const [provider, list] of byProvider) {
      const t0 = performance.now();
      const c0 = cpuMicros();
      for (const batch of batches(list)) await deriveBatch(batch, context, noErrors);
      const t1 = performance.now();
      const c1 = cpuMicros();
      const share = list.length / COUNT;
      console.log(
        `  ${provider.padEnd(13)} ${((1000 * (t1 - t0)) / list.length).toFixed(1)} µs each, CPU ${((c1 - c0) / list.length).toFixed(1)} µs (${(share * 100).toFixed(0)}% of the mix)`,
      );
    }
  }

  if (derived.length > 0) {
    const sum = createHash('sha256');
    for (const d of derived) sum.update(JSON.stringify(d));
    for (const p of packed) sum.update(p);
    console.log(`checksum of derived results${packed.length ? ' and packed forms' : ''}: ${sum.digest('hex').slice(0, 16)}`);
  }

  if (process.env.PROFILE_SAVE === '1' || ONLY === 'save') {
    if (derived.length === 0) {
      for (const batch of batches(inputs)) derived.push(...(await deriveBatch(batch, context, noErrors)));
      packed = derived.map((d, i) => packDelivery(inputs[i]!, d));
    }
    const { createSqliteStore } = await import('../../src-main/store/sqlite/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'gatewatch-profile-'));
    const store = createSqliteStore(dir);
    try {
      for (const batch of batches(deliveries)) await store.deliveries.insertBatch(batch);
      await store.deliveries.checkpoint();
      const withPacked = derived.map((d, i) => ({ ...d, packed: packed[i] }));
      let readMs = 0;
      let saveMs = 0;
      const c0 = cpuMicros();
      let afterSeq = 0;
      for (let i = 0; i < deliveries.length; i += BATCH) {
        const r0 = performance.now();
        const pending = await store.deliveries.pendingDerivation(BATCH, afterSeq);
        afterSeq = pending[pending.length - 1]!.seq;
        const r1 = performance.now();
        await store.deliveries.saveDerived(pending.map((p, k) => ({ id: p.id, derived: withPacked[i + k]! })));
        const r2 = performance.now();
        readMs += r1 - r0;
        saveMs += r2 - r1;
      }
      const cpu = (cpuMicros() - c0) / COUNT;
      console.log(
        `save: read pending ${((1000 * readMs) / COUNT).toFixed(1)} µs, save ${((1000 * saveMs) / COUNT).toFixed(1)} µs per delivery (CPU, both: ${cpu.toFixed(1)} µs)`,
      );
      console.log(`checksum of the saved rows (deliveries, stored forms, keys, captures): ${storedChecksum(join(dir, 'gatewatch.db'))}`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  Date.now = realNow;
  globalThis.Date = RealDate;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
