/**
 * Issue 16.3: search that recognises ids (README "Search", src-main/store/search-semantics.ts),
 * as every store backend must keep it: a one-word text finds the deliveries of the keys it is the
 * start of or is inside of, and names the key it equals.
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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
        keys: [key('transactionRef', '7CMJS1Q90GS79AB'), key('transactionRef', '7CMJS1Q90GS79AC'), key('pid', 'pid-7CMJS1Q90GS79AB')],
        tooMany: false,
        // pid-7CMJS… holds the word further in: listed after the values it starts.
        containing: 1,
        moreContaining: false,
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

  it('finds a word from the middle of an id, in any case, and lists those keys after the ones it starts', async () => {
    opened = await backend.open();
    const [first, second, mixed] = await seed(opened.store, [
      { body: body('7CMJS1Q90GS79AB'), keys: [key('transactionRef', '7CMJS1Q90GS79AB')] },
      { body: body('X1Q90GS79-01'), keys: [key('transactionRef', 'Q90GS79-01'), key('sessionId', 'sess-1q90gs79')] },
      { body: '{"pid":"x"}', keys: [key('pid', 'Pid-7cMjS1q90')] },
    ]);
    for (const q of ['1Q90GS79', '1q90gs79', '1Q90gS79']) {
      const page = await list({ text: q });
      expect(page.keyPrefix, q).toEqual({
        keys: [key('transactionRef', '7CMJS1Q90GS79AB'), key('sessionId', 'sess-1q90gs79')],
        tooMany: false,
        containing: 2,
        moreContaining: false,
      });
      expect(page.items.map((i) => i.id)).toEqual([second, first]);
    }
    // The values it starts come first (here Q90GS79-01), then those holding it, by value.
    expect((await list({ text: 'Q90GS79' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['Q90GS79-01', '7CMJS1Q90GS79AB', 'sess-1q90gs79']);
    // A stored value in mixed case, by its start in a case none of the three forms has.
    const pid = await list({ text: 'PID-7CMJS1' });
    expect(pid.keyPrefix).toEqual({ keys: [key('pid', 'Pid-7cMjS1q90')], tooMany: false, containing: 1, moreContaining: false });
    expect(pid.items.map((i) => i.id)).toEqual([mixed]);
    // All its trigrams, but apart: not a match.
    expect((await list({ text: '7CMJS1X' })).keyPrefix?.keys).toEqual([]);
  });

  it('takes %, _ and \\ in the word literally', async () => {
    opened = await backend.open();
    const [percent, underscore] = await seed(opened.store, [
      { body: '{"a":1}', keys: [key('reference', 'ORDER-50%OFF-7781')] },
      { body: '{"a":2}', keys: [key('reference', 'ORDER_50_OFF_7781')] },
      { body: '{"a":3}', keys: [key('reference', 'ORDERX50XOFFX7781')] },
      { body: '{"a":4}', keys: [key('reference', 'PATH\\50\\OFF')] },
    ]);
    // (The words' own search may find more: only the keys are the lookup's.)
    expect((await list({ text: 'R-50%OFF' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['ORDER-50%OFF-7781']);
    expect((await list({ text: 'R_50_OFF' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['ORDER_50_OFF_7781']);
    expect((await list({ text: 'R-50%OFF' })).items.map((i) => i.id)).toContain(percent);
    expect((await list({ text: 'R_50_OFF' })).items.map((i) => i.id)).toContain(underscore);
    expect((await list({ text: '-50%OF' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['ORDER-50%OFF-7781']);
    expect((await list({ text: '_50_OFF' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['ORDER_50_OFF_7781']);
    expect((await list({ text: 'H\\50\\OF' })).keyPrefix?.keys.map((k) => k.value)).toEqual(['PATH\\50\\OFF']);
  });

  it('names no value holding the word when more than the limit leaves room for do', async () => {
    opened = await backend.open();
    // 3 values start with PAY777; 48 more hold it: 51 in all (one word each, so that the text search finds none of them).
    const refs = [
      ...Array.from({ length: 3 }, (_, n) => `PAY777${n}A`),
      ...Array.from({ length: KEY_PREFIX_LIMIT - 2 }, (_, n) => `X${String(n).padStart(2, '0')}PAY777Y`),
    ];
    const made = refs.map((ref) => ({ body: body(ref), keys: [key('reference', ref)] }));
    // The first apart and earlier: retention takes it first.
    await seed(opened.store, made.slice(0, 1));
    await sleep(5);
    await seed(opened.store, made.slice(1));
    const page = await list({ text: 'PAY777' });
    expect(page.keyPrefix).toEqual({
      keys: refs.slice(0, 3).map((ref) => key('reference', ref)),
      tooMany: false,
      containing: 0,
      moreContaining: true,
    });
    expect(page.total).toBe(3);
    // One fewer: all 50 are named, and their deliveries found.
    await opened.store.deliveries.pruneReceivedBefore(new Date(Date.now() + 60_000).toISOString(), 1);
    const fifty = await list({ text: 'PAY777' });
    expect(fifty.keyPrefix?.keys).toHaveLength(KEY_PREFIX_LIMIT);
    expect(fifty.keyPrefix?.containing).toBe(KEY_PREFIX_LIMIT - 2);
    expect(fifty.total).toBe(KEY_PREFIX_LIMIT);
  });

  it('forgets a value once no delivery has it, and finds a shared one while any does', async () => {
    opened = await backend.open();
    const made: Made[] = [
      { body: '{"n":1}', keys: [key('walletId', 'wallet-ABCDEF123'), key('reference', 'REF-ONLY-ONE-111')] },
      { body: '{"n":2}', keys: [key('walletId', 'wallet-ABCDEF123'), key('reference', 'REF-ONLY-TWO-222')] },
      { body: '{"n":3}', keys: [key('reference', 'REF-ONLY-THREE-333')] },
    ];
    // One at a time, so that retention takes them in this order.
    const seeded: string[] = [];
    for (const one of made) {
      seeded.push(...(await seed(opened.store, [one])));
      await sleep(5);
    }
    const third = seeded[2];
    const middle = async (word: string) => (await list({ text: word })).keyPrefix?.keys.map((k) => k.value);
    expect(await middle('ABCDEF12')).toEqual(['wallet-ABCDEF123']);
    expect(await middle('ONLY-ONE')).toEqual(['REF-ONLY-ONE-111']);
    // The oldest goes: its own value with it, the shared one stays (the next delivery's now).
    await opened.store.deliveries.pruneReceivedBefore(new Date(Date.now() + 60_000).toISOString(), 1);
    expect(await middle('ONLY-ONE')).toEqual([]);
    expect(await middle('ABCDEF12')).toEqual(['wallet-ABCDEF123']);
    expect((await list({ text: 'ABCDEF12' })).total).toBe(1);
    await opened.store.deliveries.pruneReceivedBefore(new Date(Date.now() + 60_000).toISOString(), 1);
    expect(await middle('ABCDEF12')).toEqual([]);
    expect(await middle('ONLY-THREE')).toEqual(['REF-ONLY-THREE-333']);
    expect((await list({ text: 'ONLY-THREE' })).items.map((i) => i.id)).toEqual([third]);
  });

  it('follows a delivery derived again with other keys', async () => {
    opened = await backend.open();
    const [first] = await seed(opened.store, [{ body: '{"n":1}', keys: [key('reference', 'OLD-VALUE-123456'), key('walletId', 'SHARED-WALLET-99')] }]);
    const [second] = await seed(opened.store, [{ body: '{"n":2}', keys: [key('walletId', 'SHARED-WALLET-99')] }]);
    const derivedAgain: DerivedFields = {
      eventType: 'PAYMENT_COMPLETED',
      eventId: null,
      parseError: null,
      verification: { status: 'valid', candidatesTried: [] },
      normalized: null,
      correlationKeys: [key('reference', 'NEW-VALUE-654321')],
      schemaIssues: [],
      reference: 'NEW-VALUE-654321',
      amount: null,
      searchText: 'paychant\n\nPAYMENT_COMPLETED\nNEW-VALUE-654321',
    };
    // Derived again as the pipeline does it (after a secret changes): marked, claimed, saved.
    expect(await opened.store.deliveries.markForRederive({ id: first! })).toBe(1);
    expect((await opened.store.deliveries.pendingDerivation(10)).map((d) => d.id)).toEqual([first]);
    await opened.store.deliveries.saveDerived([{ id: first!, derived: derivedAgain }]);
    const middle = async (word: string) => (await list({ text: word })).keyPrefix?.keys.map((k) => k.value);
    expect(await middle('VALUE-123')).toEqual([]);
    expect(await middle('VALUE-654')).toEqual(['NEW-VALUE-654321']);
    expect(await middle('RED-WALLET')).toEqual(['SHARED-WALLET-99']);
    expect((await list({ text: 'RED-WALLET' })).items.map((i) => i.id)).toEqual([second]);
  });

  it(`adds no key when more than ${KEY_PREFIX_LIMIT} values start with the text, and says so`, async () => {
    opened = await backend.open();
    // INV20260000 … INV20260049, and INV20261000: 51 values start with INV2026, 50 with INV20260.
    const refs = [...Array.from({ length: KEY_PREFIX_LIMIT }, (_, n) => `INV20260${String(n).padStart(3, '0')}`), 'INV20261000'];
    const made = refs.map((ref) => ({ body: body(ref), keys: [key('invoiceId', ref)] }));
    const seeded = await seed(opened.store, made);
    const page = await list({ text: 'INV2026' });
    expect(page.keyPrefix).toEqual({ keys: [], tooMany: true, containing: 0, moreContaining: false });
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
