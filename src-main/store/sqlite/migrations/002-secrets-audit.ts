import type { Migration } from './types.js';

export const secretsAuditMigration: Migration = {
  version: 2,
  name: 'encrypted secrets, audit log',
  sql: `
    -- Secret values are stored only encrypted; masked is what the console may show.
    CREATE TABLE secrets (
      owner TEXT NOT NULL,
      kind TEXT NOT NULL,
      label TEXT NOT NULL,
      key_ref TEXT,
      ciphertext BLOB NOT NULL,
      masked TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (owner, kind, label)
    ) WITHOUT ROWID;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      summary TEXT NOT NULL,
      details TEXT NOT NULL
    );
    CREATE INDEX audit_log_subject ON audit_log(subject, seq);
    CREATE INDEX audit_log_action ON audit_log(action, seq);
  `,
};
