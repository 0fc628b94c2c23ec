/** Pruning on every store backend; giving space back and the SQLite file's own tables are SQLite's. */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { NewDelivery, Store } from '../../src-main/store/types.js';
import { newId } from '../../src-main/store/ids.js';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';

let store: Store;
let opened: OpenedStore;
afterEach(async () => {
  await store.close();
  await opened.remove();
});

function delivery(body: string, receivedAt: string): NewDelivery {
  const bytes = Buffer.from(body);
  return {
    id: newId('dlv'),
    provider: 'paychant',
    label: null,
    receivedAt,
    method: 'POST',
    path: '/webhooks/paychant',
    query: '',
    headers: [],
    body: bytes,
    size: bytes.length,
    bodySha256: createHash('sha256').update(bytes).digest('hex'),
    remoteAddress: null,
    forwarded: null,
    rejected: null,
  };
}

const derived = (searchText: string) => ({
  eventType: 'CREATED',
  eventId: null,
  parseError: null,
  verification: { status: 'no-secret' as const, candidatesTried: [] },
  normalized: null,
  correlationKeys: [],
  schemaIssues: [],
  reference: null,
  amount: null,
  searchText,
});

describe.each(storeBackends)('store maintenance on $name', (backend) => {
  it('promotes the first remaining copy when pruning an original, and gives space back in steps', async () => {
    opened = await backend.open();
    store = opened.store;
    const body = JSON.stringify({ event: 'CREATED', data: { pid: 'p-1', pad: 'x'.repeat(3000) } });
    const original = delivery(body, '2026-01-01T00:00:00.000Z');
    const retry1 = delivery(body, '2026-03-01T00:00:00.000Z');
    const retry2 = delivery(body, '2026-03-02T00:00:00.000Z');
    const filler = Array.from({ length: 400 }, (_, i) => delivery(JSON.stringify({ n: i, pad: 'y'.repeat(3000) }), '2026-01-02T00:00:00.000Z'));
    await store.deliveries.insertBatch([original, ...filler, retry1, retry2]);
    await store.deliveries.saveDerived([original, ...filler, retry1, retry2].map((d) => ({ id: d.id, derived: derived('text') })));
    expect((await store.deliveries.get(retry2.id))!.duplicateOf).toBe(original.id);

    const deleted = await store.deliveries.pruneReceivedBefore('2026-02-01T00:00:00.000Z', 10_000);
    expect(deleted).toBe(401);
    expect((await store.deliveries.get(retry1.id))!.duplicateOf).toBeNull();
    expect((await store.deliveries.get(retry2.id))!.duplicateOf).toBe(retry1.id);

    // PostgreSQL's autovacuum reuses the space itself (freeFraction 0, nothing to compact).
    if (backend.name === 'sqlite') expect(await store.deliveries.freeFraction()).toBeGreaterThan(0.25);
    while (await store.deliveries.compact());
    expect(await store.deliveries.freeFraction()).toBe(0);
  });

  it('prunes a delivery whole: its keys, its stored form, and its capture when it was never derived', async () => {
    opened = await backend.open();
    store = opened.store;
    const old = delivery('{"event":"A","data":{"pid":"p-old"}}', '2026-01-01T00:00:00.000Z');
    const oldPending = delivery('{"event":"B"}', '2026-01-01T00:00:01.000Z');
    const kept = delivery('{"event":"A","data":{"pid":"p-kept"}}', '2026-03-01T00:00:00.000Z');
    await store.deliveries.insertBatch([old, oldPending, kept]);
    const keyed = (value: string) => ({
      ...derived('text'),
      correlationKeys: [
        { kind: 'pid', value },
        { kind: 'reference', value: 'shared-ref' },
      ],
    });
    await store.deliveries.saveDerived([
      { id: old.id, derived: keyed('p-old') },
      { id: kept.id, derived: keyed('p-kept') },
    ]);
    expect(await store.deliveries.pruneReceivedBefore('2026-02-01T00:00:00.000Z', 10)).toBe(2);

    if (backend.name === 'sqlite') {
      // The file itself: no row of a pruned delivery left behind (on both, its keys find nothing below).
      const db = new Database(join(opened.dataDir, 'gatewatch.db'), { readonly: true });
      const orphans = (table: string, column: string) =>
        db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} NOT IN (SELECT seq FROM deliveries)`).pluck().get();
      expect(orphans('correlation_keys', 'delivery_seq')).toBe(0);
      expect(orphans('delivery_contents', 'seq')).toBe(0);
      expect(orphans('delivery_captures', 'seq')).toBe(0);
      db.close();
    }
    const seqOfKept = (await store.deliveries.get(kept.id))!.seq;
    expect(await store.timeline.deliverySeqsByValues(['shared-ref', 'p-old'], 10)).toEqual([seqOfKept]);
    expect((await store.deliveries.get(kept.id))!.derived!.correlationKeys).toEqual([
      { kind: 'pid', value: 'p-kept' },
      { kind: 'reference', value: 'shared-ref' },
    ]);
  });
});
