import type pg from 'pg';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { caseForms, KEY_PREFIX_LIMIT, keyPrefixAnswer, keyPrefixWord, singleWord } from '../search-semantics.js';
import type { DeliveryPage } from '../types.js';

export type IdLookup = Required<Pick<DeliveryPage, 'matchedKey' | 'keyPrefix'>>;

/**
 * A one-word search text looked up among the correlation key values (search-semantics.ts), as
 * the SQLite store does it (sqlite/key-lookup.ts): the key it names exactly, and the values it
 * starts. correlation_keys is keyed (value, delivery_seq, kind) in code point order (COLLATE "C"),
 * so the values starting with a word are one range of it, walked one distinct value at a time (a
 * value on many deliveries costs one step), at most KEY_PREFIX_LIMIT + 1 of them per form.
 */
export async function lookUpIds(pool: Pick<pg.Pool, 'query'>, text: string | undefined): Promise<IdLookup> {
  const word = singleWord(text);
  const prefix = keyPrefixWord(text);
  return {
    matchedKey: word === null ? null : await exact(pool, word),
    keyPrefix: prefix === null ? null : keyPrefixAnswer(await startingWith(pool, prefix)),
  };
}

/** In key order: the kind on the value's earliest delivery (the first kind by name if it has several). */
async function exact(pool: Pick<pg.Pool, 'query'>, word: string): Promise<CorrelationKey | null> {
  const forms = caseForms(word);
  const { rows } = await pool.query<CorrelationKey>(
    'SELECT DISTINCT ON (value) value, kind FROM correlation_keys WHERE value = ANY($1::text[]) ORDER BY value, delivery_seq, kind',
    [forms],
  );
  for (const form of forms) {
    const found = rows.find((row) => row.value === form);
    if (found) return { kind: found.kind, value: found.value };
  }
  return null;
}

const STARTING_WITH = `
  WITH RECURSIVE walk (value, kind, n) AS (
    (SELECT value, kind, 1 FROM correlation_keys WHERE value >= $1 AND ($2::text IS NULL OR value < $2) ORDER BY value, delivery_seq, kind LIMIT 1)
    UNION ALL
    SELECT k.value, k.kind, w.n + 1 FROM walk AS w CROSS JOIN LATERAL (
      SELECT value, kind FROM correlation_keys WHERE value > w.value AND ($2::text IS NULL OR value < $2) ORDER BY value, delivery_seq, kind LIMIT 1
    ) AS k
    WHERE w.n <= $3
  )
  SELECT value, kind FROM walk WHERE starts_with(value, $1) ORDER BY value`;

async function startingWith(pool: Pick<pg.Pool, 'query'>, word: string): Promise<CorrelationKey[]> {
  const found: CorrelationKey[] = [];
  for (const form of caseForms(word)) {
    const { rows } = await pool.query<CorrelationKey>(STARTING_WITH, [form, successor(form), KEY_PREFIX_LIMIT]);
    found.push(...rows.map((row) => ({ kind: row.kind, value: row.value })));
  }
  return found;
}

/**
 * The first text after every text that starts with `prefix`, in code point order (the last code
 * point moved on by one, past the surrogates), or null when there is none.
 */
export function successor(prefix: string): string | null {
  const points = [...prefix].map((c) => c.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    if (last < 0x10ffff) {
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return String.fromCodePoint(...points, next);
    }
  }
  return null;
}
