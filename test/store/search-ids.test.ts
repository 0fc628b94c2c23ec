/**
 * Issue 16.3: search that recognises ids (README "Search", src-main/store/search-semantics.ts),
 * as every store backend must keep it: a one-word text finds the deliveries of the keys it is the
 * start of, and names the key it equals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import { newId } from '../../src-main/store/ids.js';
import type { DeliveryQuery, DerivedFields, NewDelivery, Store } from '../../src-main/store/types.js';
import type { CorrelationKey } from '../../src-shared/domain/normalized.js';
import { KEY_PREFIX_LIMIT } from '../../src-main/store/search-semantics.js';

let opened: OpenedStore | null = null;
afterEach(async () => {
  await opened?.store.close();
  await opened?.remove();
  opened = null;
});

interface Made {
  body: string;
  keys: CorrelationKey[];
  provider?: 'paychant' | 'calypso';
}

/** Stores and derives deliveries with these keys and bodies (search text as derive.ts makes it); their ids, in order. */
async function seed(store: Store, made: Made[]): Promise<string[]> {
  const news: NewDelivery[] = made.map((m) => {
    const body = Buffer.from(m.body);
    const provider = m.provider ?? 'paychant';
    return {
      id: newId('dlv'),
      provider,
      label: null,
      receivedAt: new Date().toISOString(),
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
    };
  });
  await store.deliveries.insertBatch(news);
  await store.deliveries.saveDerived(
    news.map((d, i) => {
      const { keys, body, provider = 'paychant' } = made[i]!;
      const derived: DerivedFields = {
        eventType: 'PAYMENT_COMPLETED',
        eventId: null,
        parseError: null,
        verification: { status: 'valid', candidatesTried: [] },
        normalized: null,
        correlationKeys: keys,
        schemaIssues: [],
        reference: keys[0]?.value ?? null,
        amount: null,
        searchText: [provider, '', 'PAYMENT_COMPLETED', ...keys.map((k) => k.value), body].join('\n'),
      };
      return { id: d.id, derived };
    }),
  );
  return news.map((d) => d.id);
}

const key = (kind: string, value: string): CorrelationKey => ({ kind, value });
const body = (ref: string) => JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { transactionRef: ref, note: 'bank transfer' } });

