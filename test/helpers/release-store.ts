/**
 * A store as the release before the compact layout (schema version 12) wrote it: migrations 1–12
 * only, and rows written with that release's own statements (raw headers and body in the
 * deliveries row, derived JSON in its columns, keys by delivery). Used to test migrating a
 * real store in place.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations } from '../../src-main/store/sqlite/open.js';
import { migrations } from '../../src-main/store/sqlite/migrations/index.js';
import { searchRowText } from '../../src-main/store/sqlite/fts-query.js';
import type { DerivedFields, NewDelivery } from '../../src-main/store/types.js';

export const RELEASE_SCHEMA = 12;

export function openReleaseStore(dataDir: string): Database.Database {
  const file = join(dataDir, 'gatewatch.db');
  closeSync(openSync(file, 'a', 0o600)); // as the app creates it: private
  const db = new Database(file);
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((m) => m.version <= RELEASE_SCHEMA),
  );
  return db;
}

/** The release's listener insert. */
export function insertAsRelease(db: Database.Database, d: NewDelivery): number {
  return Number(
    db
      .prepare(`INSERT INTO deliveries
        (id, provider, label, received_at, method, path, query, headers, body, size, body_sha256, remote_address, forwarded, rejected)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        d.id,
        d.provider,
        d.label,
        d.receivedAt,
        d.method,
        d.path,
        d.query,
        JSON.stringify(d.headers),
        d.body === null ? null : Buffer.from(d.body),
        d.size,
        d.bodySha256,
        d.remoteAddress,
        d.forwarded === null ? null : JSON.stringify(d.forwarded),
        d.rejected === null ? null : JSON.stringify(d.rejected),
      ).lastInsertRowid,
  );
}

/** The release's saveDerived for one row (dedupe links left out: none in these stores). */
export function saveDerivedAsRelease(db: Database.Database, seq: number, provider: string, derived: DerivedFields): void {
  db.prepare(`UPDATE deliveries SET derived_at = ?, event_type = ?, event_id = ?, parse_error = ?, verification_status = ?,
      verification = ?, normalized = ?, status = ?, environment = ?, amount_value = ?, amount_currency = ?, reference = ?,
      schema_issues = ?, duplicate_of = NULL WHERE seq = ?`).run(
    new Date().toISOString(),
    derived.eventType,
    derived.eventId,
    derived.parseError,
    derived.verification.status,
    JSON.stringify(derived.verification),
    derived.normalized ? JSON.stringify(derived.normalized) : null,
    derived.normalized?.status ?? null,
    derived.normalized?.environment?.trim().toLowerCase() || null,
    derived.amount?.value ?? null,
    derived.amount?.currency ?? null,
    derived.reference,
    JSON.stringify(derived.schemaIssues),
    seq,
  );
  const key = db.prepare('INSERT OR IGNORE INTO correlation_keys (delivery_seq, kind, value) VALUES (?, ?, ?)');
  for (const k of derived.correlationKeys) key.run(seq, k.kind, k.value);
  db.prepare('INSERT INTO delivery_search (rowid, text) VALUES (?, ?)').run(
    seq,
    searchRowText(derived.searchText, {
      provider,
      eventType: derived.eventType,
      status: derived.normalized?.status ?? null,
      verification: derived.verification.status,
    }),
  );
}
