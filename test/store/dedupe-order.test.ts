/**
 * Dedupe links do not depend on the order deliveries are derived in: a provider retry derived
 * before its original (PostgreSQL commits out of seq order; the worker rescans from the first
 * pending row) ends up pointing to the original all the same, as if derived in seq order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import type { Store } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';
import { copiesByBody, copiesByEvent, derivedFor, type DedupeCopy as Copy } from '../helpers/dedupe-copies.js';

let opened: OpenedStore | null = null;
afterEach(async () => {
  await opened?.store.close();
  await opened?.remove();
  opened = null;
});

/** Stores the copies one by one, so their seqs follow the list; their ids, in order. */
async function receive(store: Store, copies: Copy[]): Promise<string[]> {
  const ids: string[] = [];
  for (const copy of copies) {
    const delivery = paychantDelivery(copy.body);
    await store.deliveries.insertBatch([delivery]);
    ids.push(delivery.id);
  }
  return ids;
}

/** Derives the copies batch by batch, each batch a list of indexes into `copies`, as the worker saves them. */
async function derive(store: Store, ids: string[], copies: Copy[], batches: number[][]): Promise<void> {
  for (const batch of batches) await store.deliveries.saveDerived(batch.map((i) => ({ id: ids[i]!, derived: derivedFor(copies[i]!) })));
}

const linksOf = async (store: Store, ids: string[]) => Promise.all(ids.map(async (id) => (await store.deliveries.get(id))!.duplicateOf));

/** Every order of 0..n-1. */
const orders = (n: number): number[][] =>
  n === 0 ? [[]] : orders(n - 1).flatMap((order) => Array.from({ length: n }, (_, at) => [...order.slice(0, at), n - 1, ...order.slice(at)]));

const byEvent = (): Copy[] => copiesByEvent(3);
const byBody = (): Copy[] => copiesByBody(3);

