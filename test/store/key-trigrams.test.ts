/**
 * SQLite's trigram index of correlation key values (src-main/store/sqlite/key-trigrams.ts) stays
 * exactly what the stored keys make it, through derivation, derivation again and retention, and
 * migration 015 fills it in place on a store made before it. "Exactly": every trigram's rowids in
 * the index are those of an index filled afresh from correlation_keys and the stored forms.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import type { StoredDetail } from '../../src-main/store/codec/delivery-forms.js';
import { KEY_SLOTS } from '../../src-main/store/sqlite/key-trigrams.js';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { DerivedFields, Store } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';
import type { CorrelationKey } from '../../src-shared/domain/normalized.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function derivedWith(keys: CorrelationKey[]): DerivedFields {
  return {
    eventType: 'PAYMENT_COMPLETED',
    eventId: null,
    parseError: null,
    verification: { status: 'valid', candidatesTried: [] },
    normalized: null,
    correlationKeys: keys,
    schemaIssues: [],
    reference: keys[0]?.value ?? null,
    amount: null,
    searchText: ['paychant', '', 'PAYMENT_COMPLETED', ...keys.map((k) => k.value)].join('\n'),
  };
}

/** One delivery stored and derived with these keys; its id. */
async function seedOne(store: Store, keys: CorrelationKey[]): Promise<string> {
  const delivery = paychantDelivery(JSON.stringify({ keys }));
  await store.deliveries.insertBatch([delivery]);
  await store.deliveries.saveDerived([{ id: delivery.id, derived: derivedWith(keys) }]);
  return delivery.id;
}

