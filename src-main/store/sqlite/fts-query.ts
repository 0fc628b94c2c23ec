import type { DeliveryQuery } from '../types.js';

/** One word as an FTS5 phrase: quoted, so punctuation in ids is matched, not parsed; control characters as spaces. */
function phrase(word: string, prefix: boolean): string {
  const bare = word.replace(/\p{Cc}/gu, ' ').replaceAll('"', '""');
  return prefix ? `"${bare}"*` : `"${bare}"`;
}

/**
 * Turns what a person typed into an FTS5 query: every word must appear, each quoted so that
 * punctuation in ids (`pid_8f2`, `0xab…`, `a@b.com`) is matched as a phrase rather than parsed
 * as FTS syntax. A trailing `*` on a word keeps its prefix meaning.
 *
 * Control characters become spaces: FTS5 reads the query as a C string, so a NUL ended it
 * mid-quote ("unterminated string"), and the unicode61 tokenizer splits indexed text at every
 * control character anyway, so a space inside the quotes matches exactly what was indexed. A word
 * of control characters only is dropped, like extra spaces.
 *
 * `keyValues`: the key values a one-word text starts (search-semantics.ts); each is searched as a
 * phrase too, in one OR group with the word (key values are in every delivery's search text).
 * FTS5 walks an OR of plain phrases lazily, newest first, where its own prefix query (`"…"*`)
 * would first gather every row of every token with that start (0.1 s for a common one at
 * 1,000,000 deliveries).
 */
export function ftsQueryFromText(text: string, keyValues: readonly string[] = []): string | null {
  const terms = text
    .split(/\s+/)
    .map((word) => word.replace(/\p{Cc}/gu, ' '))
    .filter((word) => word.trim().length > 0)
    .map((word) => {
      const prefix = word.endsWith('*') && word.length > 1;
      return phrase(prefix ? word.slice(0, -1) : word, prefix);
    });
  if (terms.length === 0) return null;
  // A value without a letter or digit has no token: FTS5 would make it match nothing at all.
  const alternatives = keyValues.filter((value) => /[\p{L}\p{N}]/u.test(value)).map((value) => phrase(value, false));
  if (terms.length === 1 && alternatives.length > 0) return `(${[terms[0]!, ...alternatives].join(' OR ')})`;
  return terms.join(' ');
}

/** The inbox filters that also live in the search index, so text + filters is one index walk. */
export interface IndexedFilters {
  provider?: string | null;
  eventType?: string | null;
  status?: string | null;
  verification?: string | null;
}

/**
 * One token per filter value, written into each delivery's search row. FTS5 intersects them
 * with the typed words newest-first, so "usd" + provider + status costs about as much as a
 * rare word instead of walking every "usd" hit. Tokens are letters and digits only (the
 * tokenizer would split anything else); the SQL filters still re-check every returned row, so
 * a rare collision (`a_b` vs `ab`) can only cost time, never a wrong result.
 */
export function filterTokens(filters: IndexedFilters): string[] {
  const token = (prefix: string, value: string | null | undefined) => {
    const bare = (value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
    return bare ? `${prefix}${bare}` : null;
  };
  return [
    token('zgwprov', filters.provider),
    token('zgwevt', filters.eventType),
    token('zgwstat', filters.status),
    token('zgwver', filters.verification),
  ].filter((t): t is string => t !== null);
}

/** The search row of a delivery: its text, then a line of filter tokens. */
export function searchRowText(text: string, filters: IndexedFilters): string {
  return `${text}\n${filterTokens(filters).join(' ')}`;
}

/**
 * Typed words (if any) plus the filter tokens: every one must match. Implicitly (a space), which
 * leaves out a word without tokens (`--`); an OR group takes no implicit AND after it, so that
 * one is joined by an explicit AND.
 */
export function ftsQueryWithFilters(match: string | null, filters: IndexedFilters): string {
  return [...(match === null ? [] : [match]), ...filterTokens(filters)].join(match?.startsWith('(') ? ' AND ' : ' ');
}

/**
 * `total` when counting every match would cost more than the page: the newest `cap` matches
 * were walked and the cap-th one sits at `capSeq`; assuming the same density over the rest of
 * the searched seq range gives the estimate (never below what was actually seen).
 */
export function estimateTotal(cap: number, capSeq: number, range: { low: number; high: number }): number {
  const walked = Math.max(1, range.high - capSeq + 1);
  const whole = Math.max(walked, range.high - range.low + 1);
  return Math.max(cap + 1, Math.round((cap * whole) / walked));
}

/**
 * Filters one SQL index cannot serve together (three of them, or an event type with another)
 * go through the search index's filter tokens instead: FTS5 intersects them newest first, where
 * SQL would look up every row of the broadest one. Only derived rows carry those values, and
 * only derived rows are in the search index, so nothing is missed.
 */
export function filtersNeedTokens(query: DeliveryQuery): boolean {
  if (query.verification === 'pending') return false;
  const set = [query.provider, query.eventType, query.status, query.verification].filter((v) => v !== undefined).length;
  // provider+status, provider+verification and status+verification each have an index.
  return set >= 3 || (set === 2 && query.eventType !== undefined);
}
