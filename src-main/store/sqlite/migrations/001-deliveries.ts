import type { Migration } from './types.js';

export const deliveriesMigration: Migration = {
  version: 1,
  name: 'deliveries, correlation keys, search, settings',
  sql: `
      CREATE TABLE deliveries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        label TEXT,
        received_at TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        query TEXT NOT NULL DEFAULT '',
        headers TEXT NOT NULL,
        body BLOB,
        size INTEGER NOT NULL,
        body_sha256 TEXT,
        remote_address TEXT,
        forwarded TEXT,
        rejected TEXT,
        derived_at TEXT,
        event_type TEXT,
        event_id TEXT,
        parse_error TEXT,
        verification_status TEXT,
        verification TEXT,
        normalized TEXT,
        status TEXT,
        amount_value TEXT,
        amount_currency TEXT,
        reference TEXT,
        schema_issues TEXT,
        duplicate_of TEXT
      );
      CREATE INDEX deliveries_provider ON deliveries(provider, seq);
      CREATE INDEX deliveries_event_type ON deliveries(event_type, seq);
      CREATE INDEX deliveries_status ON deliveries(status, seq);
      CREATE INDEX deliveries_verification ON deliveries(verification_status, seq);
      CREATE INDEX deliveries_received_at ON deliveries(received_at);
      CREATE INDEX deliveries_event_id ON deliveries(provider, event_id) WHERE event_id IS NOT NULL;
      CREATE INDEX deliveries_body_sha ON deliveries(provider, body_sha256) WHERE body_sha256 IS NOT NULL;
      CREATE INDEX deliveries_duplicate_of ON deliveries(duplicate_of) WHERE duplicate_of IS NOT NULL;
      CREATE INDEX deliveries_pending ON deliveries(seq) WHERE derived_at IS NULL;

      CREATE TABLE correlation_keys (
        delivery_seq INTEGER NOT NULL REFERENCES deliveries(seq) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (delivery_seq, kind, value)
      ) WITHOUT ROWID;
      CREATE INDEX correlation_keys_value ON correlation_keys(value, delivery_seq);

      -- Contentless: the text lives in deliveries; rowid = deliveries.seq, so results come
      -- back newest first by ordering on the FTS rowid alone.
      CREATE VIRTUAL TABLE delivery_search USING fts5(
        text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
};
