/**
 * Builders for normalized amounts, parties and correlation keys from the lossless tree. They
 * skip what carries no information (nulls, blanks, masked placeholders like `*****`) and keep
 * values exactly as received.
 */
import type { Amount, CorrelationKey, Party } from '../../../src-shared/domain/normalized.js';
import { decimalOf, isPlaceholder, textOf } from './json-path.js';

export function amount(role: string, value: unknown, currency: unknown): Amount[] {
  const decimal = decimalOf(value);
  if (decimal === null) return [];
  const cur = textOf(currency);
  return [{ role, value: decimal, currency: cur && !isPlaceholder(cur) ? cur : null }];
}

export function party(role: string, kind: Party['kind'], value: unknown): Party[] {
  const text = textOf(value);
  if (text === null || isPlaceholder(text)) return [];
  return [{ role, kind, value: text }];
}

/** Collects correlation keys; arrays add one key per element; duplicates are dropped. */
export class KeyCollector {
  private readonly seen = new Set<string>();
  private readonly list: CorrelationKey[] = [];

  add(kind: string, value: unknown): this {
    if (Array.isArray(value)) {
      for (const v of value) this.add(kind, v);
      return this;
    }
    const text = textOf(value)?.trim();
    if (!text || isPlaceholder(text)) return this;
    const id = `${kind}\u0000${text}`;
    if (!this.seen.has(id)) {
      this.seen.add(id);
      this.list.push({ kind, value: text });
    }
    return this;
  }

  keys(): CorrelationKey[] {
    return [...this.list];
  }
}

/** Drops repeated parties / amounts (the same wallet in `data` and `invoiceData`, say). */
export function uniqueBy<T>(items: T[], key: (item: T) => string = (item) => JSON.stringify(item)): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
