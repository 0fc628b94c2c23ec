/**
 * The currency and fiat codes the provider documents list, as data: adapters check received
 * codes against them (an unknown code is kept and flagged, never refused), and docs/providers.md
 * names them. Providers whose documents list no codes for a field are not checked there.
 */
import { instapFiatCurrencies, instapMockCurrencies } from '../sessions/instap.js';

export interface CurrencyList {
  /** "currency" or "fiat currency", as the flag words it. */
  noun: string;
  /** Who lists it, and for what ("Calypso lists for this event"). */
  listedBy: string;
  codes: readonly string[];
}

/** Seed 003: the crypto currencies of invoices. */
export const calypsoCryptoCurrencies = [
  'BNB',
  'BTC',
  'DAI',
  'ETH',
  'FRAX',
  'MATIC',
  'TRX',
  'USDC',
  'USDT',
  'USDT_MATIC',
  'USDT_TRX',
  'USDC_TRX',
  'XDG',
  'USDT_BSC',
] as const;

/** Seed 003: the fiat currencies of invoices (INVOICE_CREATE_INVOICE, INVOICE_EXPIRED). */
export const calypsoFiatCurrencies = [
  'USD',
  'EUR',
  'RUB',
  'AED',
  'ARS',
  'AUD',
  'AZN',
  'BOB',
  'BRL',
  'BYN',
  'CAD',
  'CLP',
  'COP',
  'CRC',
  'CZK',
  'EGP',
  'GHS',
  'GTQ',
  'HKD',
  'HNL',
  'IDR',
  'INR',
  'JPY',
  'KES',
  'KHR',
  'KRW',
  'KZT',
  'MMK',
  'MXN',
  'MYR',
  'NGN',
  'NOK',
  'NZD',
  'PEN',
  'PHP',
  'PLN',
  'RON',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TRY',
  'TWD',
  'UAH',
  'UGX',
  'UZS',
  'VES',
  'VND',
  'XAF',
  'XOF',
  'ZAR',
] as const;

/** Seed 003: INVOICE_PAID and INVOICE_MEMPOOL_FOUND list only these as the fiat currency "if it was set in fiat". */
export const calypsoPaidFiatCurrencies = ['USDT', 'EUR'] as const;

/** Calypso invoice events whose seed table lists the crypto currencies. */
const CALYPSO_CRYPTO_LISTED = new Set([
  'INVOICE_CREATE_INVOICE',
  'INVOICE_CREATE_UNLIMITED_INVOICE',
  'INVOICE_FUNDS_RECEIVED_FOR_INVOICE',
  'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED',
  'INVOICE_EXPIRED',
  'INVOICE_PAID',
  'INVOICE_MEMPOOL_FOUND',
]);
const CALYPSO_PAID_FIAT = new Set(['INVOICE_PAID', 'INVOICE_MEMPOOL_FOUND']);
/** Fiat orders (FIAT_APPLIER_*) name no list in the seed: their fiat codes are not checked. */
const CALYPSO_FIAT_UNLISTED_PREFIX = 'FIAT_APPLIER_';

/** Which lists apply to a Calypso event's `currency` and its fiat codes (null: the seed lists none). */
export function calypsoCurrencyLists(eventType: string | null): { crypto: CurrencyList | null; fiat: CurrencyList | null } {
  const type = eventType ?? '';
  const listedBy = 'Calypso lists for this event';
  const crypto = CALYPSO_CRYPTO_LISTED.has(type) ? { noun: 'currency', listedBy, codes: calypsoCryptoCurrencies } : null;
  const fiat = type.startsWith(CALYPSO_FIAT_UNLISTED_PREFIX)
    ? null
    : { noun: 'fiat currency', listedBy, codes: CALYPSO_PAID_FIAT.has(type) ? calypsoPaidFiatCurrencies : calypsoFiatCurrencies };
  return { crypto, fiat };
}

/** Instap notifications (providers.md): TRON as notifications write it, TRX as the mock hook does. */
export const instapBlockchainCurrencies: CurrencyList = {
  noun: 'currency',
  listedBy: 'Instap lists',
  codes: [...new Set(['BTC', 'LTC', 'USDT_TRON', 'DOGE', 'TRON', 'XRP', 'ETH', ...instapMockCurrencies])],
};

/** Seed 001: the session fiat currencies, also what `convertedAmount[].fiatCurrency` can name. */
export const instapConvertedFiat: CurrencyList = { noun: 'fiat currency', listedBy: 'Instap lists', codes: instapFiatCurrencies };

export function isListed(list: CurrencyList, code: string): boolean {
  const wanted = code.trim().toUpperCase();
  return list.codes.some((c) => c.toUpperCase() === wanted);
}

/** The flag's words: the code as received, and the list it is not in. */
export function unlistedWords(list: CurrencyList, code: string): string {
  return `'${code}' is not a ${list.noun} ${list.listedBy} (${list.codes.join(', ')}): kept as received`;
}
