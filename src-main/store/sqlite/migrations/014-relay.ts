import type { Migration } from './types.js';

export const relayMigration: Migration = {
  version: 14,
  name: 'relay routes, the relay queue and relay attempts',
  sql: `
    -- A route maps a listener path to the merchant's backend. label '' stands for "no label",
    -- so that one path has one route (UNIQUE does not compare NULLs).
    CREATE TABLE relay_routes (
      id TEXT PRIMARY KEY,
      provider TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      url TEXT,
      mode TEXT NOT NULL CHECK (mode IN ('passthrough', 'queue', 'simulate')),
      timeout_ms INTEGER NOT NULL,
      concurrency INTEGER NOT NULL,
      schedule TEXT NOT NULL,
      simulate TEXT,
      paused_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (provider, label)
    ) WITHOUT ROWID;

    -- One row per relayed delivery, written in the same transaction as the delivery, so an
    -- acknowledged delivery is always relayed. The columns follow graphile-worker's jobs table
    -- (attempts, max_attempts, run_at, last_error, locked_at, locked_by): a PostgreSQL store
    -- claims due rows with FOR UPDATE SKIP LOCKED; here one process claims them with an UPDATE.
    -- Deleted with the delivery (retention).
    CREATE TABLE relay_jobs (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      delivery_seq INTEGER NOT NULL UNIQUE REFERENCES deliveries(seq) ON DELETE CASCADE,
      delivery_id TEXT NOT NULL,
      route_id TEXT NOT NULL,
      mode TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('sending', 'pending', 'delivered', 'failed', 'simulated')),
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL,
      run_at TEXT NOT NULL,
      last_error TEXT,
      locked_at TEXT,
      locked_by TEXT,
      created_at TEXT NOT NULL,
      finished_at TEXT,
      answered_status INTEGER,
      answered_at TEXT
    );
    CREATE INDEX relay_jobs_due ON relay_jobs(route_id, run_at) WHERE state = 'pending';
    -- The inbox's relay filter: delivery seqs by state.
    CREATE INDEX relay_jobs_state ON relay_jobs(state, delivery_seq);
    CREATE INDEX relay_jobs_route ON relay_jobs(route_id, state);

    -- One row per try at the backend; the whole attempt as shown (masked) is kept as JSON.
    -- No index on id: attempts are read by delivery and by route, and each is written once.
    CREATE TABLE relay_attempts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL,
      delivery_seq INTEGER NOT NULL REFERENCES deliveries(seq) ON DELETE CASCADE,
      job_id TEXT NOT NULL,
      route_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      outcome TEXT NOT NULL,
      duration_ms INTEGER NOT NULL,
      attempt TEXT NOT NULL
    );
    CREATE INDEX relay_attempts_delivery ON relay_attempts(delivery_seq, seq);
    CREATE INDEX relay_attempts_route ON relay_attempts(route_id, started_at);
  `,
};