/** Each trigram's rowids in `table`, as MATCH finds them. */
function postings(db: Database.Database, schema: 'main' | 'temp', table: string): Map<string, number[]> {
  db.exec(`DROP TABLE IF EXISTS temp.vocab; CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(${schema}, ${table}, row)`);
  const terms = db.prepare('SELECT term FROM temp.vocab ORDER BY term').pluck().all() as string[];
  const match = db.prepare(`SELECT rowid FROM ${schema}.${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck();
  return new Map(terms.map((term) => [term, match.all(`"${term.replaceAll('"', '""')}"`) as number[]]));
}

/**
 * The index as the keys make it, worked out here on its own: each distinct value of 6+ characters
 * at its earliest delivery's seq × KEY_SLOTS + its rank among that delivery's values.
 */
function expectedPostings(db: Database.Database): Map<string, number[]> {
  db.exec(`DROP TABLE IF EXISTS temp.expected;
    CREATE VIRTUAL TABLE temp.expected USING fts5(value, content = '', detail = none, columnsize = 0, tokenize = 'trigram case_sensitive 0')`);
  const owners = db.prepare('SELECT value, min(delivery_seq) AS seq FROM correlation_keys GROUP BY value').all() as Array<{ value: string; seq: number }>;
  const formOf = db.prepare('SELECT form FROM delivery_contents WHERE seq = ?').pluck();
  const insert = db.prepare('INSERT INTO temp.expected (rowid, value) VALUES (?, ?)');
  for (const { value, seq } of owners) {
    const keys = decodeDelivery<StoredDetail>(formOf.get(seq) as Buffer).detail?.correlationKeys ?? [];
    const rank = [...new Set(keys.map((k) => k.value))].sort().indexOf(value);
    if ([...value].length >= 6 && rank < KEY_SLOTS) insert.run(seq * KEY_SLOTS + rank, value);
  }
  return postings(db, 'temp', 'expected');
}

function expectIndexInStep(file: string) {
  const db = new Database(file);
  try {
    const expected = expectedPostings(db);
    expect(expected.size).toBeGreaterThan(0);
    expect(postings(db, 'main', 'key_trigrams')).toEqual(expected);
  } finally {
    db.close();
  }
}

const key = (kind: string, value: string): CorrelationKey => ({ kind, value });
const future = () => new Date(Date.now() + 60_000).toISOString();

describe('the SQLite trigram index of key values', () => {
  it('stays in step through derivation, derivation again and retention', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const store = createSqliteStore(dir.path);
    cleanups.push(() => store.close());
    const file = join(dir.path, 'gatewatch.db');
    // Shared wallets, values of their own, a short value, one value under two kinds.
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const keys = [key('walletId', `WALLET-SHARED-${n % 3}`), key('reference', `REF-${n}-ABCDEFG`), key('pid', `p${n}`)];
      if (n % 4 === 0) keys.push(key('sessionId', `REF-${n}-ABCDEFG`));
      ids.push(await seedOne(store, keys));
      await sleep(3);
    }
    expectIndexInStep(file);

    // Derived again: one keeps a wallet and gains a value another delivery has; one loses its wallet.
    for (const [id, keys] of [
      [ids[1]!, [key('walletId', 'WALLET-SHARED-1'), key('reference', 'REF-7-ABCDEFG'), key('reference', 'REF-NEW-0001')]],
      [ids[0]!, [key('reference', 'REF-0-ABCDEFG')]],
    ] as const) {
      expect(await store.deliveries.markForRederive({ id })).toBe(1);
      await store.deliveries.pendingDerivation(10);
      await store.deliveries.saveDerived([{ id, derived: derivedWith([...keys]) }]);
    }
    expectIndexInStep(file);
    const lookup = async (text: string) => (await store.deliveries.list({ text, limit: 50 })).keyPrefix?.keys.map((k) => k.value);
    expect(await lookup('SHARED-0')).toEqual(['WALLET-SHARED-0']);
    expect(await lookup('7-ABCDEF')).toEqual(['REF-7-ABCDEFG']);

    // Retention, a few at a time: ownership moves on to the next delivery with the value.
    for (const count of [1, 3, 4]) {
      await store.deliveries.pruneReceivedBefore(future(), count);
      expectIndexInStep(file);
    }
    expect(await lookup('F-0-ABCDEF')).toEqual([]);
    expect(await lookup('SHARED-0')).toEqual(['WALLET-SHARED-0']);
    expect(await lookup('11-ABCDEF')).toEqual(['REF-11-ABCDEFG']);
    await store.deliveries.pruneReceivedBefore(future(), 100);
    expect(await lookup('SHARED-0')).toEqual([]);
    const db = new Database(file);
    expect(postings(db, 'main', 'key_trigrams').size).toBe(0);
    db.close();
  });

  it('stays in step when derived again with a value that sorts before two it had (their ranks shift up one)', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const store = createSqliteStore(dir.path);
    cleanups.push(() => store.close());
    const id = await seedOne(store, [key('paymentId', 'pay_ABCDEF12'), key('refundId', 'ref_ABCDEF99')]);
    const lookup = async (text: string) => (await store.deliveries.list({ text, limit: 50 })).keyPrefix?.keys.map((k) => k.value);
    expect(await lookup('ABCDEF12')).toEqual(['pay_ABCDEF12']);
    expect(await store.deliveries.markForRederive({ id })).toBe(1);
    await store.deliveries.pendingDerivation(10);
    const keys = [key('orderId', 'ord_000001'), key('paymentId', 'pay_ABCDEF12'), key('refundId', 'ref_ABCDEF99')];
    await store.deliveries.saveDerived([{ id, derived: derivedWith(keys) }]);
    expectIndexInStep(join(dir.path, 'gatewatch.db'));
    expect(await lookup('ABCDEF12')).toEqual(['pay_ABCDEF12']);
    expect(await lookup('ABCDEF99')).toEqual(['ref_ABCDEF99']);
  });

  it('is filled in place by migration 015 on a store made before it', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const file = join(dir.path, 'gatewatch.db');
    const before = createSqliteStore(dir.path);
    for (let n = 0; n < 30; n++) {
      await seedOne(before, [key('walletId', `WALLET-${n % 4}-0000`), key('transactionRef', `7CMJS${String(n).padStart(2, '0')}Q90GS79AB`)]);
    }
    await before.close();
    // The store as the release before 015 left it: the same tables, less the index.
    const db = new Database(file);
    db.exec('DROP TABLE key_trigrams');
    db.prepare('DELETE FROM schema_migrations WHERE version = 15').run();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'key_trigrams'").pluck().get()).toBe(0);
    db.close();

    const store = createSqliteStore(dir.path);
    cleanups.push(() => store.close());
    expectIndexInStep(file);
    const page = await store.deliveries.list({ text: '07Q90GS7', limit: 50 });
    expect(page.keyPrefix?.keys).toEqual([key('transactionRef', '7CMJS07Q90GS79AB')]);
    expect(page.total).toBe(1);
    expect((await store.deliveries.list({ text: 'LET-3-00', limit: 50 })).keyPrefix?.keys).toEqual([key('walletId', 'WALLET-3-0000')]);
  });
});
