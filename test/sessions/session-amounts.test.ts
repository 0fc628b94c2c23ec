/**
 * Issue 13.1: session inputs accept JSON numbers. The seeds send numbers
 * (`minPaymentAmountInUSD: 0.5` in the Instap sample, `fromAmount`/`toAmount` documented as
 * `number` for InstaXchange); a decimal string stays exact, a number is taken at its shortest
 * round-trip form, written without an exponent.
 */
import { describe, expect, it } from 'vitest';
import { instapMockDeposit, instapSessionPayload } from '../../src-shared/sessions/instap.js';
import { instaxchangeSessionPayload } from '../../src-shared/sessions/instaxchange.js';
import { calypsoInvoicePayload, openxswitchSwapPayload, paychantWidgetPayload } from '../../src-shared/sessions/others.js';

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message);

describe('amount fields take a number or a decimal string', () => {
  it("accepts the Instap seed's example payload with minPaymentAmountInUSD as a number", () => {
    const seed = {
      userId: 'YOUR_UNIQUE_USER_ID',
      userName: 'YOUR_USER_NAME',
      userNameSurname: 'THE_NAME_AND_SURNAME_OF_YOUR_USER',
      sessionDefaultLanguage: 'en',
      sessionDefaultFiatCurrency: 'USD',
      minPaymentAmountInUSD: 0.5,
    };
    const parsed = instapSessionPayload.safeParse(seed);
    expect(messages(parsed)).toEqual([]);
    expect(parsed.data!.minPaymentAmountInUSD).toBe('0.5');
  });

  it('accepts numbers in every amount field of every session form', () => {
    expect(instaxchangeSessionPayload.parse({ amountDirection: 'sending', fromAmount: 3.74, fromCurrency: 'USD', toCurrency: 'USDT' }).fromAmount).toBe('3.74');
    expect(instaxchangeSessionPayload.parse({ amountDirection: 'receiving', toAmount: 10, fromCurrency: 'USD', toCurrency: 'USDT' }).toAmount).toBe('10');
    expect(openxswitchSwapPayload.parse({ walletId: 'w', fromCoin: 'USDT', fromAmount: 2, toCoin: 'TRX' }).fromAmount).toBe('2');
    expect(calypsoInvoicePayload.parse({ invoiceType: 'single', account: 'a', currency: 'ETH', amount: 0.01 }).amount).toBe('0.01');
    expect(paychantWidgetPayload.parse({ action: 'buy', fiatAmount: 149241, assetAmount: 300 })).toMatchObject({ fiatAmount: '149241', assetAmount: '300' });
    expect(instapMockDeposit.parse({ blockChainCurrency: 'BTC', blockChainAmount: 0.001 }).blockChainAmount).toBe('0.001');
    expect(instapSessionPayload.parse({ userId: 'u', userName: 'n', maxPaymentAmountInUSD: 5000 }).maxPaymentAmountInUSD).toBe('5000');
  });

  it('keeps a decimal string exactly as typed', () => {
    expect(instapSessionPayload.parse({ userId: 'u', userName: 'n', minPaymentAmountInUSD: '12.50' }).minPaymentAmountInUSD).toBe('12.50');
  });

  it('writes very small and very large numbers out without an exponent', () => {
    expect(instapMockDeposit.parse({ blockChainCurrency: 'BTC', blockChainAmount: 1e-7 }).blockChainAmount).toBe('0.0000001');
    expect(instapMockDeposit.parse({ blockChainCurrency: 'BTC', blockChainAmount: 1.5e21 }).blockChainAmount).toBe('1500000000000000000000');
  });

  it('refuses, in words, numbers whose digits a JSON number cannot keep, and negative or non-finite ones', () => {
    const amount = (blockChainAmount: unknown) => messages(instapMockDeposit.safeParse({ blockChainCurrency: 'BTC', blockChainAmount }));
    // biome-ignore lint/correctness/noPrecisionLoss: the point: 2^53 + 1 arrives as 2^53, its last digit already lost
    expect(amount(9007199254740993)[0]).toMatch(/send it as a decimal string/);
    expect(amount(0.30000000000000004)[0]).toMatch(/send it as a decimal string/);
    expect(amount(-1)[0]).toMatch(/not below zero/i);
    expect(amount(Number.POSITIVE_INFINITY)[0]).toMatch(/finite/);
    expect(amount(true)[0]).toMatch(/number or a decimal string/);
  });
});
