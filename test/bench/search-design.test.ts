/**
 * The search design the benchmark relies on, checked for correctness on a seeded store: exact
 * totals below the cap and flagged estimates above it, filter tokens returning exactly what
 * the SQL filters return, time windows turned into seq ranges without losing rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../src-main/store/sqlite/open.js';
import { SqliteDeliveryStore } from '../../src-main/store/sqlite/deliveries.js';
import type { DeliveryQuery } from '../../src-main/store/types.js';
import { buildTemplates } from '../../bench/search/corpus.js';
import { seedDeliveries } from '../../bench/search/seed.js';
import { tempDir } from '../helpers/temp.js';

const COUNT = 12_000;
const FROM = new Date('2026-08-01T00:00:00Z');
const UNTIL = new Date('2026-08-13T00:00:00Z');
const dir = tempDir('gatewatch-search-design-');
let db: Database.Database;
let store: SqliteDeliveryStore;

beforeAll(async () => {
  db = openDatabase(dir.path);
  seedDeliveries(db, await buildTemplates(), { count: COUNT, from: FROM, until: UNTIL });
  store = new SqliteDeliveryStore(db);
});
afterAll(() => {
  db.close();
  dir.remove();
});

/** Every page of a query, following the keyset cursor. */
async function allIds(query: Omit<DeliveryQuery, 'limit'>): Promise<string[]> {
  const ids: string[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await store.list({ ...query, limit: 500, beforeSeq });
    ids.push(...page.items.map((i) => i.id));
    if (!page.hasMore || page.items.length === 0) return ids;
    beforeSeq = page.items[page.items.length - 1]!.seq;
  }
}

const truth = (where: string, params: unknown[] = []) =>
  db
    .prepare(`SELECT id FROM deliveries WHERE ${where} ORDER BY seq DESC`)
    .pluck()
    .all(...params) as string[];

describe('search design on a seeded store', () => {
  it('counts exactly below the cap and flags an estimate above it', async () => {
    const small = await store.list({ provider: 'instap', status: 'underpaid', limit: 10 });
    expect(small.totalIsEstimate).toBe(false);
    expect(small.total).toBe(truth(`provider = 'instap' AND status = 'underpaid'`).length);
    const big = await store.list({ limit: 10 });
    expect(big.totalIsEstimate).toBe(true);
    expect(big.total).toBe(COUNT);
    const word = await store.list({ text: 'usd', limit: 10 });
    const exact = db.prepare(`SELECT count(*) FROM delivery_search WHERE delivery_search MATCH '"usd"'`).pluck().get() as number;
    expect(exact).toBeGreaterThan(5_000);
    expect(word.totalIsEstimate).toBe(true);
    expect(Math.abs(word.total - exact) / exact).toBeLessThan(0.15);
  });

  it('returns through the filter tokens exactly the rows the SQL filters select, in order', async () => {
    const viaTokens = await allIds({ provider: 'paychant', status: 'failed', verification: 'invalid' });
    expect(viaTokens.length).toBeGreaterThan(0);
    expect(viaTokens).toEqual(truth(`provider = 'paychant' AND status = 'failed' AND verification_status = 'invalid'`));
    const withText = await allIds({ text: 'card', eventType: 'PAYMENT_FAILED', provider: 'paychant' });
    expect(withText).toEqual(truth(`provider = 'paychant' AND event_type = 'PAYMENT_FAILED'`));
  });

  it('keeps every row of a time window, and only those', async () => {
    const since = '2026-08-05T00:00:00.000Z';
    const until = '2026-08-06T12:00:00.000Z';
    const window = await allIds({ since, until });
    expect(window).toEqual(truth('received_at >= ? AND received_at <= ?', [since, until]));
    const withText = await allIds({ since, until, text: 'usd', provider: 'calypso' });
    expect(withText.length).toBeGreaterThan(0);
    const expected = new Set(await allIds({ since, until, provider: 'calypso' }));
    const usd = new Set(await allIds({ text: 'usd' }));
    expect(withText).toEqual([...expected].filter((id) => usd.has(id)));
  });

  it('finds pending (underived) rows without the search index, and never by text', async () => {
    db.prepare('UPDATE deliveries SET derived_at = NULL, verification_status = NULL WHERE seq IN (5, 6, 7)').run();
    const pending = await store.list({ verification: 'pending', limit: 10 });
    expect(pending.items.map((i) => i.seq)).toEqual([7, 6, 5]);
    expect(pending.total).toBe(3);
    expect((await store.list({ verification: 'pending', text: 'usd', limit: 10 })).total).toBe(0);
  });
});
