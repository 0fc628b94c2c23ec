/**
 * The PostgreSQL list's text search takes two paths (src-main/store/postgres/delivery-list.ts):
 * matches counted up to the cap in no order, fetched and sorted when there are few of them, walked
 * newest first when there are more. Either way the pages, their order, the cursors and the total
 * must be the SQLite store's: here both backends answer the same queries on the same rows, at the
 * cap, one over it and well under it, with filters and through every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { storeBackends, openTestStore } from '../helpers/store-backends.js';
import { newId } from '../../src-main/store/ids.js';
import type { DeliveryPage, DeliveryQuery, DerivedFields, NewDelivery, Store } from '../../src-main/store/types.js';

const CAP = 5_000;
const ROWS = CAP + 150;

/** Words by row: `atcap` on exactly CAP rows, `overcap` on CAP + 1, `few` on every 500th, `lone` on one. */
function wordsOf(n: number): string[] {
  const words = ['common'];
  if (n < CAP) words.push('atcap');
  if (n >= ROWS - CAP - 1) words.push('overcap');
  if (n % 500 === 7) words.push('few');
  if (n === 4321) words.push('lone');
  return words;
}

async function seed(store: Store): Promise<void> {
  for (let start = 0; start < ROWS; start += 1_000) {
    const news: NewDelivery[] = [];
    const derived: Array<{ id: string; derived: DerivedFields }> = [];
    for (let n = start; n < Math.min(ROWS, start + 1_000); n++) {
      const provider = n % 3 === 0 ? 'calypso' : 'paychant';
      const body = Buffer.from(JSON.stringify({ n, note: wordsOf(n).join(' ') }));
      const id = newId('dlv', Date.parse('2026-10-01T00:00:00Z') + n * 1_000);
      news.push({
        id,
        provider,
        label: null,
        receivedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + n * 1_000).toISOString(),
        method: 'POST',
        path: `/webhooks/${provider}`,
        query: '',
        headers: [['content-type', 'application/json']],
        body,
        size: body.length,
        bodySha256: createHash('sha256').update(body).digest('hex'),
        remoteAddress: '127.0.0.1',
        forwarded: null,
        rejected: null,
      });
      derived.push({
        id,
        derived: {
          eventType: n % 2 === 0 ? 'PAYMENT_COMPLETED' : 'PAYMENT_FAILED',
          eventId: null,
          parseError: null,
          verification: { status: n % 5 === 0 ? 'invalid' : 'valid', candidatesTried: [] },
          normalized: null,
          correlationKeys: [],
          schemaIssues: [],
          reference: null,
          amount: null,
          searchText: [provider, '', n % 2 === 0 ? 'PAYMENT_COMPLETED' : 'PAYMENT_FAILED', body.toString()].join('\n'),
        },
      });
    }
    await store.deliveries.insertBatch(news);
    await store.deliveries.saveDerived(derived);
  }
}

/** Every page of a query, following the cursor: its rows by seq (both stores number them alike) and what else it says. */
async function allPages(store: Store, query: Omit<DeliveryQuery, 'limit' | 'beforeSeq'>, limit: number) {
  const pages: Array<Omit<DeliveryPage, 'items'> & { seqs: number[] }> = [];
  let beforeSeq: number | undefined;
  for (let i = 0; i < 4; i++) {
    const { items, ...rest } = await store.deliveries.list({ ...query, limit, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
    pages.push({ ...rest, seqs: items.map((item) => item.seq) });
    if (!rest.hasMore || items.length === 0) break;
    beforeSeq = items[items.length - 1]!.seq;
  }
  return pages;
}

const QUERIES: Array<{ query: Omit<DeliveryQuery, 'limit' | 'beforeSeq'>; limit: number }> = [
  { query: { text: 'lone' }, limit: 100 },
  { query: { text: 'absentword' }, limit: 100 },
  { query: { text: 'few' }, limit: 3 },
  { query: { text: 'few', provider: 'calypso' }, limit: 2 },
  { query: { text: 'few', eventType: 'PAYMENT_FAILED' }, limit: 2 },
  { query: { text: 'atcap' }, limit: 100 },
  { query: { text: 'atcap', verification: 'invalid' }, limit: 100 },
  { query: { text: 'overcap' }, limit: 100 },
  { query: { text: 'overcap', provider: 'paychant' }, limit: 100 },
  { query: { text: 'common' }, limit: 100 },
  { query: { text: 'common few' }, limit: 4 },
  { query: { text: 'common', since: '2026-10-01T01:00:00.000Z', until: '2026-10-01T01:10:00.000Z' }, limit: 50 },
  { query: { text: 'atcap', since: '2026-10-01T00:30:00.000Z' }, limit: 100 },
];

describe.runIf(storeBackends.length > 1)('text search pages and totals, PostgreSQL as SQLite', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  const stores: Store[] = [];
  beforeAll(async () => {
    for (const backend of storeBackends) {
      const store = await openTestStore(backend, cleanups);
      await seed(store);
      stores.push(store);
    }
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.each(QUERIES)('$query (pages of $limit)', async ({ query, limit }) => {
    const [sqlite, postgres] = await Promise.all(stores.map((store) => allPages(store, query, limit)));
    expect(postgres).toEqual(sqlite);
    expect(sqlite!.length).toBeGreaterThan(0);
  });

  it('counts exactly at the cap and estimates one over it', async () => {
    const postgres = stores[1]!;
    const at = await postgres.deliveries.list({ text: 'atcap', limit: 10 });
    expect(at).toMatchObject({ total: CAP, totalIsEstimate: false, hasMore: true });
    const over = await postgres.deliveries.list({ text: 'overcap', limit: 10 });
    expect(over.totalIsEstimate).toBe(true);
    const few = await postgres.deliveries.list({ text: 'few', limit: 100 });
    expect(few).toMatchObject({ total: Math.ceil((ROWS - 7) / 500), totalIsEstimate: false, hasMore: false });
  });
});
