import type { PgMigration } from './types.js';

/**
 * Words from the middle of ids (issue 16): the distinct correlation key values, with a trigram
 * index (pg_trgm, a trusted extension: the database's owner may create it) that ILIKE
 * '%word%' uses. A table of its own rather than an index on correlation_keys: a value shared by
 * many deliveries (a wallet) is then one row to find, not one per delivery.
 */
export const keyValuesTrigramsMigration: PgMigration = {
  version: 3,
  name: 'correlation key values found by a word from their middle',
  sql: `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE key_values (
      value text COLLATE "C" PRIMARY KEY
    );
    INSERT INTO key_values (value) SELECT DISTINCT value FROM correlation_keys;
    CREATE INDEX key_values_trigrams ON key_values USING gin (value gin_trgm_ops);
  `,
};
