/**
 * Seeds a PostgreSQL store with N deliveries through the store's own write path, in big batches:
 * `insertBatch` (the listener's multi-row insert) and then `saveDerived` (what the derivation
 * worker saves: inbox columns, dedupe links, correlation keys, the search document, the stored
 * form). The derived fields are the corpus templates' (each run once through the real pipeline,
 * bench/search/corpus.ts) with every copy's ids stamped in, as bench/search/seed.ts does for
 * SQLite: the rows are what the store itself writes, so the queries measure what a server holds.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../src-main/store/ids.js';
import type { DerivedFields, NewDelivery, Store } from '../../src-main/store/types.js';
import { SENTINEL, templatePicker, uniqueValues, type DeliveryTemplate } from '../search/corpus.js';

export interface PgSeedOptions {
  count: number;
  /** The received_at of the first row; rows are spread evenly up to `until`. */
  from: Date;
  until: Date;
  /** Rows per insertBatch/saveDerived call. */
  batch?: number;
  /** Batches written at once (the store's pool has connections to spare). */
  parallel?: number;
  onProgress?: (done: number) => void;
}

/** Template derived fields as JSON, so that a copy is one replace and one parse. */
function derivedJson(t: DeliveryTemplate): string {
  const { packed: _packed, ...derived } = t.derived;
  return JSON.stringify(derived);
}

/** Seeds `count` deliveries (seqs 1…count on an empty store); resolves with the seconds it took. */
export async function seedPgDeliveries(store: Store, templates: readonly DeliveryTemplate[], options: PgSeedOptions): Promise<number> {
  const started = performance.now();
  const pick = templatePicker(templates);
  const json = new Map(templates.map((t) => [t, derivedJson(t)]));
  const span = options.until.getTime() - options.from.getTime();
  const batchSize = options.batch ?? 5_000;
  const make = (n: number): { delivery: NewDelivery; derived: DerivedFields } => {
    const t = pick(n);
    const values = uniqueValues(n);
    const stamp = (text: string) => text.replace(SENTINEL, (token) => values[token]!);
    const at = options.from.getTime() + Math.floor((span * n) / options.count);
    const body = Buffer.from(stamp(t.body), 'utf8');
    const delivery: NewDelivery = {
      id: newId('dlv', at),
      provider: t.provider,
      label: null,
      receivedAt: new Date(at).toISOString(),
      method: 'POST',
      path: `/webhooks/${t.provider}`,
      query: '',
      headers: JSON.parse(t.headers) as NewDelivery['headers'],
      body,
      size: body.byteLength,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      remoteAddress: '127.0.0.1',
      forwarded: null,
      rejected: null,
    };
    return { delivery, derived: JSON.parse(stamp(json.get(t)!)) as DerivedFields };
  };
  // Batches are inserted in order (seq follows received_at, as on a live server); only the
  // derivation of one batch overlaps the insert of the next.
  let deriving: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < options.count; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, options.count - start) }, (_, i) => make(start + i));
    await store.deliveries.insertBatch(rows.map((r) => r.delivery));
    await deriving;
    deriving = store.deliveries.saveDerived(rows.map((r) => ({ id: r.delivery.id, derived: r.derived })));
    options.onProgress?.(start + rows.length);
  }
  await deriving;
  return (performance.now() - started) / 1000;
}
