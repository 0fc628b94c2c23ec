import type Database from 'better-sqlite3';
import type { DerivedFields } from '../types.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { decodeDelivery, encodeDelivery, type DeliveryForm } from '../codec/stored-forms.js';
import { storedDetail, type StoredDetail } from '../codec/delivery-forms.js';
import { searchRowText } from './fts-query.js';
import { keyTrigrams } from './key-trigrams.js';

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface RowToDerive {
  seq: number;
  provider: string;
  body_sha256: string | null;
  size: number;
  /** 1 while the captured request is kept apart (the row was never derived), else 0. */
  captured: number;
  form: Buffer | null;
}

/** Another delivery with the same event id or body. */
interface Copy {
  id: string;
  seq: number;
}

interface Capture {
  headers: string;
  body: Buffer | null;
}

/** The first 16 hex digits of a body's SHA-256: what the dedupe index holds (the full hash is then compared). */
export const bodyHashPrefix = (sha256: string) => sha256.slice(0, 16);

/**
 * Saving what derivation worked out, in one transaction per batch: the inbox columns, dedupe
 * links, correlation keys, the search row, and the stored form. A delivery derived for the
 * first time has its capture packed and deleted; one derived again gets its form replaced
 * (same request, new derived JSON) and its old keys, read from the old form, removed. The save
 * returns the ids of the copies it re-pointed to an original derived after them (may repeat).
 */
