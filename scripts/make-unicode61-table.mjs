// `node scripts/make-unicode61-table.mjs`: writes src-main/store/postgres/unicode61-table.ts, the
// table the PostgreSQL store tokenizes search text with, read off SQLite's own FTS5 tokenizer
// (unicode61 remove_diacritics 2, as the SQLite store's delivery_search uses) one code point at a
// time: whether it separates tokens, and what it folds to. Run again when better-sqlite3 brings a
// SQLite whose tokenizer differs (test/store/search-tokens.test.ts says so).
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What each code point becomes: null (a separator), or its folded text ('' when it is dropped). */
export function readTokenizer() {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE s USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(s, 'instance');`);
  const insert = db.prepare('INSERT INTO s (rowid, text) VALUES (?, ?)');
  const codePoints = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) codePoints.push(cp);
  db.transaction(() => {
    // Between two letters: one token when the code point is a token character, else two.
    for (const [i, cp] of codePoints.entries()) insert.run(i + 1, `q${String.fromCodePoint(cp)}q`);
  })();
  const terms = new Map();
  for (const row of db.prepare('SELECT doc, term FROM v ORDER BY doc, offset').iterate()) {
    const list = terms.get(row.doc) ?? [];
    list.push(row.term);
    terms.set(row.doc, list);
  }
  db.close();
  return codePoints.map((cp, i) => {
    const found = terms.get(i + 1) ?? [];
    return { cp, fold: found.length === 1 ? found[0].slice(1, -1) : null };
  });
}

/** Runs of code points that behave alike: s (separator), k (kept), x (dropped), d<n> (cp + n), p (pairs: even → +1, odd kept). */
export function runsOf(table) {
  const kindOf = ({ cp, fold }) => {
    if (fold === null) return 's';
    if (fold === '') return 'x';
    const chars = [...fold];
    if (chars.length !== 1) throw new Error(`U+${cp.toString(16)} folds to ${chars.length} code points`);
    const delta = chars[0].codePointAt(0) - cp;
    return delta === 0 ? 'k' : `d${delta}`;
  };
  const runs = [];
  for (const entry of table) {
    const kind = kindOf(entry);
    const last = runs[runs.length - 1];
    if (last && last.end === entry.cp - 1) {
      if (last.kind === kind) {
        last.end = entry.cp;
        continue;
      }
      // Upper and lower case alternating: d1, k, d1, k…
      const offset = entry.cp - last.start;
      const pairKind = offset % 2 === 0 ? 'd1' : 'k';
      if ((last.kind === 'p' || (last.kind === 'd1' && last.start === last.end)) && kind === pairKind) {
        last.kind = 'p';
        last.end = entry.cp;
        continue;
      }
    }
    runs.push({ start: entry.cp, end: entry.cp, kind });
  }
  // A gap (surrogates) is filled by the run before it: they never occur in a JS string's code points.
  return runs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = runsOf(readTokenizer());
  const encoded = runs.map((r) => `${r.start.toString(36)}${r.kind}`).join(',');
  const lines = encoded.match(/.{1,150}(,|$)/g);
  const file = new URL('../src-main/store/postgres/unicode61-table.ts', import.meta.url);
  writeFileSync(
    file,
    `/**
 * SQLite FTS5's unicode61 tokenizer (remove_diacritics 2) as a table, made by
 * scripts/make-unicode61-table.mjs from SQLite itself: runs of code points, each the start (base
 * 36) and what its code points do: s separates tokens, k is kept, x is dropped, d<n> becomes the
 * code point n further, p alternates (even offsets +1, odd kept). Generated: do not edit.
 */
export const UNICODE61_RUNS =
${lines.map((line) => `  '${line}'`).join(' +\n')};
`,
  );
  console.log(`${runs.length} runs written to ${fileURLToPath(file)}`);
}
