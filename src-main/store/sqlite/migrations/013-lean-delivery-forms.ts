import type Database from 'better-sqlite3';
import { encodeDelivery } from '../../codec/stored-forms.js';
import type { Migration } from './types.js';

/** Rows re-encoded per read (the whole migration is still one transaction). */
const BATCH = 1_000;

interface OldRow {
  seq: number;
  headers: string;
  body: Buffer | null;
  verification: string | null;
  normalized: string | null;
  schema_issues: string | null;
}

/** Every existing delivery as one stored form: its request, and its derived JSON and keys when it has any. */
function packExisting(db: Database.Database): void {
  const read = db.prepare('SELECT seq, headers, body, verification, normalized, schema_issues FROM deliveries WHERE seq > ? ORDER BY seq LIMIT ?');
  const keysOf = db.prepare('SELECT kind, value FROM old_correlation_keys WHERE delivery_seq = ? ORDER BY kind, value');
  const insert = db.prepare('INSERT INTO delivery_contents (seq, form) VALUES (?, ?)');
  for (let after = 0; ; ) {
    const rows = read.all(after, BATCH) as OldRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const detail =
        row.verification === null
          ? null
          : {
              verification: JSON.parse(row.verification),
              normalized: row.normalized === null ? null : JSON.parse(row.normalized),
              schemaIssues: row.schema_issues === null ? [] : JSON.parse(row.schema_issues),
              correlationKeys: keysOf.all(row.seq),
            };
      insert.run(row.seq, encodeDelivery({ headers: JSON.parse(row.headers), body: row.body, detail }));
    }
    after = rows[rows.length - 1]!.seq;
  }
  db.exec('DROP TABLE old_correlation_keys');
  // The old columns go: each DROP rewrites the rows without it (no index uses them).
  for (const column of ['headers', 'body', 'verification', 'normalized', 'schema_issues']) {
    db.exec(`ALTER TABLE deliveries DROP COLUMN ${column}`);
  }
}

export const leanDeliveryFormsMigration: Migration = {
  version: 13,
  name: 'deliveries kept compact: requests apart until derived, then request and derived JSON in one stored form',
  sql: `
    -- Which configured secret verified a delivery, for the inbox row: a column of its own, set
    -- when the row is derived, since the verification JSON now lives in the stored form.
    ALTER TABLE deliveries ADD COLUMN secret_label TEXT;
    UPDATE deliveries SET secret_label = json_extract(verification, '$.secretLabel') WHERE verification IS NOT NULL;
    -- What the listener captured, as received, until derivation packs it: the listener's
    -- insert costs no compression, and rows are deleted once packed, so this table only ever
    -- holds the backlog. No foreign key: its check would be on the listener's path (a few
    -- microseconds per delivery); retention deletes captures itself.
    CREATE TABLE delivery_captures (
      seq INTEGER PRIMARY KEY,
      headers TEXT NOT NULL,
      body BLOB
    );
    -- Headers, body and derived JSON (verification, normalized meaning, schema issues,
    -- correlation keys) in the stored form of src-main/store/codec: deflate with a preset
    -- dictionary, the exact bytes back. Written once per delivery, in seq order, so its pages
    -- stay full; the deliveries row itself only grows by its small derived columns.
    CREATE TABLE delivery_contents (
      seq INTEGER PRIMARY KEY REFERENCES deliveries(seq) ON DELETE CASCADE,
      form BLOB NOT NULL
    );
    -- Keys are looked up by value only (a delivery's own keys are in its stored form): one
    -- b-tree by value instead of a table by delivery and an index by value. No foreign key:
    -- without an index by delivery it would scan the table for each deleted delivery, so
    -- retention deletes a delivery's keys itself.
    ALTER TABLE correlation_keys RENAME TO old_correlation_keys;
    DROP INDEX correlation_keys_value;
    CREATE TABLE correlation_keys (
      value TEXT NOT NULL,
      delivery_seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      PRIMARY KEY (value, delivery_seq, kind)
    ) WITHOUT ROWID;
    INSERT INTO correlation_keys (value, delivery_seq, kind) SELECT value, delivery_seq, kind FROM old_correlation_keys;
    -- Dedupe by body finds candidates by the hash's first 16 hex digits (64 bits), then
    -- compares the whole hash: half the index for the same answers.
    DROP INDEX deliveries_body_sha;
    CREATE INDEX deliveries_body_sha ON deliveries(provider, substr(body_sha256, 1, 16), seq)
      WHERE body_sha256 IS NOT NULL AND derived_at IS NOT NULL;
  `,
  data: packExisting,
};
