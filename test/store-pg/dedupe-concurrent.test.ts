/**
 * Dedupe links when two instances on one PostgreSQL database save an original and its retry in
 * overlapping transactions: each save reads only committed rows, so without serializing saves
 * that share an event id or body neither would see the other and the retry would stay unlinked.
 * Real stores and a real server; skipped without one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src-main/store/postgres/index.js';
import type { Store } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';
import { copiesByBody, copiesByEvent, derivedFor, type DedupeCopy as Copy } from '../helpers/dedupe-copies.js';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two instances (a pool each) on a database of their own, dropped after the test. */
async function twoInstances(): Promise<[Store, Store]> {
  const url = await createTestDatabase();
  cleanups.push(() => dropTestDatabase(url));
  const open = async () => {
    const store = await openPostgresStore(url, { log: () => {} });
    cleanups.push(() => store.close());
    return store;
  };
  return [await open(), await open()];
}

/** Stores the copies in one batch (as the listener does, before any is derived), so their seqs follow the list; their ids. */
async function receive(store: Store, copies: Copy[]): Promise<string[]> {
  const rows = copies.map((copy) => paychantDelivery(copy.body));
  await store.deliveries.insertBatch(rows);
  return rows.map((d) => d.id);
}

const linksOf = async (store: Store, ids: string[]) => Promise.all(ids.map(async (id) => (await store.deliveries.get(id))!.duplicateOf));

const byEvent = (): Copy[] => copiesByEvent(2);
const byBody = (): Copy[] => copiesByBody(2);

const ROUNDS = 40;

describe.skipIf(sharedCluster() === null)('dedupe links saved by two instances at once on one PostgreSQL database', () => {
  it('links every retry to its original when the two are saved concurrently by two instances', { timeout: 60_000 }, async () => {
    const [a, b] = await twoInstances();
    const unlinked: string[] = [];
    for (let n = 0; n < ROUNDS; n++) {
      const copiesOf = n % 2 === 0 ? byEvent : byBody;
      const copies = copiesOf();
      const ids = await receive(a, copies);
      // Either instance may save either copy: alternate which one saves the original.
      const [first, second] = n % 4 < 2 ? [a, b] : [b, a];
      await Promise.all([
        first.deliveries.saveDerived([{ id: ids[0]!, derived: derivedFor(copies[0]!) }]),
        second.deliveries.saveDerived([{ id: ids[1]!, derived: derivedFor(copies[1]!) }]),
      ]);
      const links = await linksOf(a, ids);
      if (links[0] !== null || links[1] !== ids[0]) unlinked.push(`round ${n} (${copiesOf.name}): ${JSON.stringify(links)}`);
    }
    expect(unlinked).toEqual([]);
  });

  it('links copies when each instance saves copies of the other one’s originals, without a deadlock', { timeout: 60_000 }, async () => {
    const [a, b] = await twoInstances();
    const unlinked: string[] = [];
    for (let n = 0; n < ROUNDS / 2; n++) {
      // Two originals then their retries; each instance saves one original and the other's retry,
      // listed in opposite orders, so their keys come in opposite orders too.
      const [x, y, z, w] = [byEvent(), byEvent(), byBody(), byBody()];
      const copies = [x[0]!, y[0]!, z[0]!, w[0]!, x[1]!, y[1]!, z[1]!, w[1]!];
      const ids = await receive(a, copies);
      const item = (i: number) => ({ id: ids[i]!, derived: derivedFor(copies[i]!) });
      await Promise.all([a.deliveries.saveDerived([item(0), item(5), item(2), item(7)]), b.deliveries.saveDerived([item(6), item(3), item(4), item(1)])]);
      const links = await linksOf(a, ids);
      const expected = [null, null, null, null, ids[0], ids[1], ids[2], ids[3]];
      if (JSON.stringify(links) !== JSON.stringify(expected)) unlinked.push(`round ${n}: ${JSON.stringify(links)}`);
    }
    expect(unlinked).toEqual([]);
  });
});
