import type Database from 'better-sqlite3';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { caseForms, KEY_PREFIX_LIMIT, keyPrefixAnswer, keyPrefixWord, singleWord } from '../search-semantics.js';
import type { DeliveryPage } from '../types.js';

export type IdLookup = Required<Pick<DeliveryPage, 'matchedKey' | 'keyPrefix'>>;

/**
 * A one-word search text looked up among the correlation key values (search-semantics.ts): the
 * key it names exactly, and the values it starts. correlation_keys is keyed (value, delivery_seq,
 * kind), so each is a seek: the start of values is walked one distinct value at a time, and at
 * most KEY_PREFIX_LIMIT + 1 of them per form, whatever the store's size (well under a
 * millisecond at 1,000,000 deliveries).
 */
export function idLookup(db: Database.Database): (text: string | undefined) => IdLookup {
  // In key order: the kind on the value's earliest delivery (the first kind by name if it has several).
  const kindOf = db.prepare<[string], string>('SELECT kind FROM correlation_keys WHERE value = ? ORDER BY value, delivery_seq, kind LIMIT 1').pluck();
  const atOrAfter = db.prepare<[string], CorrelationKey>(
    'SELECT value, kind FROM correlation_keys WHERE value >= ? ORDER BY value, delivery_seq, kind LIMIT 1',
  );
  const after = db.prepare<[string], CorrelationKey>('SELECT value, kind FROM correlation_keys WHERE value > ? ORDER BY value, delivery_seq, kind LIMIT 1');

  const exact = (word: string): CorrelationKey | null => {
    for (const value of caseForms(word)) {
      const kind = kindOf.get(value);
      if (kind !== undefined) return { kind, value };
    }
    return null;
  };
  const startingWith = (word: string): CorrelationKey[] => {
    const found: CorrelationKey[] = [];
    for (const form of caseForms(word)) {
      let taken = 0;
      for (let key = atOrAfter.get(form); key?.value.startsWith(form) && taken <= KEY_PREFIX_LIMIT; key = after.get(key.value)) {
        found.push(key);
        taken++;
      }
    }
    return found;
  };

  return (text) => {
    const word = singleWord(text);
    const prefix = keyPrefixWord(text);
    return {
      matchedKey: word === null ? null : exact(word),
      keyPrefix: prefix === null ? null : keyPrefixAnswer(startingWith(prefix)),
    };
  };
}
