/**
 * How a search text finds ids, whatever the store backend: README's "Search" section says it in
 * words, test/store/search-ids.test.ts checks it on every backend listed there, and a backend
 * reads the text through these helpers so that SQLite and PostgreSQL answer alike.
 *
 * Besides the words (each a phrase in the search index, see sqlite/fts-query.ts), a text that is
 * one word is looked up among the correlation key values:
 * - exactly (as typed, else in upper case, else in lower case): the key it names, whose payment
 *   timeline the inbox offers to open;
 * - when it has 6 characters or more and does not end in `*`, as the start of key values (the
 *   same three forms): the deliveries of every key that starts with it are found too, unless more
 *   than 50 distinct values do, in which case none are added and the answer says so.
 *
 * A fragment from the middle of an id is not looked for: a substring scan over the key values
 * measured 0.4–0.5 s at 1,000,000 deliveries (3.7 million keys), ten times the search budget, and
 * a trigram index would cost more disk per delivery than the store has to spare.
 */
import type { CorrelationKey } from '../../src-shared/domain/normalized.js';

/** A word this long or longer is also looked up as the start of key values. */
export const KEY_PREFIX_MIN_LENGTH = 6;
/** More distinct key values than this starting with the word: none are added (type more of it). */
export const KEY_PREFIX_LIMIT = 50;

/** The text as one word (control characters count as spaces), or null when it is empty or several words. */
export function singleWord(text: string | null | undefined): string | null {
  if (!text) return null;
  const word = text.replace(/\p{Cc}/gu, ' ').trim();
  return word !== '' && !/\s/u.test(word) ? word : null;
}

/** The word looked up as the start of key values: one word of 6 characters or more, without a trailing `*`. */
export function keyPrefixWord(text: string | null | undefined): string | null {
  const word = singleWord(text);
  if (word === null || word.endsWith('*')) return null;
  return [...word].length >= KEY_PREFIX_MIN_LENGTH ? word : null;
}

/** The forms a word is looked up in among key values, in this order: as typed, upper case, lower case (each once). */
export function caseForms(word: string): string[] {
  return [...new Set([word, word.toUpperCase(), word.toLowerCase()])];
}

/** What a backend found for the start of key values, turned into the answer (sorted by value; none when too many). */
export function keyPrefixAnswer(found: readonly CorrelationKey[]): { keys: CorrelationKey[]; tooMany: boolean } {
  const byValue = new Map<string, CorrelationKey>();
  for (const key of found) if (!byValue.has(key.value)) byValue.set(key.value, key);
  if (byValue.size > KEY_PREFIX_LIMIT) return { keys: [], tooMany: true };
  const keys = [...byValue.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { keys, tooMany: false };
}
