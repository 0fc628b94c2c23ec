import type { Migration } from './types.js';

export const sessionsMigration: Migration = {
  version: 3,
  name: 'sessions created by hand, their correlation keys, withdraw tx lookups',
  sql: `
    -- The whole session (calls, masked requests, responses) is JSON in record; the columns
    -- are what lists, the duplicate warning and timelines filter on.
    CREATE TABLE sessions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      provider TEXT NOT NULL,
      environment TEXT NOT NULL,
      created_at TEXT NOT NULL,
      outcome TEXT NOT NULL,
      status TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX sessions_provider ON sessions(provider, seq);
    CREATE INDEX sessions_fingerprint ON sessions(fingerprint, created_at);

    CREATE TABLE session_keys (
      session_seq INTEGER NOT NULL REFERENCES sessions(seq) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (session_seq, kind, value)
    ) WITHOUT ROWID;
    CREATE INDEX session_keys_value ON session_keys(value, session_seq);

    CREATE TABLE tx_lookups (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      withdraw_tx_id TEXT NOT NULL,
      session_id TEXT,
      delivery_id TEXT,
      record TEXT NOT NULL
    );
    CREATE INDEX tx_lookups_withdraw ON tx_lookups(withdraw_tx_id);
    CREATE INDEX tx_lookups_session ON tx_lookups(session_id) WHERE session_id IS NOT NULL;
    CREATE INDEX tx_lookups_delivery ON tx_lookups(delivery_id) WHERE delivery_id IS NOT NULL;
  `,
};
