/**
 * The PostgreSQL store tokenizes search text in JavaScript, from a table read off SQLite's FTS5
 * unicode61 tokenizer (remove_diacritics 2): the same tokens as the SQLite store's index, checked
 * here against SQLite itself, code point by code point and on mixed texts.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDocument, searchQuery, searchTokens } from '../../src-main/store/postgres/search-text.js';

let db: Database.Database;
let row = 0;

beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE s USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(s, 'instance');`);
});
afterAll(() => db.close());

/** What FTS5 makes of a text, in order. */
function ftsTokens(text: string): string[] {
  row++;
  db.prepare('INSERT INTO s (rowid, text) VALUES (?, ?)').run(row, text);
  return db.prepare('SELECT term FROM v WHERE doc = ? ORDER BY offset').pluck().all(row) as string[];
}

describe('search tokens on PostgreSQL', () => {
  it('makes the tokens FTS5 makes of every code point of the first planes (letters, digits, marks, separators)', () => {
    // Between two letters: one token, folded, when the code point is a token character; two otherwise.
    const texts: string[] = [];
    for (let cp = 0; cp < 0x30000; cp += cp < 0x3000 ? 1 : 7) if (cp < 0xd800 || cp > 0xdfff) texts.push(`q${String.fromCodePoint(cp)}q`);
    const first = row + 1;
    const insert = db.prepare('INSERT INTO s (rowid, text) VALUES (?, ?)');
    db.transaction(() => {
      for (const text of texts) insert.run(++row, text);
    })();
    const expected = new Map<number, string[]>();
    for (const r of db.prepare('SELECT doc, term FROM v WHERE doc >= ? ORDER BY doc, offset').iterate(first) as Iterable<{ doc: number; term: string }>) {
      expected.set(r.doc, [...(expected.get(r.doc) ?? []), r.term]);
    }
    const mismatches = texts.flatMap((text, i) => {
      const want = expected.get(first + i) ?? [];
      const got = searchTokens(text);
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${JSON.stringify(text)}: ${JSON.stringify(want)} vs ${JSON.stringify(got)}`];
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('makes the same tokens of mixed text: ids with punctuation, accents, combining marks, scripts, controls', () => {
    const alphabet = [...'aZ9_-.@:/ \t\n"\'*éÉøßİǅ\u0301\u0000\u001bµΩά中テ😀٣①'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(searchTokens(text)).toEqual(ftsTokens(text));
      }),
      { numRuns: 500 },
    );
  });

  it('makes the same tokens of long mixed-case runs and of any UTF-16 text, lone surrogates included', () => {
    // searchTokens slices runs that fold to themselves: runs ending at every kind of boundary.
    const word = fc.string({ unit: fc.constantFrom(...'abcxyz0189ABCXYZ'), maxLength: 12 });
    const gap = fc.string({ unit: fc.constantFrom(...' -_.éÉ\u0301ß中😀'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }), word, (parts, last) => {
        const text = parts.map(([w, g]) => w + g).join('') + last;
        expect(searchTokens(text)).toEqual(ftsTokens(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      // Any UTF-16 code unit, so lone surrogates too (fast-check's 'binary' unit leaves them out).
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 30 }), (text) => {
        expect(searchTokens(text)).toEqual(ftsTokens(text));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('writes positions for phrases, a hash for a token too long for a lexeme, and the typed words as FTS5 reads them', () => {
    expect(searchDocument('pid_8f2 PID')).toBe("'pid':1,3 '8f2':2");
    const long = 'a'.repeat(3_000);
    expect(searchDocument(long)).toMatch(/^'zgwlong[0-9a-f]{64}':1$/);
    expect(searchQuery(long, {})).toBe(searchDocument(long).replace(':1', ''));
    expect(searchQuery('pid_8f* café', {})).toBe("('pid' <-> '8f':*) & 'cafe'");
    expect(searchQuery("o'neil\\x", { provider: 'paychant' })).toBe("('o' <-> 'neil' <-> 'x') & 'zgwprovpaychant'");
    // A word without tokens adds no condition; alone, it matches nothing.
    expect(searchQuery('-- usd', {})).toBe("'usd'");
    expect(searchQuery('--', {})).toBeNull();
  });
});
