/**
 * Issue 13.12: InstaXchange `statusReason` (seed 000: "Do Not Honor" on the failed callback) and
 * OpenXSwitch's wallet balances after a swap (seed 002: `params.wallet.assets[]`, "List of assets
 * and their balances after the swap") are part of the normalized meaning.
 */
import { describe, expect, it } from 'vitest';
import { instaxchangeAdapter } from '../../src-main/providers/instaxchange/index.js';
import { openxswitchAdapter } from '../../src-main/providers/openxswitch/index.js';
import { calypsoAdapter } from '../../src-main/providers/calypso/index.js';
import { delivery } from './helpers.js';
import { instaxchangeCompleted, instaxchangeFailed, openxswitchSwap } from './fixtures.js';

const meaning = (adapter: typeof instaxchangeAdapter, body: string) => adapter.normalize(adapter.parse(delivery(body)));

describe('status reasons', () => {
  it('InstaXchange failed: statusReason "Do Not Honor"', () => {
    expect(meaning(instaxchangeAdapter, instaxchangeFailed).statusReason).toBe('Do Not Honor');
  });

  it('InstaXchange completed: statusReason null is no reason', () => {
    expect(meaning(instaxchangeAdapter, instaxchangeCompleted).statusReason ?? null).toBeNull();
  });

  it('Calypso FIAT_APPLIER_PAYMENT_FAILED: data.reason', () => {
    const body = JSON.stringify({
      requestId: 'r',
      id: 7,
      createdDate: '2022-03-15T12:13:05.909616',
      level: 'WARNING',
      service: 'FIAT_APPLIER',
      eventType: 'FIAT_APPLIER_PAYMENT_FAILED',
      data: { parentExternalId: 88, idempotencyKey: 'k-88', reason: 'Card declined by issuer' },
    });
    expect(meaning(calypsoAdapter, body).statusReason).toBe('Card declined by issuer');
  });
});

describe('balances after a swap', () => {
  it("OpenXSwitch instant_swap.completed: the wallet's assets, exact as received", () => {
    expect(meaning(openxswitchAdapter, openxswitchSwap).balances).toEqual([
      { account: '6812b103908d2d0d49c7ff79', currency: 'USDT', balance: '9', frozen: '0', updatedAt: '2025-05-04T23:58:20.494Z' },
      { account: '6812b103908d2d0d49c7ff79', currency: 'TRX', balance: '26.043', frozen: '0', updatedAt: '2025-05-04T23:58:20.494Z' },
    ]);
  });

  it('none when the event carries no wallet assets', () => {
    const body = JSON.stringify({ requestId: 'r2', method: 'deposit.success', params: { id: 'd1', amount: '5', coin: 'USDT' } });
    expect(meaning(openxswitchAdapter, body).balances ?? []).toEqual([]);
  });
});
