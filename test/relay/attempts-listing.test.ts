/** RelayStore.listAttempts on every store backend: newest first across deliveries and retries, keyset pages, filters. */
import { afterEach, describe, expect, it } from 'vitest';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import type { NewDelivery, Store } from '../../src-main/store/types.js';
import type { RelayAttemptCursor, RelayAttemptListed, RelayAttemptQuery, RelayRecord, RelayRouteRecord } from '../../src-main/store/relay-types.js';
import { newId } from '../../src-main/store/ids.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const route = (label: string): RelayRouteRecord => ({
  id: newId('rlr'),
  provider: 'paychant',
  label,
  url: `http://127.0.0.1:9/${label}`,
  mode: 'queue',
  timeoutMs: 1000,
  concurrency: 2,
  schedule: { kind: 'default' },
  simulate: null,
  pausedAt: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});

function queued(routeId: string): NewDelivery {
  const d = paychantDelivery(`{"event":"PAYMENT_COMPLETED","data":{"pid":"${newId('p')}"}}`);
  d.relay = { jobId: newId('rjb'), routeId, mode: 'queue', state: 'pending', runAt: '2026-01-01T00:00:00.000Z', maxAttempts: 5, answered: { status: 200 } };
  return d;
}

const at = (second: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + second * 1000).toISOString();

/** A try of `d` started at `second`; its id says which, for reading failures. */
function tryOf(d: NewDelivery, number: number, second: number): RelayRecord {
  const startedAt = at(second);
  return {
    attempt: {
      id: `rla_${d.id}_${number}`,
      deliveryId: d.id,
      jobId: d.relay!.jobId,
      routeId: d.relay!.routeId,
      mode: 'queue',
      url: 'http://127.0.0.1:9/hooks',
      number,
      startedAt,
      finishedAt: startedAt,
      durationMs: 4,
      outcome: 'failed',
      response: null,
      error: 'connection refused',
      sentHeaders: [],
    },
    update: { jobId: d.relay!.jobId, state: 'pending', attempts: number, runAt: startedAt, lastError: 'connection refused', finishedAt: null },
  };
}

async function setup(backend: StoreBackend): Promise<{ store: Store; a: RelayRouteRecord; b: RelayRouteRecord }> {
  const store = await openTestStore(backend, cleanups);
  const a = route('a');
  const b = route('b');
  await store.relay.putRoute(a);
  await store.relay.putRoute(b);
  return { store, a, b };
}

/** Every page of `query` read with `before` from each page's last row. */
async function allPages(store: Store, query: Omit<RelayAttemptQuery, 'before'>): Promise<RelayAttemptListed[][]> {
  const pages: RelayAttemptListed[][] = [];
  let before: RelayAttemptCursor | undefined;
  for (;;) {
    const page = await store.relay.listAttempts({ ...query, before });
    if (page.length > 0) pages.push(page);
    const last = page[page.length - 1];
    if (page.length < query.limit || !last) return pages;
    before = { startedAt: last.startedAt, seq: last.seq };
  }
}

