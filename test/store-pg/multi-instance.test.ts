/**
 * Several instances in one process on one PostgreSQL database (issue 18, "Several instances"):
 * derivation and the relay queue are shared without doing anything twice, work held by an
 * instance that stopped beating is taken over, and a delivery received by one instance is pushed
 * live to a console of the other. Real stores and a real server; skipped without one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore, type PostgresStoreOptions } from '../../src-main/store/postgres/index.js';
import type { DerivedFields, NewDelivery, Store } from '../../src-main/store/types.js';
import type { RelayRouteRecord } from '../../src-main/store/relay-types.js';
import { newId } from '../../src-main/store/ids.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { paychantDelivery } from '../helpers/store.js';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { postgresBackend } from '../helpers/store-backends.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database of its own, dropped after the test (after its stores closed: cleanups run in reverse). */
async function database(): Promise<string> {
  const url = await createTestDatabase();
  cleanups.push(() => dropTestDatabase(url));
  return url;
}

async function instance(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const store = await openPostgresStore(url, { log: () => {}, ...options });
  cleanups.push(() => store.close());
  return store;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const derived = (text: string): DerivedFields => ({
  eventType: 'PAYMENT_COMPLETED',
  eventId: null,
  parseError: null,
  verification: { status: 'no-secret', candidatesTried: [] },
  normalized: null,
  correlationKeys: [],
  schemaIssues: [],
  reference: null,
  amount: null,
  searchText: text,
});

const route = (): RelayRouteRecord => ({
  id: newId('rlr'),
  provider: 'paychant',
  label: null,
  url: 'http://127.0.0.1:9/hooks',
  mode: 'queue',
  timeoutMs: 1000,
  concurrency: 4,
  schedule: { kind: 'default' },
  simulate: null,
  pausedAt: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});

function queued(routeId: string): NewDelivery {
  const d = paychantDelivery(`{"event":"PAYMENT_COMPLETED","data":{"pid":"${newId('p')}"}}`);
  d.relay = { jobId: newId('rjb'), routeId, mode: 'queue', state: 'pending', runAt: new Date().toISOString(), maxAttempts: 3, answered: { status: 200 } };
  return d;
}

/** Resolves once `count` callers have called `arrive`. */
function barrier(count: number): { arrive(): Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive() {
      if (++arrived === count) open();
      return all;
    },
  };
}

/**
 * Derives as the derivation worker does, a batch at a time with some work between claim and save,
 * until none is left; `firstClaims` holds each instance after its first claim until all have claimed.
 */
async function deriveAll(store: Store, firstClaims?: { arrive(): Promise<void> }): Promise<string[]> {
  const done: string[] = [];
  for (let round = 0; ; round++) {
    const batch = await store.deliveries.pendingDerivation(7);
    // On a loaded machine one instance could otherwise claim everything before the other's first claim.
    if (round === 0 && firstClaims) await firstClaims.arrive();
    if (batch.length === 0) return done;
    await pause(3);
    await store.deliveries.saveDerived(batch.map((d) => ({ id: d.id, derived: derived(`derived ${d.id}`) })));
    done.push(...batch.map((d) => d.id));
  }
}

/** Sends queued jobs as the relay worker does (claim, send, record delivered) until none is due. */
async function relayAll(store: Store, routeId: string): Promise<string[]> {
  const sent: string[] = [];
  for (;;) {
    const now = new Date().toISOString();
    const jobs = await store.relay.claimDue(routeId, now, 3, 'worker');
    if (jobs.length === 0) return sent;
    await pause(3);
    await store.relay.record(
      jobs.map((job) => ({ attempt: null, update: { jobId: job.id, state: 'delivered', attempts: 1, runAt: now, lastError: null, finishedAt: now } })),
    );
    sent.push(...jobs.map((j) => j.deliveryId));
  }
}

/**
 * Resolves once a claim waits on another's uncommitted claim row. Polled on a connection of its
 * own outside any transaction: inside one, pg_stat_activity's list of backends holds still.
 */
async function waitForClaimWaiting(url: string): Promise<void> {
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  try {
    for (const started = Date.now(); Date.now() - started < 10_000; await pause(10)) {
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO derivation_claims%'`,
      );
      if (rows[0]!.n > 0) return;
    }
    throw new Error('no claim came to wait on the other claim within 10 s');
  } finally {
    await watcher.end();
  }
}