describe.each(storeBackends)('search that recognises ids, on $name', (backend) => {
  const list = (query: Omit<DeliveryQuery, 'limit'>) => opened!.store.deliveries.list({ limit: 100, ...query });
  const ids = async (query: Omit<DeliveryQuery, 'limit'>) => (await list(query)).items.map((i) => i.id);

  it('finds a delivery by the start of its id, in any case, with filters, and lists the keys it starts', async () => {
    opened = await backend.open();
    const [first, second, other] = await seed(opened.store, [
      { body: body('7CMJS1Q90GS79AB'), keys: [key('transactionRef', '7CMJS1Q90GS79AB'), key('pid', 'pid-7CMJS1Q90GS79AB')] },
      { body: body('7CMJS1Q90GS79AC'), keys: [key('transactionRef', '7CMJS1Q90GS79AC')] },
      { body: body('8XYZ00000000'), keys: [key('transactionRef', '8XYZ00000000')], provider: 'calypso' },
    ]);
    for (const q of ['7CMJS1Q9', '7cmjs1q9', '7CMJS1Q90GS79A']) {
      expect(await ids({ text: q }), q).toEqual([second, first]);
      const page = await list({ text: q });
      expect(page.total).toBe(2);
      expect(page.keyPrefix).toEqual({
        keys: [key('transactionRef', '7CMJS1Q90GS79AB'), key('transactionRef', '7CMJS1Q90GS79AC')],
        tooMany: false,
      });
      expect(page.matchedKey ?? null).toBeNull();
    }
    // The filters still apply, through the index's filter tokens too (provider + status + verification).
    expect(await ids({ text: '7CMJS1Q9', provider: 'calypso' })).toEqual([]);
    expect(await ids({ text: '7CMJS1Q9', provider: 'paychant', verification: 'valid', eventType: 'PAYMENT_COMPLETED' })).toEqual([second, first]);
    // A value with punctuation, by its start.
    expect(await ids({ text: 'pid-7CMJS1' })).toEqual([first]);
    expect(other).toBeTruthy();
  });

  it('names the key a one-word text equals (as typed, upper or lower case), with its kind', async () => {
    opened = await backend.open();
    const [mixed, lower] = await seed(opened.store, [
      { body: body('7CMJS1Q90GS79AB'), keys: [key('transactionRef', '7CMJS1Q90GS79AB')] },
      { body: '{"session":"sess_a1b2c3d4"}', keys: [key('sessionId', 'sess_a1b2c3d4')] },
    ]);
    const exact = await list({ text: '7CMJS1Q90GS79AB' });
    expect(exact.matchedKey).toEqual(key('transactionRef', '7CMJS1Q90GS79AB'));
    expect(exact.items.map((i) => i.id)).toEqual([mixed]);
    expect((await list({ text: ' 7cmjs1q90gs79ab ' })).matchedKey).toEqual(key('transactionRef', '7CMJS1Q90GS79AB'));
    expect((await list({ text: 'SESS_A1B2C3D4' })).matchedKey).toEqual(key('sessionId', 'sess_a1b2c3d4'));
    expect(await ids({ text: 'SESS_A1B2C3D4' })).toEqual([lower]);
    // Short keys are named too (only the start of keys needs 6 characters).
    await seed(opened.store, [{ body: '{"invoice":2101}', keys: [key('invoiceId', '2101')] }]);
    expect((await list({ text: '2101' })).matchedKey).toEqual(key('invoiceId', '2101'));
    // Not one word, or not a key: none.
    expect((await list({ text: '7CMJS1Q90GS79AB transfer' })).matchedKey ?? null).toBeNull();
    expect((await list({ text: '7CMJS1Q90GS79' })).matchedKey ?? null).toBeNull();
    expect((await list({ text: 'transfer' })).matchedKey ?? null).toBeNull();
    expect((await list({})).matchedKey ?? null).toBeNull();
  });

  it('keeps words as they were: several words, short words and a typed * are not looked up as the start of ids', async () => {
    opened = await backend.open();
    const [id] = await seed(opened.store, [{ body: body('7CMJS1Q90GS79AB'), keys: [key('transactionRef', '7CMJS1Q90GS79AB')] }]);
    expect(await ids({ text: '7CMJS' })).toEqual([]);
    expect((await list({ text: '7CMJS' })).keyPrefix ?? null).toBeNull();
    expect(await ids({ text: '7CMJS1Q9 transfer' })).toEqual([]);
    expect((await list({ text: '7CMJS1Q9 transfer' })).keyPrefix ?? null).toBeNull();
    expect(await ids({ text: 'bank transfer' })).toEqual([id]);
    // The index's own prefix search, asked for with *, as before.
    expect(await ids({ text: '7CMJS*' })).toEqual([id]);
    expect((await list({ text: '7CMJS1Q9*' })).keyPrefix ?? null).toBeNull();
  });

  it('does not look for a fragment from the middle of an id (README "Search" says why)', async () => {
    opened = await backend.open();
    await seed(opened.store, [{ body: body('7CMJS1Q90GS79AB'), keys: [key('transactionRef', '7CMJS1Q90GS79AB')] }]);
    expect(await ids({ text: 'S1Q90G' })).toEqual([]);
    expect((await list({ text: 'S1Q90G' })).keyPrefix).toEqual({ keys: [], tooMany: false });
  });

  it(`adds no key when more than ${KEY_PREFIX_LIMIT} values start with the text, and says so`, async () => {
    opened = await backend.open();
    // INV20260000 … INV20260049, and INV20261000: 51 values start with INV2026, 50 with INV20260.
    const refs = [...Array.from({ length: KEY_PREFIX_LIMIT }, (_, n) => `INV20260${String(n).padStart(3, '0')}`), 'INV20261000'];
    const made = refs.map((ref) => ({ body: body(ref), keys: [key('invoiceId', ref)] }));
    const seeded = await seed(opened.store, made);
    const page = await list({ text: 'INV2026' });
    expect(page.keyPrefix).toEqual({ keys: [], tooMany: true });
    expect(page.items).toEqual([]);
    // More of it: few enough again.
    const narrower = await list({ text: 'INV20260001' });
    expect(narrower.keyPrefix?.keys.map((k) => k.value)).toEqual(['INV20260001']);
    expect(narrower.items.map((i) => i.id)).toEqual([seeded[1]]);
    expect(narrower.matchedKey).toEqual(key('invoiceId', 'INV20260001'));
    const fifty = await list({ text: 'INV20260' });
    expect(fifty.keyPrefix?.tooMany).toBe(false);
    expect(fifty.keyPrefix?.keys).toHaveLength(KEY_PREFIX_LIMIT);
    expect(fifty.total).toBe(KEY_PREFIX_LIMIT);
  });
});
