import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { NewDelivery, Store } from '../../src-main/store/types.js';
import { newId } from '../../src-main/store/ids.js';
import { tempDir } from '../helpers/temp.js';

let store: Store;
let dir: { path: string; remove(): void };
afterEach(async () => {
  await store.close();
  dir.remove();
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

describe('store maintenance', () => {
  it('promotes the first remaining copy when pruning an original, and gives space back in steps', async () => {
    dir = tempDir();
    store = createSqliteStore(dir.path);
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

    expect(await store.deliveries.freeFraction()).toBeGreaterThan(0.25);
    while (await store.deliveries.compact());
    expect(await store.deliveries.freeFraction()).toBe(0);
  });
});
