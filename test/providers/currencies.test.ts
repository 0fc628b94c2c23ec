/**
 * Issue 13.13: currencies and fiat codes the seeds list are checked; an unknown one is kept and
 * flagged. Lists: Calypso seed 003 (crypto [BNB … USDT_BSC], fiat [USD … ZAR], INVOICE_PAID's
 * fiat [USDT, EUR]); Instap (providers.md: BTC, LTC, USDT_TRON, DOGE, TRON, XRP, ETH, and TRX as
 * the mock hook spells it; fiat per seed 001: USD, EUR, GBP, KRW, BRL, TRY).
 */
import { describe, expect, it } from 'vitest';
import { calypsoAdapter } from '../../src-main/providers/calypso/index.js';
import { instapAdapter } from '../../src-main/providers/instap/index.js';
import { delivery } from './helpers.js';
import { calypsoInvoiceCreated, instapDeposit } from './fixtures.js';
import { calypsoEnvelope, calypsoEventData } from './calypso-events.js';

const read = (adapter: typeof calypsoAdapter, body: string) => {
  const parsed = adapter.parse(delivery(body));
  return { issues: parsed.schemaIssues, amounts: adapter.normalize(parsed).amounts };
};

describe('Calypso currencies', () => {
  it("the seed's own sample raises no currency flag", () => {
    const { issues, amounts } = read(calypsoAdapter, calypsoInvoiceCreated);
    expect(issues).toEqual([]);
    expect(amounts.every((a) => a.currencyListed !== false)).toBe(true);
  });

  it('every seed event example passes the lists', () => {
    for (const [type, data] of Object.entries(calypsoEventData)) {
      expect(read(calypsoAdapter, calypsoEnvelope(type, data)).issues, type).toEqual([]);
    }
  });

  it('an invoice in a crypto currency the seed does not list is kept and flagged', () => {
    const body = calypsoEnvelope('INVOICE_CREATE_INVOICE', { ...calypsoEventData.INVOICE_CREATE_INVOICE, currency: 'SHIB' });
    const { issues, amounts } = read(calypsoAdapter, body);
    expect(issues).toEqual([
      "data.currency: 'SHIB' is not a currency Calypso lists for this event (BNB, BTC, DAI, ETH, FRAX, MATIC, TRX, USDC, USDT, USDT_MATIC, USDT_TRX, USDC_TRX, XDG, USDT_BSC): kept as received",
    ]);
    expect(amounts[0]).toEqual({ role: 'amount', value: '0.01', currency: 'SHIB', currencyListed: false });
  });

  it('fiat codes: fiatCurrency and the keys of a fiatAmount object', () => {
    const body = calypsoEnvelope('INVOICE_EXPIRED', {
      ...calypsoEventData.INVOICE_EXPIRED,
      fiatCurrency: 'XAU',
      fiatAmount: { EUR: 31.994837336, QQQ: 5 },
    });
    const { issues, amounts } = read(calypsoAdapter, body);
    expect(issues.map((i) => i.split(':')[0])).toEqual(['data.fiatCurrency', 'data.fiatAmount.QQQ']);
    expect(issues[1]).toContain("'QQQ' is not a fiat currency Calypso lists");
    expect(amounts.filter((a) => a.role === 'fiat')).toEqual([
      { role: 'fiat', value: '31.994837336', currency: 'EUR' },
      { role: 'fiat', value: '5', currency: 'QQQ', currencyListed: false },
    ]);
  });

  it('compares codes without regard to case, and leaves events without a list alone', () => {
    expect(read(calypsoAdapter, calypsoEnvelope('INVOICE_PAID', { ...calypsoEventData.INVOICE_PAID, currency: 'eth' })).issues).toEqual([]);
    // Fiat orders name no list in the seed: not checked.
    expect(
      read(calypsoAdapter, calypsoEnvelope('FIAT_APPLIER_FIAT_FUNDS_RECEIVED', { ...calypsoEventData.FIAT_APPLIER_FIAT_FUNDS_RECEIVED, fiatCurrency: 'XYZ' }))
        .issues,
    ).toEqual([]);
  });
});

describe('Instap currencies', () => {
  it('the fixture (USDT_TRON, USD and EUR) raises no flag; TRON and TRX are both listed', () => {
    expect(read(instapAdapter, instapDeposit).issues).toEqual([]);
    expect(read(instapAdapter, instapDeposit.replace('"USDT_TRON"', '"TRON"')).issues).toEqual([]);
    expect(read(instapAdapter, instapDeposit.replace('"USDT_TRON"', '"TRX"')).issues).toEqual([]);
  });

  it('an unknown blockchain currency or converted fiat code is kept and flagged', () => {
    const body = instapDeposit.replace('"USDT_TRON"', '"SOL"').replace('"fiatCurrency":"EUR"', '"fiatCurrency":"JPY"');
    const { issues, amounts } = read(instapAdapter, body);
    expect(issues).toEqual([
      "blockChainCurrency: 'SOL' is not a currency Instap lists (BTC, LTC, USDT_TRON, DOGE, TRON, XRP, ETH, TRX): kept as received",
      "convertedAmount.1.fiatCurrency: 'JPY' is not a fiat currency Instap lists (USD, EUR, GBP, KRW, BRL, TRY): kept as received",
    ]);
    expect(amounts.find((a) => a.role === 'blockchain')).toMatchObject({ currency: 'SOL', currencyListed: false });
    expect(amounts.find((a) => a.currency === 'JPY')).toMatchObject({ role: 'converted', currencyListed: false });
  });
});