export function prepareSaveDerived(db: Database.Database): (items: ReadonlyArray<{ id: string; derived: DerivedFields }>) => string[] {
  // The capture itself is read only when the form is packed here: the derivation thread sends it packed.
  const findRow = db.prepare<[string], RowToDerive>(`SELECT d.seq, d.provider, d.body_sha256, d.size, c.seq IS NOT NULL AS captured, k.form
    FROM deliveries AS d LEFT JOIN delivery_captures AS c ON c.seq = d.seq LEFT JOIN delivery_contents AS k ON k.seq = d.seq
    WHERE d.id = ?`);
  const readCapture = db.prepare<[number], Capture>('SELECT headers, body FROM delivery_captures WHERE seq = ?');
  // The lowest-seq other copy, earlier or later: the one lookup tells a retry its original, and an
  // original derived after its retries (rows commit and are derived out of seq order) that it has some.
  const firstByEventId = db.prepare<[string, string, number], Copy>(
    'SELECT id, seq FROM deliveries WHERE provider = ? AND event_id = ? AND seq <> ? ORDER BY seq LIMIT 1',
  );
  const firstByBody = db.prepare<[string, string, string, number], Copy>(
    // derived_at: the index holds derived rows only.
    `SELECT id, seq FROM deliveries WHERE provider = ? AND substr(body_sha256, 1, 16) = ? AND body_sha256 = ? AND seq <> ?
       AND body_sha256 IS NOT NULL AND derived_at IS NOT NULL ORDER BY seq LIMIT 1`,
  );
  // An original derived after its copies: they point to it, as if derived in seq order. The ids
  // re-pointed are returned (consoles showing those rows are told).
  const repointByEventId = db
    .prepare<[string, string, string, number, string], string>(
      'UPDATE deliveries SET duplicate_of = ? WHERE provider = ? AND event_id = ? AND seq > ? AND duplicate_of IS NOT ? RETURNING id',
    )
    .pluck();
  // Not a copy that has an earlier one with its own event id: that one is its original.
  const repointByBody = db
    .prepare<[string, string, string, string, number, string], string>(
      `UPDATE deliveries AS d SET duplicate_of = ? WHERE provider = ? AND substr(body_sha256, 1, 16) = ? AND body_sha256 = ? AND seq > ?
       AND body_sha256 IS NOT NULL AND derived_at IS NOT NULL AND duplicate_of IS NOT ?
       AND (event_id IS NULL OR NOT EXISTS (SELECT 1 FROM deliveries AS e WHERE e.provider = d.provider AND e.event_id = d.event_id AND e.seq < d.seq))
       RETURNING id`,
    )
    .pluck();
  // Positional parameters: binding by name costs an object per row.
  const update = db.prepare(`UPDATE deliveries SET derived_at = ?, event_type = ?, event_id = ?, parse_error = ?,
    verification_status = ?, secret_label = ?, status = ?, environment = ?, amount_value = ?, amount_currency = ?,
    reference = ?, duplicate_of = ? WHERE seq = ?`);
  // Not INSERT OR REPLACE: with foreign keys on, SQLite's replace path cost about 60 µs a row, most of a save.
  const insertForm = db.prepare('INSERT INTO delivery_contents (seq, form) VALUES (?, ?)');
  const replaceForm = db.prepare('UPDATE delivery_contents SET form = ? WHERE seq = ?');
  const deleteCapture = db.prepare('DELETE FROM delivery_captures WHERE seq = ?');
  const deleteKey = db.prepare('DELETE FROM correlation_keys WHERE value = ? AND delivery_seq = ? AND kind = ?');
  const insertKey = db.prepare('INSERT OR IGNORE INTO correlation_keys (value, delivery_seq, kind) VALUES (?, ?, ?)');
  const trigrams = keyTrigrams(db);
  const deleteSearch = db.prepare('DELETE FROM delivery_search WHERE rowid = ?');
  const insertSearch = db.prepare('INSERT INTO delivery_search (rowid, text) VALUES (?, ?)');

  /** The request as received: its capture until first derived, else the stored form's. */
  const requestOf = (row: RowToDerive, before: DeliveryForm<StoredDetail> | null): { headers: HeaderPair[]; body: Buffer | null } => {
    if (row.captured) {
      const capture = readCapture.get(row.seq)!;
      return { headers: JSON.parse(capture.headers) as HeaderPair[], body: capture.body };
    }
    return before!;
  };

  return db.transaction((items: ReadonlyArray<{ id: string; derived: DerivedFields }>) => {
    const derivedAt = new Date().toISOString();
    const repointed: string[] = [];
    for (const { id, derived } of items) {
      const row = findRow.get(id);
      if (!row) continue;
      const earlier = (copy: Copy | undefined) => (copy !== undefined && copy.seq < row.seq ? copy.id : null);
      const byEventId = derived.eventId ? firstByEventId.get(row.provider, derived.eventId, row.seq) : undefined;
      const sha = row.body_sha256 && row.size > 0 ? row.body_sha256 : null;
      // Not after an earlier copy by event id: the event id is read from the body, so a copy of this
      // body has this event id too, and is linked by it.
      const byBody = sha && earlier(byEventId) === null ? firstByBody.get(row.provider, bodyHashPrefix(sha), sha, row.seq) : undefined;
      update.run(
        derivedAt,
        derived.eventType,
        derived.eventId,
        derived.parseError,
        derived.verification.status,
        derived.verification.secretLabel ?? null,
        derived.normalized?.status ?? null,
        derived.normalized?.environment?.trim().toLowerCase() || null,
        derived.amount?.value ?? null,
        derived.amount?.currency ?? null,
        derived.reference,
        earlier(byEventId) ?? earlier(byBody),
        row.seq,
      );
      // After the update: the body's repoint reads this row's event id.
      if (byEventId !== undefined && byEventId.seq > row.seq) repointed.push(...repointByEventId.all(id, row.provider, derived.eventId!, row.seq, id));
      if (byBody !== undefined && byBody.seq > row.seq) repointed.push(...repointByBody.all(id, row.provider, bodyHashPrefix(sha!), sha!, row.seq, id));
      const before = row.form === null ? null : decodeDelivery<StoredDetail>(row.form);
      // Never write a form without the request it came from.
      if (!row.captured && before === null) throw new Error(`delivery ${id} has neither its captured request nor its stored form`);
      const form = derived.packed ? asBuffer(derived.packed) : encodeDelivery({ ...requestOf(row, before), detail: storedDetail(derived) });
      if (row.form === null) insertForm.run(row.seq, form);
      else replaceForm.run(form, row.seq);
      if (row.captured) deleteCapture.run(row.seq);
      // A row derived before (re-verification) has keys and a search row to replace.
      const derivedBefore = before?.detail != null;
      const oldKeys = before?.detail?.correlationKeys ?? [];
      trigrams.replace(row.seq, oldKeys, derived.correlationKeys, () => {
        for (const key of oldKeys) deleteKey.run(key.value, row.seq, key.kind);
        for (const key of derived.correlationKeys) insertKey.run(key.value, row.seq, key.kind);
      });
      if (derivedBefore) deleteSearch.run(row.seq);
      insertSearch.run(
        row.seq,
        searchRowText(derived.searchText, {
          provider: row.provider,
          eventType: derived.eventType,
          status: derived.normalized?.status ?? null,
          verification: derived.verification.status,
        }),
      );
    }
    return repointed;
  });
}
