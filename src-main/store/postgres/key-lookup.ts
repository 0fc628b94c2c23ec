import type pg from 'pg';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { caseForms, containingWanted, holdsWord, KEY_PREFIX_LIMIT, keyPrefixAnswer, keyPrefixWord, singleWord } from '../search-semantics.js';
import type { DeliveryPage } from '../types.js';

export type IdLookup = Required<Pick<DeliveryPage, 'matchedKey' | 'keyPrefix'>>;

/**
 * A one-word search text looked up among the correlation key values (search-semantics.ts), as
 * the SQLite store does it (sqlite/key-lookup.ts): the key it names exactly, and the values it
 * starts. correlation_keys is keyed (value, delivery_seq, kind) in code point order (COLLATE "C"),
 * so the values starting with a word are one range of it, walked one distinct value at a time (a
 * value on many deliveries costs one step), at most KEY_PREFIX_LIMIT + 1 of them per form. The
 * values holding the word elsewhere are found in key_values by its trigram index (ILIKE).
 */
export async function lookUpIds(pool: Pick<pg.Pool, 'query' | 'connect'>, text: string | undefined): Promise<IdLookup> {
  const word = singleWord(text);
  const prefix = keyPrefixWord(text);
  const matchedKey = word === null ? null : await exact(pool, word);
  if (prefix === null) return { matchedKey, keyPrefix: null };
  const starting = await startingWith(pool, prefix);
  const startingValues = new Set(starting.map((key) => key.value));
  if (startingValues.size > KEY_PREFIX_LIMIT) return { matchedKey, keyPrefix: keyPrefixAnswer(starting) };
  const { found, more } = await holding(pool, prefix, startingValues);
  return { matchedKey, keyPrefix: keyPrefixAnswer(starting, found, more) };
}

/** `word` as an ILIKE pattern for values holding it: its own %, _ and \\ taken literally. */
export const holdingPattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A word of few distinct trigrams (00000001: 000 and 001) makes the index's bitmap most of the
 * values, 0.2–0.8 s at 1,000,000 deliveries: past this, the word is taken as too common to list.
 */
const HOLDING_TIMEOUT_MS = 60;
const QUERY_CANCELED = '57014';

/**
 * Enough values holding the word (ASCII case aside) besides those it starts to know whether they
 * fit, each with its kind on its earliest delivery; `more` when the search was cut short. Any
 * such values do, in no order: the answer names them only when all of them fit, so which ones
 * come first does not show.
 */
async function holding(pool: Pick<pg.Pool, 'connect'>, word: string, starting: ReadonlySet<string>): Promise<{ found: CorrelationKey[]; more: boolean }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${HOLDING_TIMEOUT_MS}`);
    const { rows } = await client.query<CorrelationKey>(
      `SELECT DISTINCT ON (v.value) v.value, k.kind
         FROM (SELECT value FROM key_values WHERE value ILIKE $1 AND NOT (value = ANY($2::text[])) LIMIT $3) AS v
         CROSS JOIN LATERAL (SELECT kind FROM correlation_keys AS c WHERE c.value = v.value ORDER BY c.value, c.delivery_seq, c.kind LIMIT 1) AS k
         ORDER BY v.value`,
      [holdingPattern(word), [...starting], containingWanted(starting.size)],
    );
    await client.query('COMMIT');
    return { found: rows.filter((row) => holdsWord(row.value, word)).map((row) => ({ kind: row.kind, value: row.value })), more: false };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === QUERY_CANCELED) return { found: [], more: true };
    throw error;
  } finally {
    client.release();
  }
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
