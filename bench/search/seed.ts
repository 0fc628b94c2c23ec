/**
 * Seeds a store with N deliveries straight through SQL: the same rows, correlation keys and
 * search entries the pipeline writes, without running the pipeline a million times.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { newId } from '../../src-main/store/ids.js';
import { searchRowText } from '../../src-main/store/sqlite/fts-query.js';
import { encodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import { keyTrigrams } from '../../src-main/store/sqlite/key-trigrams.js';
import { SENTINEL, templatePicker, uniqueValues, type DeliveryTemplate } from './corpus.js';

export interface SeedOptions {
  count: number;
  /** The received_at of the first row; rows are spread evenly up to `until`. */
  from: Date;
  until: Date;
  /** Rows per transaction. */
  batch?: number;
}

export interface SeedResult {
  count: number;
  seconds: number;
  /** The unique values stamped into row n (rare-id queries pick these). */
  valuesOf: (n: number) => Record<string, string>;
}

export function seedDeliveries(db: Database.Database, templates: readonly DeliveryTemplate[], options: SeedOptions): SeedResult {
  const started = performance.now();
  const pick = templatePicker(templates);
  const insertDelivery = db.prepare(`INSERT INTO deliveries (seq, id, provider, label, received_at, method, path, query,
    size, body_sha256, remote_address, forwarded, rejected, derived_at, event_type, event_id, parse_error,
    verification_status, status, amount_value, amount_currency, reference, duplicate_of)
    VALUES (?, ?, ?, NULL, ?, 'POST', ?, '', ?, ?, '127.0.0.1', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`);
  // The stored forms, packed per row as derivation packs them (each body has its own ids).
  const insertContents = db.prepare('INSERT INTO delivery_contents (seq, form) VALUES (?, ?)');
  const insertKey = db.prepare('INSERT OR IGNORE INTO correlation_keys (delivery_seq, kind, value) VALUES (?, ?, ?)');
  const insertSearch = db.prepare('INSERT INTO delivery_search (rowid, text) VALUES (?, ?)');
  // The trigram index of key values, kept as derivation keeps it.
  const trigrams = keyTrigrams(db);
  const firstSeq = ((db.prepare('SELECT max(seq) AS s FROM deliveries').get() as { s: number | null }).s ?? 0) + 1;
  const span = options.until.getTime() - options.from.getTime();
  const batchSize = options.batch ?? 20_000;

  const writeBatch = db.transaction((start: number, end: number) => {
    for (let n = start; n < end; n++) {
      const t = pick(n);
      const values = uniqueValues(n);
      const stamp = (text: string) => text.replace(SENTINEL, (token) => values[token]!);
      const seq = firstSeq + n;
      const at = options.from.getTime() + Math.floor((span * n) / options.count);
      const body = Buffer.from(stamp(t.body), 'utf8');
      const d = t.derived;
      insertDelivery.run(
        seq,
        newId('dlv', at),
        t.provider,
        new Date(at).toISOString(),
        `/webhooks/${t.provider}`,
        body.byteLength,
        createHash('sha256').update(body).digest('hex'),
        new Date(at + 40).toISOString(),
        d.eventType,
        d.eventId === null ? null : stamp(d.eventId),
        d.parseError,
        d.verification.status,
        d.normalized?.status ?? null,
        d.amount?.value ?? null,
        d.amount?.currency ?? null,
        d.reference === null ? null : stamp(d.reference),
      );
      const keys = d.correlationKeys.map((key) => ({ kind: key.kind, value: stamp(key.value) }));
      const detail = {
        verification: d.verification,
        normalized: t.normalizedJson === null ? null : JSON.parse(stamp(t.normalizedJson)),
        schemaIssues: d.schemaIssues,
        correlationKeys: keys,
      };
      insertContents.run(seq, encodeDelivery({ headers: JSON.parse(t.headers), body, detail }));
      trigrams.replace(seq, [], keys, () => {
        for (const key of keys) insertKey.run(seq, key.kind, key.value);
      });
      const filters = { provider: t.provider, eventType: d.eventType, status: d.normalized?.status, verification: d.verification.status };
      insertSearch.run(seq, searchRowText(stamp(d.searchText), filters));
    }
  });
  // A throwaway store: no fsync per batch, and a cache big enough to keep the indexes' hot
  // pages in memory. Both are put back so the store then behaves as the app opens it.
  const synchronous = db.pragma('synchronous', { simple: true });
  const cacheSize = db.pragma('cache_size', { simple: true });
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  try {
    for (let start = 0; start < options.count; start += batchSize) writeBatch(start, Math.min(options.count, start + batchSize));
  } finally {
    db.pragma(`synchronous = ${String(synchronous)}`);
    db.pragma(`cache_size = ${String(cacheSize)}`);
  }
  return { count: options.count, seconds: (performance.now() - started) / 1000, valuesOf: uniqueValues };
}
