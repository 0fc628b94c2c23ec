/**
 * The session fields the seeds name, each held to what the seed says of it (seed 001 for Instap,
 * seed 000 for InstaXchange). Referenced from the coverage tables in docs/providers.md.
 */
import { describe, expect, it } from 'vitest';
import { instapSessionPayload } from '../../src-shared/sessions/instap.js';
import { instaxchangeSessionPayload } from '../../src-shared/sessions/instaxchange.js';

const instap = (extra: Record<string, unknown>) => instapSessionPayload.safeParse({ userId: 'u-1', userName: 'Ada', ...extra });
const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => (r.success ? [] : r.error!.issues.map((i) => i.path.join('.')));

describe('Instap session fields (seed 001)', () => {
  it('userId and userName are required, 1 to 4000 characters; userNameSurname and userEmail likewise when given', () => {
    expect(paths(instapSessionPayload.safeParse({}))).toEqual(['userId', 'userName']);
    expect(paths(instap({ userId: 'x'.repeat(4001) }))).toEqual(['userId']);
    expect(paths(instap({ userNameSurname: 'Ada Lovelace', userEmail: 'ada@example.com' }))).toEqual([]);
    expect(paths(instap({ userNameSurname: '', userEmail: 'y'.repeat(4001) }))).toEqual(['userNameSurname', 'userEmail']);
  });

  it('sessionDefaultFiatCurrency: USD, EUR, GBP, KRW, BRL and TRY', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'KRW', 'BRL', 'TRY']) expect(paths(instap({ sessionDefaultFiatCurrency: code }))).toEqual([]);
    expect(paths(instap({ sessionDefaultFiatCurrency: 'JPY' }))).toEqual(['sessionDefaultFiatCurrency']);
  });

  it('sessionDefaultLanguage: 2 characters', () => {
    expect(paths(instap({ sessionDefaultLanguage: 'en' }))).toEqual([]);
    expect(paths(instap({ sessionDefaultLanguage: 'eng' }))).toEqual(['sessionDefaultLanguage']);
  });

  it('min/max payment: not below zero, the minimum not above the maximum (defaults 10 and 5000)', () => {
    expect(paths(instap({ minPaymentAmountInUSD: -1 }))).toEqual(['minPaymentAmountInUSD']);
    expect(paths(instap({ minPaymentAmountInUSD: 20, maxPaymentAmountInUSD: 15 }))).toEqual(['minPaymentAmountInUSD']);
    expect(paths(instap({ maxPaymentAmountInUSD: 5 }))).toEqual(['maxPaymentAmountInUSD']);
  });

  it('redirectUrl: a web address', () => {
    expect(paths(instap({ redirectUrl: 'https://shop.example.com/done' }))).toEqual([]);
    expect(paths(instap({ redirectUrl: 'not a url' }))).toEqual(['redirectUrl']);
  });
});

describe('InstaXchange session fields (seed 000)', () => {
  const base = { amountDirection: 'sending', fromAmount: 10, fromCurrency: 'EUR', toCurrency: 'USDT' };
  it('accountRefId, address, webhookRef and returnUrl are optional strings; returnUrl a web address', () => {
    expect(
      paths(instaxchangeSessionPayload.safeParse({ ...base, accountRefId: 'acc-1', address: 'TXyz', webhookRef: 'order-1', returnUrl: 'https://x.example/r' })),
    ).toEqual([]);
    expect(paths(instaxchangeSessionPayload.safeParse({ ...base, returnUrl: 'javascript:alert(1)' }))).toEqual(['returnUrl']);
  });

  it("amountDirection 'sending' needs fromAmount (toAmount computed); 'receiving' needs toAmount", () => {
    expect(paths(instaxchangeSessionPayload.safeParse({ ...base, fromAmount: undefined }))).toEqual(['fromAmount']);
    expect(paths(instaxchangeSessionPayload.safeParse({ ...base, amountDirection: 'receiving', fromAmount: undefined, toAmount: 10 }))).toEqual([]);
    expect(paths(instaxchangeSessionPayload.safeParse({ ...base, amountDirection: 'other' }))).toEqual(['amountDirection']);
  });
});