describe.each(storeBackends)('dedupe links independent of derivation order on $name', (backend) => {
  it('points a retry derived before its original to the original (same event id, and same body)', async () => {
    opened = await backend.open();
    const { store } = opened;
    for (const copiesOf of [byEvent, byBody]) {
      const copies = copiesOf().slice(0, 2);
      const [original, retry] = await receive(store, copies);
      await derive(store, [original!, retry!], copies, [[1], [0]]);
      expect(await linksOf(store, [original!, retry!])).toEqual([null, original]);
    }
  });

  it('reports the copies it re-points to an original derived after them, and none when derived in seq order', async () => {
    opened = await backend.open();
    const { store } = opened;
    const save = async (ids: string[], copies: Copy[], i: number) =>
      (await store.deliveries.saveDerived([{ id: ids[i]!, derived: derivedFor(copies[i]!) }])).repointed;
    for (const copiesOf of [byEvent, byBody]) {
      const late = copiesOf().slice(0, 2);
      const lateIds = await receive(store, late);
      expect(await save(lateIds, late, 1), 'the retry first').toEqual([]);
      expect(await save(lateIds, late, 0), 'then its original').toEqual([lateIds[1]]);
      const inOrder = copiesOf().slice(0, 2);
      const inOrderIds = await receive(store, inOrder);
      expect(await save(inOrderIds, inOrder, 0), 'the original first').toEqual([]);
      expect(await save(inOrderIds, inOrder, 1), 'then its retry').toEqual([]);
      // Three copies, last first: the middle one re-points the last, the first both.
      const three = copiesOf();
      const threeIds = await receive(store, three);
      expect(await save(threeIds, three, 2)).toEqual([]);
      expect(await save(threeIds, three, 1)).toEqual([threeIds[2]]);
      expect(new Set(await save(threeIds, three, 0))).toEqual(new Set([threeIds[1], threeIds[2]]));
      expect(await linksOf(store, threeIds)).toEqual([null, threeIds[0], threeIds[0]]);
    }
  });

  it('points every copy to the lowest-seq one whichever order three copies are derived in, one per batch', async () => {
    opened = await backend.open();
    const { store } = opened;
    for (const copiesOf of [byEvent, byBody]) {
      for (const order of orders(3)) {
        const copies = copiesOf();
        const ids = await receive(store, copies);
        await derive(
          store,
          ids,
          copies,
          order.map((i) => [i]),
        );
        expect(await linksOf(store, ids), `derived in the order ${order.join(', ')}`).toEqual([null, ids[0], ids[0]]);
      }
    }
  });

  it('links copies saved in one batch, in either order, and a later batch among them', async () => {
    opened = await backend.open();
    const { store } = opened;
    for (const copiesOf of [byEvent, byBody]) {
      for (const order of orders(3)) {
        const copies = copiesOf();
        const ids = await receive(store, copies);
        await derive(store, ids, copies, [order]);
        expect(await linksOf(store, ids), `one batch in the order ${order.join(', ')}`).toEqual([null, ids[0], ids[0]]);
      }
      for (const batches of [
        [[2, 1], [0]],
        [[1], [2, 0]],
        [[2], [0, 1]],
        [[0, 2], [1]],
      ]) {
        const copies = copiesOf();
        const ids = await receive(store, copies);
        await derive(store, ids, copies, batches);
        expect(await linksOf(store, ids), `batches ${JSON.stringify(batches)}`).toEqual([null, ids[0], ids[0]]);
      }
    }
  });

  it('ends as derived in seq order when event ids and bodies disagree, whatever the order and batches', async () => {
    opened = await backend.open();
    const { store } = opened;
    // An event id match comes before a body match. (The parsers read the event id from the body; these
    // are set apart to see which match wins.)
    const mix = (tag: number): Copy[] =>
      [
        ['b2', null],
        ['b1', 'e1'],
        ['b1', null],
        ['b2', 'e1'],
        ['b1', 'e2'],
        ['b2', 'e2'],
        ['b2', null],
      ].map(([body, eventId]) => ({ body: `{"body":"${body}-${tag}"}`, eventId: eventId === null ? null : `${eventId}-${tag}` }));
    const asIndexes = (links: Array<string | null>, ids: string[]) => links.map((link) => (link === null ? null : ids.indexOf(link)));
    const inOrder = mix(0);
    const inOrderIds = await receive(store, inOrder);
    await derive(store, inOrderIds, inOrder, [[0, 1, 2, 3, 4, 5, 6]]);
    const expected = asIndexes(await linksOf(store, inOrderIds), inOrderIds);
    expect(expected).toEqual([null, null, 1, 1, 1, 4, 0]);
    // A fixed sequence (a Lehmer generator), so a failure names the same orders every run.
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let tag = 1; tag <= 24; tag++) {
      const order = [0, 1, 2, 3, 4, 5, 6].sort(() => random() - 0.5);
      const batches: number[][] = [];
      for (const i of order) {
        if (batches.length > 0 && random() < 0.5) batches[batches.length - 1]!.push(i);
        else batches.push([i]);
      }
      const copies = mix(tag);
      const ids = await receive(store, copies);
      await derive(store, ids, copies, batches);
      expect(asIndexes(await linksOf(store, ids), ids), `batches ${JSON.stringify(batches)}`).toEqual(expected);
    }
  });

  it('leaves other events and bodies alone', async () => {
    opened = await backend.open();
    const { store } = opened;
    const copies: Copy[] = [
      { body: '{"event":"PAID","id":"evt-2"}', eventId: 'evt-2' },
      { body: '{"event":"PAID","id":"evt-3"}', eventId: 'evt-3' },
      { body: '{"event":"PAID","ref":"r-1"}', eventId: null },
      { body: '{"event":"PAID","ref":"r-2"}', eventId: null },
      { body: '{"event":"PAID","id":"evt-2","attempt":1}', eventId: 'evt-2' },
    ];
    const ids = await receive(store, copies);
    await derive(store, ids, copies, [[4], [3, 2], [1], [0]]);
    expect(await linksOf(store, ids)).toEqual([null, null, null, null, ids[0]]);
  });
});
