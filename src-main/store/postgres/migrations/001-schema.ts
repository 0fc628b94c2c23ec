import type { PgMigration } from './types.js';

/**
 * Text compared and sorted byte for byte, as SQLite does: ISO times sort as they compare, ids
 * and names order the same on every server whatever its locale (and compare faster).
 */
const text = 'text COLLATE "C"';

export const schemaMigration: PgMigration = {
  version: 1,
  name: 'the SQLite store’s layout (as of its migration 14), instances and derivation claims',
  sql: `
    -- Times are ISO-8601 UTC text, as the contract carries them and the SQLite store keeps them:
    -- they come back byte for byte. Only what instances compare with the server's clock
    -- (heartbeats, claims) is timestamptz.
    CREATE TABLE deliveries (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      provider ${text} NOT NULL,
      label ${text},
      received_at ${text} NOT NULL,
      method ${text} NOT NULL,
      path ${text} NOT NULL,
      query ${text} NOT NULL DEFAULT '',
      size integer NOT NULL,
      body_sha256 ${text},
      remote_address ${text},
      forwarded ${text},
      rejected ${text},
      origin ${text},
      derived_at ${text},
      event_type ${text},
      event_id ${text},
      parse_error ${text},
      verification_status ${text},
      secret_label ${text},
      status ${text},
      environment ${text},
      amount_value ${text},
      amount_currency ${text},
      reference ${text},
      duplicate_of ${text}
    );
    -- The listener's insert touches the primary key, id, provider, received_at and pending
    -- indexes only: the others hold derived rows (their columns are NULL until then).
    CREATE INDEX deliveries_provider ON deliveries (provider, seq);
    CREATE INDEX deliveries_received_at ON deliveries (received_at, seq);
    CREATE INDEX deliveries_pending ON deliveries (seq) WHERE derived_at IS NULL;
    CREATE INDEX deliveries_event_type ON deliveries (event_type, seq) WHERE event_type IS NOT NULL;
    CREATE INDEX deliveries_status ON deliveries (status, seq) WHERE status IS NOT NULL;
    CREATE INDEX deliveries_verification ON deliveries (verification_status, seq) WHERE verification_status IS NOT NULL;
    CREATE INDEX deliveries_environment ON deliveries (environment, seq) WHERE environment IS NOT NULL;
    CREATE INDEX deliveries_provider_status ON deliveries (provider, status, seq) WHERE status IS NOT NULL;
    CREATE INDEX deliveries_provider_verification ON deliveries (provider, verification_status, seq) WHERE verification_status IS NOT NULL;
    CREATE INDEX deliveries_status_verification ON deliveries (status, verification_status, seq) WHERE status IS NOT NULL;
    CREATE INDEX deliveries_event_id ON deliveries (provider, event_id, seq) WHERE event_id IS NOT NULL;
    -- Dedupe by body: candidates by the hash's first 16 hex digits, then the whole hash compared.
    CREATE INDEX deliveries_body_sha ON deliveries (provider, left(body_sha256, 16), seq)
      WHERE body_sha256 IS NOT NULL AND derived_at IS NOT NULL;
    CREATE INDEX deliveries_duplicate_of ON deliveries (duplicate_of, seq) WHERE duplicate_of IS NOT NULL;
    CREATE INDEX deliveries_stats ON deliveries (received_at, provider, status, verification_status) WHERE derived_at IS NOT NULL;

    -- The request as received until derivation packs it (then deleted): no foreign key, as in
    -- SQLite, so the listener's insert checks nothing; retention deletes captures itself.
    CREATE TABLE delivery_captures (
      seq bigint PRIMARY KEY,
      headers ${text} NOT NULL,
      body bytea
    );
    -- The stored form of src-main/store/codec (already deflated: kept out of line as it is).
    CREATE TABLE delivery_contents (
      seq bigint PRIMARY KEY REFERENCES deliveries (seq) ON DELETE CASCADE,
      form bytea NOT NULL
    );
    ALTER TABLE delivery_contents ALTER COLUMN form SET STORAGE EXTERNAL;
    -- By value only (a delivery's own keys are in its stored form); retention deletes them.
    CREATE TABLE correlation_keys (
      value ${text} NOT NULL,
      delivery_seq bigint NOT NULL,
      kind ${text} NOT NULL,
      PRIMARY KEY (value, delivery_seq, kind)
    );
    -- Full-text search: the tokens SQLite's unicode61 tokenizer would make (search-text.ts), with
    -- their positions for phrases, and the filter tokens; GIN finds them.
    CREATE TABLE delivery_search (
      seq bigint PRIMARY KEY,
      doc tsvector NOT NULL
    );
    CREATE INDEX delivery_search_doc ON delivery_search USING gin (doc);

    -- Running instances, each seen every few seconds; work claimed by one not seen for a while
    -- (killed, cut off) is taken over by the others.
    CREATE TABLE gatewatch_instances (
      id ${text} PRIMARY KEY,
      started_at timestamptz NOT NULL DEFAULT now(),
      seen_at timestamptz NOT NULL DEFAULT now()
    );
    -- Deliveries an instance is deriving: claimed with FOR UPDATE SKIP LOCKED, deleted when saved.
    CREATE TABLE derivation_claims (
      seq bigint PRIMARY KEY,
      instance ${text} NOT NULL,
      claimed_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE settings (
      key ${text} PRIMARY KEY,
      value ${text} NOT NULL,
      updated_at ${text} NOT NULL
    );

    -- Secret values are stored only encrypted; masked is what the console may show.
    CREATE TABLE secrets (
      owner ${text} NOT NULL,
      kind ${text} NOT NULL,
      label ${text} NOT NULL,
      key_ref ${text},
      ciphertext bytea NOT NULL,
      masked ${text} NOT NULL,
      updated_at ${text} NOT NULL,
      PRIMARY KEY (owner, kind, label)
    );

    CREATE TABLE audit_log (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      at ${text} NOT NULL,
      actor ${text} NOT NULL,
      action ${text} NOT NULL,
      subject ${text},
      summary ${text} NOT NULL,
      details ${text} NOT NULL
    );
    CREATE INDEX audit_log_subject ON audit_log (subject, seq);
    CREATE INDEX audit_log_action ON audit_log (action, seq);
    CREATE INDEX audit_log_actor ON audit_log (actor, seq);

    CREATE TABLE sessions (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      provider ${text} NOT NULL,
      environment ${text} NOT NULL,
      created_at ${text} NOT NULL,
      outcome ${text} NOT NULL,
      status ${text} NOT NULL,
      fingerprint ${text} NOT NULL,
      record ${text} NOT NULL
    );
    CREATE INDEX sessions_provider ON sessions (provider, seq);
    CREATE INDEX sessions_fingerprint ON sessions (fingerprint, created_at);
    CREATE TABLE session_keys (
      session_seq bigint NOT NULL REFERENCES sessions (seq) ON DELETE CASCADE,
      kind ${text} NOT NULL,
      value ${text} NOT NULL,
      PRIMARY KEY (session_seq, kind, value)
    );
    CREATE INDEX session_keys_value ON session_keys (value, session_seq);
    CREATE TABLE tx_lookups (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      at ${text} NOT NULL,
      withdraw_tx_id ${text} NOT NULL,
      session_id ${text},
      delivery_id ${text},
      record ${text} NOT NULL
    );
    CREATE INDEX tx_lookups_withdraw ON tx_lookups (withdraw_tx_id);
    CREATE INDEX tx_lookups_session ON tx_lookups (session_id) WHERE session_id IS NOT NULL;
    CREATE INDEX tx_lookups_delivery ON tx_lookups (delivery_id) WHERE delivery_id IS NOT NULL;

    CREATE TABLE replay_targets (
      id ${text} PRIMARY KEY,
      name ${text} NOT NULL,
      url ${text} NOT NULL,
      provider ${text},
      timeout_ms integer NOT NULL,
      forward_credential_headers boolean NOT NULL DEFAULT false,
      confirmed_at ${text},
      created_at ${text} NOT NULL,
      updated_at ${text} NOT NULL
    );
    CREATE TABLE replay_attempts (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      delivery_id ${text} NOT NULL,
      target_id ${text} NOT NULL,
      job_id ${text},
      started_at ${text} NOT NULL,
      attempt ${text} NOT NULL
    );
    CREATE INDEX replay_attempts_delivery ON replay_attempts (delivery_id, seq);
    CREATE INDEX replay_attempts_target ON replay_attempts (target_id, seq);
    CREATE INDEX replay_attempts_job ON replay_attempts (job_id, seq) WHERE job_id IS NOT NULL;

    CREATE TABLE people (
      name ${text} PRIMARY KEY,
      role ${text} NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
      password_hash ${text} NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at ${text} NOT NULL,
      updated_at ${text} NOT NULL,
      last_sign_in_at ${text}
    );
    CREATE TABLE api_tokens (
      id ${text} PRIMARY KEY,
      person ${text} NOT NULL REFERENCES people (name),
      label ${text} NOT NULL,
      token_sha256 ${text} NOT NULL UNIQUE,
      created_at ${text} NOT NULL,
      last_used_at ${text},
      revoked_at ${text}
    );
    CREATE INDEX api_tokens_person ON api_tokens (person, created_at);
    CREATE TABLE sign_in_sessions (
      id_sha256 ${text} PRIMARY KEY,
      person ${text} NOT NULL REFERENCES people (name),
      created_at ${text} NOT NULL,
      expires_at ${text} NOT NULL,
      last_seen_at ${text} NOT NULL
    );
    CREATE INDEX sign_in_sessions_person ON sign_in_sessions (person);

    CREATE TABLE saved_views (
      id ${text} PRIMARY KEY,
      name ${text} NOT NULL,
      filter ${text} NOT NULL,
      created_at ${text} NOT NULL,
      updated_at ${text} NOT NULL
    );
    -- Unique whatever the case of ASCII letters: SQLite's NOCASE, exactly.
    CREATE UNIQUE INDEX saved_views_name ON saved_views (translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));

    CREATE TABLE relay_routes (
      id ${text} PRIMARY KEY,
      provider ${text} NOT NULL,
      label ${text} NOT NULL DEFAULT '',
      url ${text},
      mode ${text} NOT NULL CHECK (mode IN ('passthrough', 'queue', 'simulate')),
      timeout_ms integer NOT NULL,
      concurrency integer NOT NULL,
      schedule ${text} NOT NULL,
      simulate ${text},
      paused_at ${text},
      created_at ${text} NOT NULL,
      updated_at ${text} NOT NULL,
      UNIQUE (provider, label)
    );
    -- graphile-worker's columns: due jobs are claimed with FOR UPDATE SKIP LOCKED and marked
    -- locked_at/locked_by; a passthrough's job names the instance waiting for the backend in
    -- locked_by. Written in the delivery's own insert; deleted with the delivery.
    CREATE TABLE relay_jobs (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL UNIQUE,
      delivery_seq bigint NOT NULL UNIQUE REFERENCES deliveries (seq) ON DELETE CASCADE,
      delivery_id ${text} NOT NULL,
      route_id ${text} NOT NULL,
      mode ${text} NOT NULL,
      state ${text} NOT NULL CHECK (state IN ('sending', 'pending', 'delivered', 'failed', 'simulated')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL,
      run_at ${text} NOT NULL,
      last_error ${text},
      locked_at ${text},
      locked_by ${text},
      created_at ${text} NOT NULL,
      finished_at ${text},
      answered_status integer,
      answered_at ${text}
    );
    CREATE INDEX relay_jobs_due ON relay_jobs (route_id, run_at, seq) WHERE state = 'pending';
    CREATE INDEX relay_jobs_state ON relay_jobs (state, delivery_seq);
    CREATE INDEX relay_jobs_route ON relay_jobs (route_id, state);
    CREATE INDEX relay_jobs_locked ON relay_jobs (locked_by) WHERE locked_by IS NOT NULL;
    CREATE TABLE relay_attempts (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id ${text} NOT NULL,
      delivery_seq bigint NOT NULL REFERENCES deliveries (seq) ON DELETE CASCADE,
      job_id ${text} NOT NULL,
      route_id ${text} NOT NULL,
      started_at ${text} NOT NULL,
      outcome ${text} NOT NULL,
      duration_ms integer NOT NULL,
      attempt ${text} NOT NULL
    );
    CREATE INDEX relay_attempts_delivery ON relay_attempts (delivery_seq, seq);
    CREATE INDEX relay_attempts_route ON relay_attempts (route_id, started_at);
  `,
};
