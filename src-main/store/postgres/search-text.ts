/**
 * Search on PostgreSQL with the SQLite store's semantics. The SQLite store indexes with FTS5's
 * unicode61 tokenizer (remove_diacritics 2) and matches every typed word as a quoted phrase (a
 * trailing `*` makes its last token a prefix). Here the same tokens are made in JavaScript from
 * a table read off SQLite itself (unicode61-table.ts), kept with their positions in a tsvector
 * (GIN-indexed), and a typed query becomes a tsquery of the same phrases: `<->` between a word's
 * tokens, `:*` for a prefix, `&` between words and with the filter tokens. Both are built as
 * literals (cast with ::tsvector / ::tsquery, which apply no dictionary), so no PostgreSQL
 * parser or stemmer changes what SQLite would have matched.
 */
import { createHash } from 'node:crypto';
import { filterTokens, type IndexedFilters } from '../sqlite/fts-query.js';
import { UNICODE61_RUNS } from './unicode61-table.js';

const SEPARATOR = -2;
const DROPPED = -1;

const runStarts: number[] = [];
const runKinds: string[] = [];
for (const entry of UNICODE61_RUNS.split(',')) {
  const [, start, kind] = /^([0-9a-z]+?)([skxp]|d-?\d+)$/.exec(entry)!;
  runStarts.push(Number.parseInt(start!, 36));
  runKinds.push(kind!);
}

/** What a code point becomes: SEPARATOR, DROPPED, or the code point it folds to. */
function foldCodePoint(cp: number): number {
  // A lone surrogate reaches a database as U+FFFD (UTF-8 cannot carry it).
  const code = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
  let low = 0;
  let high = runStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runStarts[middle]! <= code) low = middle;
    else high = middle - 1;
  }
  const kind = runKinds[low]!;
  if (kind === 's') return SEPARATOR;
  if (kind === 'x') return DROPPED;
  if (kind === 'k') return code;
  if (kind === 'p') return (code - runStarts[low]!) % 2 === 0 ? code + 1 : code;
  return code + Number(kind.slice(1));
}

const ASCII = Array.from({ length: 128 }, (_, cp) => foldCodePoint(cp));

/**
 * The tokens FTS5's unicode61 tokenizer (remove_diacritics 2) makes of a text, in order. Runs of
 * characters that fold to themselves (lower-case ASCII letters and digits, mostly) are sliced
 * whole rather than rebuilt a character at a time: the same tokens, at a fraction of the cost.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  // The token so far: `folded` (characters that changed, and what came before them), then the
  // unchanged run text[runStart, i) when runStart >= 0.
  let folded = '';
  let runStart = -1;
  const closeRun = (end: number) => {
    if (runStart >= 0) folded += text.slice(runStart, end);
    runStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let cp = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const fold = cp < 128 ? ASCII[cp]! : foldCodePoint(cp);
    if (fold === SEPARATOR) {
      closeRun(i);
      if (folded !== '') tokens.push(folded);
      folded = '';
    } else if (fold === cp) {
      if (runStart < 0) runStart = i;
    } else {
      closeRun(i);
      if (fold !== DROPPED) folded += String.fromCodePoint(fold);
    }
    i += width;
  }
  closeRun(text.length);
  if (folded !== '') tokens.push(folded);
  return tokens;
}

/** PostgreSQL keeps lexemes under 2 KiB: a longer token is indexed (and searched) by its hash. */
const MAX_LEXEME_BYTES = 2_000;
/** Positions go up to 16,383, and 256 per lexeme; SQLite has no such limits (search text is capped at 64 KiB anyway). */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

function lexeme(token: string): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most tokens need no count.
  if (token.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(token) <= MAX_LEXEME_BYTES) return token;
  return `zgwlong${createHash('sha256').update(token).digest('hex')}`;
}

const NEEDS_ESCAPE = /['\\]/;
const quoted = (value: string) => (NEEDS_ESCAPE.test(value) ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${value}'`);

/** The tsvector literal of a delivery's search row (its text and filter tokens, as searchRowText joins them). */
export function searchDocument(rowText: string): string {
  const positions = new Map<string, number[]>();
  let position = 0;
  for (const token of searchTokens(rowText)) {
    position = Math.min(position + 1, MAX_POSITION);
    const key = lexeme(token);
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [position]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== position) list.push(position);
  }
  return [...positions].map(([key, list]) => `${quoted(key)}:${list.join(',')}`).join(' ');
}

/** What a person typed, as the SQLite store splits it (fts-query.ts): words, each maybe a prefix. */
export function searchWords(text: string): Array<{ bare: string; prefix: boolean }> {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/\p{Cc}/gu, ' '))
    .filter((word) => word.trim().length > 0)
    .map((word) => {
      const prefix = word.endsWith('*') && word.length > 1;
      return { bare: prefix ? word.slice(0, -1) : word, prefix };
    });
}

/**
 * The tsquery literal for typed text (or null: none typed) and the filters kept as tokens; null
 * when nothing can match. As in FTS5, a word with no token (`--`) adds no condition, but a query
 * of such words alone matches nothing.
 */
export function searchQuery(text: string | null, filters: IndexedFilters, keyValues: readonly string[] = []): string | null {
  const parts: string[] = [];
  const words = text === null ? [] : searchWords(text);
  for (const { bare, prefix } of words) {
    const phrase = phraseOf(bare, prefix);
    if (phrase !== null) parts.push(phrase);
  }
  // The key values a one-word text starts (search-semantics.ts), each a phrase too, in one OR
  // group with the word, as the SQLite store does it (fts-query.ts): key values are in every
  // delivery's search text. A value without a token adds nothing.
  const alternatives = words.length === 1 ? keyValues.map((value) => phraseOf(value, false)).filter((p): p is string => p !== null) : [];
  if (alternatives.length > 0) parts.splice(0, parts.length, `(${[...parts, ...alternatives].join(' | ')})`);
  parts.push(...filterTokens(filters).map(quoted));
  return parts.length > 0 ? parts.join(' & ') : null;
}

/** A word's tokens as a phrase (the last one a prefix when asked), or null when it has none. */
function phraseOf(word: string, prefix: boolean): string | null {
  const tokens = searchTokens(word);
  if (tokens.length === 0) return null;
  const last = tokens.length - 1;
  const phrase = tokens.map((token, i) => `${quoted(lexeme(token))}${prefix && i === last ? ':*' : ''}`).join(' <-> ');
  return tokens.length > 1 ? `(${phrase})` : phrase;
}
