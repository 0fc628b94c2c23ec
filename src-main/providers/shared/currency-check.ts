/**
 * Checks received currency codes against what the provider's documents list. Nothing is refused:
 * an unlisted code becomes a schema note in words and its amount is marked `currencyListed: false`.
 */
import type { z } from 'zod';
import type { Amount } from '../../../src-shared/domain/normalized.js';
import { isListed, unlistedWords, type CurrencyList } from '../../../src-shared/providers/currencies.js';
import { isJsonObject } from './lossless-json.js';

/** Adds a note at `path` when `code` is a string the list does not hold. */
export function checkCode(ctx: z.RefinementCtx, list: CurrencyList | null, code: unknown, path: (string | number)[]): void {
  if (list && typeof code === 'string' && code.trim() !== '' && !isListed(list, code)) {
    ctx.addIssue({ code: 'custom', path, message: unlistedWords(list, code) });
  }
}

/** The keys of a `{"EUR": 31.99, "USD": 36.84}` object are fiat codes. */
export function checkCodeKeys(ctx: z.RefinementCtx, list: CurrencyList | null, value: unknown, path: (string | number)[]): void {
  if (!isJsonObject(value)) return;
  for (const key of Object.keys(value)) checkCode(ctx, list, key, [...path, key]);
}

/** Marks amounts whose currency the list for their role does not hold (no list: left as they are). */
export function markListed(amounts: Amount[], listFor: (role: string) => CurrencyList | null): Amount[] {
  return amounts.map((amount) => {
    const list = listFor(amount.role);
    return list && amount.currency !== null && !isListed(list, amount.currency) ? { ...amount, currencyListed: false } : amount;
  });
}