const duplicatesIn = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe.skipIf(sharedCluster() === null)('several instances on one PostgreSQL database', () => {
  it('derive concurrently without deriving any delivery twice, and together derive all', { timeout: 60_000 }, async () => {
    const url = await database();
    const [a, b] = [await instance(url), await instance(url)];
    const batch = Array.from({ length: 300 }, (_, i) => paychantDelivery(`{"event":"PAYMENT_COMPLETED","n":${i}}`));
    for (let i = 0; i < batch.length; i += 50) await (i % 100 === 0 ? a : b).deliveries.insertBatch(batch.slice(i, i + 50));

    const firstClaims = barrier(2);
    const [byA, byB] = await Promise.all([deriveAll(a, firstClaims), deriveAll(b, firstClaims)]);
    expect(duplicatesIn([...byA, ...byB])).toEqual([]);
    expect(new Set([...byA, ...byB])).toEqual(new Set(batch.map((d) => d.id)));
    // Both took part (claims skip what the other holds rather than waiting for it).
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect(await a.deliveries.pendingDerivation(10)).toEqual([]);
  });

  it('take the rows after one another instance claimed while this claim was under way', { timeout: 30_000 }, async () => {
    const url = await database();
    const a = await instance(url);
    const b = await instance(url);
    const [first, second] = [paychantDelivery('{"n":1}'), paychantDelivery('{"n":2}')];
    await a.deliveries.insertBatch([first, second]);
    // a's claim of the first row, not yet committed: b's claim, its snapshot taken without it, meets it and waits.
    const aClaim = new pg.Client({ connectionString: url });
    await aClaim.connect();
    cleanups.push(() => aClaim.end());
    await aClaim.query('BEGIN');
    await aClaim.query('INSERT INTO derivation_claims (seq, instance) SELECT seq, $1 FROM deliveries WHERE id = $2', [a.coordination!.instanceId, first.id]);
    const claim = b.deliveries.pendingDerivation(1);
    await waitForClaimWaiting(url);
    await aClaim.query('COMMIT');
    // Before: the claim came back empty (first claimed by a, second never looked at) and b stopped deriving.
    expect((await claim).map((d) => d.id)).toEqual([second.id]);
  });

  it('share the relay queue without sending a job twice, each claim naming its instance', { timeout: 60_000 }, async () => {
    const url = await database();
    const [a, b] = [await instance(url), await instance(url)];
    const r = route();
    await a.relay.putRoute(r);
    const batch = Array.from({ length: 120 }, () => queued(r.id));
    await a.deliveries.insertBatch(batch.slice(0, 60));
    await b.deliveries.insertBatch(batch.slice(60));

    const [byA, byB] = await Promise.all([relayAll(a, r.id), relayAll(b, r.id)]);
    expect(duplicatesIn([...byA, ...byB])).toEqual([]);
    expect(new Set([...byA, ...byB])).toEqual(new Set(batch.map((d) => d.id)));
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    const jobs = await a.relay.jobsForDeliveries(batch.map((d) => d.id));
    expect(jobs.every((j) => j.state === 'delivered')).toBe(true);

    // A live instance's claims are left alone by the other's start and sweeps.
    await a.deliveries.insertBatch([queued(r.id)]);
    const [held] = await a.relay.claimDue(r.id, new Date().toISOString(), 1, 'worker');
    expect(held!.lockedBy).toBe(a.coordination!.instanceId);
    expect(await b.relay.releaseLocks('another-worker')).toBe(0);
    expect(await b.coordination!.takeOver('gone', new Date().toISOString())).toEqual({ relayClaims: 0, passthroughs: 0 });
    expect(await b.relay.claimDue(r.id, new Date().toISOString(), 10, 'worker')).toEqual([]);
  });

  it('take over the derivations, queued sends and passthroughs of an instance that stopped beating', { timeout: 60_000 }, async () => {
    const url = await database();
    // Taken for dead after a second without a beat; the survivor beats often, the other once (at start) and never again.
    const survivor = await instance(url, { timing: { heartbeatMs: 200, staleAfterMs: 1_000 } });
    const dying = await instance(url, { timing: { heartbeatMs: 600_000, staleAfterMs: 1_000 } });
    const r = route();
    await survivor.relay.putRoute(r);
    const toDerive = Array.from({ length: 10 }, (_, i) => paychantDelivery(`{"event":"PAYMENT_COMPLETED","m":${i}}`));
    const toRelay = Array.from({ length: 5 }, () => queued(r.id));
    const passthrough = queued(r.id);
    passthrough.relay = { ...passthrough.relay!, mode: 'passthrough', state: 'sending', answered: null };
    await dying.deliveries.insertBatch([...toDerive, ...toRelay, passthrough]);

    const claimedByDying = await dying.deliveries.pendingDerivation(100);
    expect(claimedByDying.map((d) => d.id)).toEqual([...toDerive, ...toRelay, passthrough].map((d) => d.id));
    const sendsOfDying = await dying.relay.claimDue(r.id, new Date().toISOString(), 10, 'worker');
    expect(sendsOfDying).toHaveLength(5);
    // While it lives, what it holds is its own.
    expect(await survivor.deliveries.pendingDerivation(100)).toEqual([]);
    expect(await survivor.relay.claimDue(r.id, new Date().toISOString(), 10, 'worker')).toEqual([]);

    await pause(2_200);
    const taken = await survivor.coordination!.takeOver('the instance waiting for the backend stopped', new Date().toISOString());
    expect(taken).toEqual({ relayClaims: 5, passthroughs: 1 });
    expect((await survivor.relay.jobsForDeliveries([passthrough.id]))[0]).toMatchObject({
      state: 'failed',
      lastError: 'the instance waiting for the backend stopped',
    });
    expect((await relayAll(survivor, r.id)).sort()).toEqual(toRelay.map((d) => d.id).sort());
    expect((await deriveAll(survivor)).sort()).toEqual([...toDerive, ...toRelay, passthrough].map((d) => d.id).sort());
    expect(await survivor.deliveries.pendingDerivation(100)).toEqual([]);
    // The silent one saving late what it had claimed (it was only paused) changes nothing: each was derived once, by the survivor.
    await dying.deliveries.saveDerived(claimedByDying.map((d) => ({ id: d.id, derived: derived('saved late') })));
    expect((await survivor.deliveries.list({ limit: 50, text: 'late' })).items).toEqual([]);
    expect((await survivor.deliveries.list({ limit: 50, text: 'derived' })).total).toBe(claimedByDying.length);
  });

  describe('live pushes', () => {
    let a: TestConsole;
    let b: TestConsole;
    afterEach(async () => {
      // B first, keeping the database; A's close drops it.
      await b?.close({ keepData: true });
      await a?.close();
    });

    it('push a delivery received by instance A to a subscriber of instance B, then its derivation', { timeout: 60_000 }, async () => {
      a = await startTestConsole({ backend: postgresBackend({ timing: { heartbeatMs: 500, staleAfterMs: 5_000 } }) });
      // The same database (and data dir, for the shared secrets key), opened by a second instance.
      b = await startTestConsole({ opened: a.opened! });
      expect(b.gatewatch.store.coordination!.instanceId).not.toBe(a.gatewatch.store.coordination!.instanceId);

      const heardByB: PushEvent[] = [];
      b.gatewatch.bus.subscribe((event) => heardByB.push(event));
      const response = await a.post('/webhooks/paychant', '{"event":"PAYMENT_COMPLETED","data":{"pid":"cross-1"}}');
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };

      await expect.poll(() => heardByB.some((e) => e.type === 'deliveries.received' && e.ids.includes(id)), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => heardByB.some((e) => e.type === 'deliveries.updated' && e.ids.includes(id)), { timeout: 10_000 }).toBe(true);
      // What B was told about, B's API shows, derived.
      const { status, body } = await b.api<{ id: string; eventType: string | null }>('deliveries.get', { id });
      expect(status).toBe(200);
      expect(body).toMatchObject({ id, eventType: 'PAYMENT_COMPLETED' });
      expect(heardByB.filter((e) => e.type === 'deliveries.received' && e.ids.includes(id))).toHaveLength(1);

      // A long list of ids goes in several messages (a NOTIFY holds a few kB), all of it arriving; a saved view is said too.
      const many = Array.from({ length: 250 }, (_, i) => `dlv_many_${i}`);
      a.gatewatch.bus.publish({ type: 'deliveries.received', ids: many });
      const heardMany = () => heardByB.flatMap((e) => (e.type === 'deliveries.received' ? e.ids : [])).filter((i) => i.startsWith('dlv_many_'));
      await expect.poll(() => heardMany().length, { timeout: 5_000 }).toBe(250);
      expect(new Set(heardMany())).toEqual(new Set(many));
      const saved = await a.api<{ id: string }>('views.save', { name: 'seen from B', filter: {} });
      expect(saved.status).toBe(200);
      await expect.poll(() => heardByB.some((e) => e.type === 'views.changed'), { timeout: 5_000 }).toBe(true);
      // What B hears from A is not sent back to A as if it were B's.
      const heardByA: PushEvent[] = [];
      a.gatewatch.bus.subscribe((event) => heardByA.push(event));
      a.gatewatch.bus.publish({ type: 'deliveries.updated', ids: ['dlv_echo'] });
      await expect.poll(() => heardByB.some((e) => e.type === 'deliveries.updated' && e.ids.includes('dlv_echo')), { timeout: 5_000 }).toBe(true);
      await pause(300);
      expect(heardByA.filter((e) => e.type === 'deliveries.updated' && e.ids.includes('dlv_echo'))).toHaveLength(1);
    });
  });
});
