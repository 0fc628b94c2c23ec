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
 *   than 50 distinct values do, in which case none are added and the answer says so;
 * - then, with the same length and limit, inside key values, ignoring the case of ASCII letters
 *   (ids are ASCII; PostgreSQL's ILIKE on code-point text folds only those): the values that hold
 *   it further in (or at their start in another case) come after the ones it starts, and their
 *   deliveries are found too, unless more than the limit leaves room for do (none of those are
 *   then added, and the answer says so).
 *
 * Inside values is an index each (a trigram index over the distinct values: sqlite/key-trigrams.ts,
 * PostgreSQL's key_values), since a scan of the key values measured 0.4–0.5 s at 1,000,000
 * deliveries.
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

/** ASCII letters in lower case, every other character as it is. */
const foldAscii = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Whether a key value holds the word anywhere, ignoring the case of ASCII letters (the test both backends' candidates pass). */
export function holdsWord(value: string, word: string): boolean {
  return foldAscii(value).includes(foldAscii(word));
}

/** The key lookup's answer for a word (DeliveryPage.keyPrefix). */
export interface KeyPrefixAnswer {
  /** The values the word starts, by value; then the `containing` values that hold it elsewhere, by value. */
  keys: CorrelationKey[];
  /** More than KEY_PREFIX_LIMIT values start with the word: no keys at all. */
  tooMany: boolean;
  /** How many of the last `keys` hold the word other than at their start (in one of the three forms). */
  containing: number;
  /** More values hold the word elsewhere than the limit leaves room for: none of them are named. */
  moreContaining: boolean;
}

/** How many values holding the word elsewhere a backend should find: the room left, plus one to know there are more. */
export const containingWanted = (starting: number) => KEY_PREFIX_LIMIT - starting + 1;

const byValue = (keys: Iterable<CorrelationKey>) => [...keys].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

/**
 * What a backend found, turned into the answer: the values starting with the word (none when too
 * many), then, when they leave room, the other values holding it (`more`: the backend stopped
 * looking before the end, so there may be more of those than it passed).
 */
export function keyPrefixAnswer(starting: readonly CorrelationKey[], holding: readonly CorrelationKey[] = [], more = false): KeyPrefixAnswer {
  const first = new Map<string, CorrelationKey>();
  for (const key of starting) if (!first.has(key.value)) first.set(key.value, key);
  if (first.size > KEY_PREFIX_LIMIT) return { keys: [], tooMany: true, containing: 0, moreContaining: false };
  const rest = new Map<string, CorrelationKey>();
  for (const key of holding) if (!first.has(key.value) && !rest.has(key.value)) rest.set(key.value, key);
  const startingKeys = byValue(first.values());
  if (more || first.size + rest.size > KEY_PREFIX_LIMIT) return { keys: startingKeys, tooMany: false, containing: 0, moreContaining: true };
  return { keys: [...startingKeys, ...byValue(rest.values())], tooMany: false, containing: rest.size, moreContaining: false };
}
