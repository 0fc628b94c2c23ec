import type { Migration } from './types.js';

export const replayMigration: Migration = {
  version: 4,
  name: 'replay targets and attempts',
  sql: `
    -- Allow-listed targets; their signing secrets are in the secrets table (owner target:<id>).
    CREATE TABLE replay_targets (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      url TEXT NOT NULL,
      provider TEXT,
      timeout_ms INTEGER NOT NULL,
      confirmed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- One row per send. The whole attempt is kept as JSON (target name and URL as they were);
    -- the columns are what it is looked up by. No foreign key to the target: history outlives it.
    CREATE TABLE replay_attempts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      delivery_id TEXT NOT NULL,
      target_id TEXT NOT NULL,
      job_id TEXT,
      started_at TEXT NOT NULL,
      attempt TEXT NOT NULL
    );
    CREATE INDEX replay_attempts_delivery ON replay_attempts(delivery_id, seq);
    CREATE INDEX replay_attempts_target ON replay_attempts(target_id, seq);
    CREATE INDEX replay_attempts_job ON replay_attempts(job_id, seq) WHERE job_id IS NOT NULL;
  `,
};
