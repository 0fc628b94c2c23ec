import type { Migration } from './types.js';

export const accountsMigration: Migration = {
  version: 11,
  name: 'people, API tokens and sign-in sessions; the audit log by actor',
  sql: `
    -- password_hash is scrypt's output with its salt and cost (never the password).
    CREATE TABLE people (
      name TEXT PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_sign_in_at TEXT
    ) WITHOUT ROWID;

    -- Only the SHA-256 of a token is kept: the token itself is shown once.
    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      person TEXT NOT NULL REFERENCES people(name),
      label TEXT NOT NULL,
      token_sha256 TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT
    ) WITHOUT ROWID;
    CREATE INDEX api_tokens_person ON api_tokens(person, created_at);

    -- Sessions by the SHA-256 of the id their cookie carries.
    CREATE TABLE sign_in_sessions (
      id_sha256 TEXT PRIMARY KEY,
      person TEXT NOT NULL REFERENCES people(name),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX sign_in_sessions_person ON sign_in_sessions(person);

    -- The audit page filters by person.
    CREATE INDEX audit_log_actor ON audit_log(actor, seq);
  `,
};