describe.each(storeBackends)('relay attempts listing on $name', (backend) => {
  it('lists newest first by when each try started: a later retry of an older delivery comes before a newer delivery', async () => {
    const { store, a } = await setup(backend);
    const older = queued(a.id);
    const newer = queued(a.id);
    await store.deliveries.insertBatch([older, newer]);
    // Recorded in the order the tries ended, not started: a slow first try of `newer` is recorded last.
    await store.relay.record([tryOf(older, 1, 10)]);
    await store.relay.record([tryOf(older, 2, 70)]);
    await store.relay.record([tryOf(older, 3, 130)]);
    await store.relay.record([tryOf(newer, 1, 20)]);
    const listed = await store.relay.listAttempts({ limit: 10 });
    expect(listed.map((x) => [x.deliveryId, x.number, x.startedAt])).toEqual([
      [older.id, 3, at(130)],
      [older.id, 2, at(70)],
      [newer.id, 1, at(20)],
      [older.id, 1, at(10)],
    ]);
    // The whole attempt as recorded, with the store's seq.
    expect(listed[0]).toMatchObject({ id: `rla_${older.id}_3`, routeId: a.id, error: 'connection refused', response: null });
    expect(typeof listed[0]!.seq).toBe('number');
  });

  it('pages with `before` through every try exactly once, in order, ties at one instant included', async () => {
    const { store, a, b } = await setup(backend);
    const ds = Array.from({ length: 8 }, (_, i) => queued(i % 3 === 0 ? b.id : a.id));
    await store.deliveries.insertBatch(ds);
    // Three tries each: at 10s apart per delivery, the retries of old deliveries overlapping the first
    // tries of new ones; every fourth delivery's tries share instants with another's (seq decides).
    const records: RelayRecord[] = [];
    ds.forEach((d, i) => {
      const start = i % 4 === 3 ? (i - 1) * 7 : i * 7;
      for (let n = 1; n <= 3; n++) records.push(tryOf(d, n, start + (n - 1) * 20));
    });
    // Recorded in an order unlike the times, in batches of a few.
    const shuffled = records.map((r, i) => ({ r, key: (i * 7) % records.length })).sort((x, y) => x.key - y.key);
    for (let i = 0; i < shuffled.length; i += 5) await store.relay.record(shuffled.slice(i, i + 5).map((x) => x.r));

    const whole = await store.relay.listAttempts({ limit: 1000 });
    expect(whole).toHaveLength(24);
    // Newest first; equal instants by seq, highest first; seqs unique.
    for (let i = 1; i < whole.length; i++) {
      const prev = whole[i - 1]!;
      const cur = whole[i]!;
      expect(prev.startedAt > cur.startedAt || (prev.startedAt === cur.startedAt && prev.seq > cur.seq)).toBe(true);
    }
    expect(whole.filter((x, i) => i > 0 && x.startedAt === whole[i - 1]!.startedAt).length).toBeGreaterThan(0);

    for (const limit of [1, 3, 5, 7, 24, 25]) {
      const pages = await allPages(store, { limit });
      expect(pages.every((p) => p.length <= limit)).toBe(true);
      expect(pages.flat().map((x) => x.id)).toEqual(whole.map((x) => x.id));
    }
    // The same by route: each route's tries once, in the whole listing's order.
    for (const r of [a, b]) {
      const expected = whole.filter((x) => x.routeId === r.id).map((x) => x.id);
      expect(expected.length).toBeGreaterThan(0);
      expect((await allPages(store, { routeId: r.id, limit: 4 })).flat().map((x) => x.id)).toEqual(expected);
    }
  });

  it('filters by route, by delivery and by both, and keeps to the limit', async () => {
    const { store, a, b } = await setup(backend);
    const onA = queued(a.id);
    const onB = queued(b.id);
    const alsoA = queued(a.id);
    await store.deliveries.insertBatch([onA, onB, alsoA]);
    await store.relay.record([tryOf(onA, 1, 1), tryOf(onB, 1, 2), tryOf(alsoA, 1, 3), tryOf(onA, 2, 4), tryOf(onB, 2, 5), tryOf(alsoA, 2, 6)]);
    const ids = (xs: RelayAttemptListed[]) => xs.map((x) => x.id);

    expect(ids(await store.relay.listAttempts({ routeId: a.id, limit: 10 }))).toEqual([
      `rla_${alsoA.id}_2`,
      `rla_${onA.id}_2`,
      `rla_${alsoA.id}_1`,
      `rla_${onA.id}_1`,
    ]);
    expect(ids(await store.relay.listAttempts({ routeId: b.id, limit: 10 }))).toEqual([`rla_${onB.id}_2`, `rla_${onB.id}_1`]);
    expect(ids(await store.relay.listAttempts({ deliveryId: onA.id, limit: 10 }))).toEqual([`rla_${onA.id}_2`, `rla_${onA.id}_1`]);
    expect(ids(await store.relay.listAttempts({ deliveryId: onA.id, routeId: a.id, limit: 10 }))).toEqual([`rla_${onA.id}_2`, `rla_${onA.id}_1`]);
    // A delivery and a route it was not relayed on; a delivery that does not exist; a route without tries.
    expect(await store.relay.listAttempts({ deliveryId: onA.id, routeId: b.id, limit: 10 })).toEqual([]);
    expect(await store.relay.listAttempts({ deliveryId: 'dlv_missing', limit: 10 })).toEqual([]);
    expect(await store.relay.listAttempts({ routeId: 'rlr_missing', limit: 10 })).toEqual([]);

    expect(ids(await store.relay.listAttempts({ limit: 2 }))).toEqual([`rla_${alsoA.id}_2`, `rla_${onB.id}_2`]);
    expect(ids(await store.relay.listAttempts({ routeId: a.id, limit: 1 }))).toEqual([`rla_${alsoA.id}_2`]);
    expect(await store.relay.listAttempts({ limit: 0 })).toEqual([]);
    // A deleted route's tries stay listed, unfiltered and by its id.
    await store.relay.deleteRoute(b.id, 'route deleted', new Date().toISOString());
    expect(ids(await store.relay.listAttempts({ limit: 3 }))).toEqual([`rla_${alsoA.id}_2`, `rla_${onB.id}_2`, `rla_${onA.id}_2`]);
    expect(ids(await store.relay.listAttempts({ routeId: b.id, limit: 10 }))).toEqual([`rla_${onB.id}_2`, `rla_${onB.id}_1`]);
    // `before` with the delivery filter: the rest of its tries.
    const [first] = await store.relay.listAttempts({ deliveryId: onB.id, limit: 1 });
    expect(ids(await store.relay.listAttempts({ deliveryId: onB.id, limit: 10, before: { startedAt: first!.startedAt, seq: first!.seq } }))).toEqual([
      `rla_${onB.id}_1`,
    ]);
  });
});
