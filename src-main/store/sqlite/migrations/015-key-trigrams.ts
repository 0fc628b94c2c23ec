import { fillKeyTrigrams } from '../key-trigrams.js';
import type { Migration } from './types.js';

/**
 * Words from the middle of ids (issue 16): the distinct correlation key values in a trigram
 * index, filled from the keys already stored. Contentless, detail=none, columnsize=0: only the
 * trigrams' lists of rowids, about 30 bytes per delivery (key-trigrams.ts says how an entry's
 * rowid leads back to its value).
 */
export const keyTrigramsMigration: Migration = {
  version: 15,
  name: 'correlation key values found by a word from their middle',
  sql: `
    CREATE VIRTUAL TABLE key_trigrams USING fts5(
      value, content = '', detail = none, columnsize = 0, tokenize = 'trigram case_sensitive 0'
    );
  `,
  data: fillKeyTrigrams,
};
