import type Database from 'better-sqlite3';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { decodeDelivery } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';
import { caseForms, containingWanted, holdsWord, KEY_PREFIX_LIMIT, keyPrefixAnswer, keyPrefixWord, singleWord } from '../search-semantics.js';
import type { DeliveryPage } from '../types.js';
import { ownerOf, trigramMatch } from './key-trigrams.js';

/** Deliveries whose keys are read for one word at most: past them, the word is too common to list its values. */
const MAX_OWNERS = 500;

export type IdLookup = Required<Pick<DeliveryPage, 'matchedKey' | 'keyPrefix'>>;

/**
 * A one-word search text looked up among the correlation key values (search-semantics.ts): the
 * key it names exactly, and the values it starts. correlation_keys is keyed (value, delivery_seq,
 * kind), so each is a seek: the start of values is walked one distinct value at a time, and at
 * most KEY_PREFIX_LIMIT + 1 of them per form, whatever the store's size (well under a
 * millisecond at 1,000,000 deliveries). The values holding the word elsewhere come from the
 * trigram index (key-trigrams.ts): its candidates in rowid order, each entry's owner's keys read
 * from its stored form and checked, until enough values are found.
 */
export function idLookup(db: Database.Database): (text: string | undefined) => IdLookup {
  // In key order: the kind on the value's earliest delivery (the first kind by name if it has several).
  const kindOf = db.prepare<[string], string>('SELECT kind FROM correlation_keys WHERE value = ? ORDER BY value, delivery_seq, kind LIMIT 1').pluck();
  const atOrAfter = db.prepare<[string], CorrelationKey>(
    'SELECT value, kind FROM correlation_keys WHERE value >= ? ORDER BY value, delivery_seq, kind LIMIT 1',
  );
  const after = db.prepare<[string], CorrelationKey>('SELECT value, kind FROM correlation_keys WHERE value > ? ORDER BY value, delivery_seq, kind LIMIT 1');

  const candidates = db.prepare<[string], number>('SELECT rowid FROM key_trigrams WHERE key_trigrams MATCH ? ORDER BY rowid').pluck();
  const formOf = db.prepare<[number], Buffer>('SELECT form FROM delivery_contents WHERE seq = ?').pluck();

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

  /** At least `wanted` values holding the word, not in `skip`, if there are; `more` when it stopped looking before knowing. */
  const holding = (word: string, skip: ReadonlySet<string>, wanted: number): { found: CorrelationKey[]; more: boolean } => {
    const values = new Set<string>();
    const owners = new Set<number>();
    let more = false;
    for (const rowid of candidates.iterate(trigramMatch(word))) {
      const owner = ownerOf(rowid);
      if (owners.has(owner)) continue;
      // Candidates of this many deliveries and still too few values: the word is too common to list.
      if (owners.size >= MAX_OWNERS) {
        more = true;
        break;
      }
      owners.add(owner);
      // A candidate holds every trigram, maybe apart: its owner's keys are checked themselves.
      const form = formOf.get(owner);
      for (const key of form === undefined ? [] : (decodeDelivery<StoredDetail>(form).detail?.correlationKeys ?? [])) {
        if (!skip.has(key.value) && holdsWord(key.value, word)) values.add(key.value);
      }
      if (values.size >= wanted) break;
    }
    // Each with its kind on its earliest delivery, as a prefix's keys.
    return { found: [...values].map((value) => ({ value, kind: kindOf.get(value)! })), more };
  };

  return (text) => {
    const word = singleWord(text);
    const prefix = keyPrefixWord(text);
    const matchedKey = word === null ? null : exact(word);
    if (prefix === null) return { matchedKey, keyPrefix: null };
    const starting = startingWith(prefix);
    const startingValues = new Set(starting.map((key) => key.value));
    if (startingValues.size > KEY_PREFIX_LIMIT) return { matchedKey, keyPrefix: keyPrefixAnswer(starting) };
    const { found, more } = holding(prefix, startingValues, containingWanted(startingValues.size));
    return { matchedKey, keyPrefix: keyPrefixAnswer(starting, found, more) };
  };
}
