import type pg from 'pg';
import type { DerivedFields, DerivedSaveResult } from '../types.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { decodeDelivery, encodeDelivery } from '../codec/stored-forms.js';
import { storedDetail, type StoredDetail } from '../codec/delivery-forms.js';
import { searchRowText } from '../sqlite/fts-query.js';
import { inTransaction } from './pool.js';
import { listKeyValues, unlistUnusedKeyValues } from './key-values.js';
import { searchDocument } from './search-text.js';

interface RowToDerive {
  seq: number;
  id: string;
  provider: string;
  body_sha256: string | null;
  size: number;
  /** Whether the row still has its captured request (deleted once its form is written). */
  captured: boolean;
  /** The captured request, read only for rows whose form the store packs itself (none packed by the thread). */
  capture_headers: string | null;
  capture_body: Buffer | null;
  form: Buffer | null;
}

/** For each row of the batch (n, from 1), the lowest-seq other stored delivery with its event id, and with its body. */
interface FirstCopies {
  n: number;
  by_event: string | null;
  by_event_seq: number | null;
  by_body: string | null;
  by_body_seq: number | null;
}

/** Another delivery with the same event id or body. */
interface Copy {
  id: string;
  seq: number;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * For each row, the lowest-seq other delivery with its event id, and with its body (derived ones:
 * the dedupe index holds those). Earlier or later: the one lookup tells a retry its original, and
 * an original derived after its retries (rows commit and are derived out of seq order) that it has some.
 */
const FIRST_COPIES = `
  SELECT x.n,
    e.id AS by_event, e.seq AS by_event_seq, b.id AS by_body, b.seq AS by_body_seq
  FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) WITH ORDINALITY AS x (provider, event_id, seq, sha, n)
  LEFT JOIN LATERAL (SELECT id, seq FROM deliveries AS d WHERE x.event_id IS NOT NULL AND d.provider = x.provider AND d.event_id = x.event_id
    AND d.seq <> x.seq ORDER BY d.seq LIMIT 1) AS e ON true
  LEFT JOIN LATERAL (SELECT id, seq FROM deliveries AS d WHERE x.sha IS NOT NULL AND d.provider = x.provider
    AND left(d.body_sha256, 16) = left(x.sha, 16) AND d.body_sha256 = x.sha AND d.seq <> x.seq
    AND d.body_sha256 IS NOT NULL AND d.derived_at IS NOT NULL ORDER BY d.seq LIMIT 1) AS b ON true`;

/**
 * Saves that share a copy key (provider and event id, else provider and body: the event id is
 * read from the body, so copies of one body share it too, and one lock a row is enough, which
 * keeps the locks held by a save to one a row) run one after the other:
 * the lookup and the re-point read only committed rows, so an original and its retry saved in
 * overlapping transactions (two instances) would otherwise not see each other and the retry would
 * stay unlinked. Each distinct key of the batch is hashed (hashtext: all instances ask the one
 * server) and locked until the transaction ends, with the two-int advisory lock class "dupe" (the
 * store's other advisory locks use the class "gate"); a hash shared by chance only makes two saves
 * wait for each other. The locks are taken in hash order (PostgreSQL evaluates output expressions
 * after ORDER BY when the sort key is not one of them: SELECT's reference, "SELECT List"), so two
 * batches never wait for each other in a cycle; and before the batch's rows are locked, so a save
 * holding some keys never waits for rows held by one waiting for its keys (the re-point updates
 * copies outside its batch, whose keys it holds). Keys of rows the save then leaves (claimed by
 * another instance) are locked as well: harmless.
 */
const LOCK_COPY_KEYS = `
  SELECT pg_advisory_xact_lock(${0x64757065}, k) FROM (
    SELECT DISTINCT hashtext(x.copy_key) AS k
    FROM unnest($1::text[], $2::text[]) AS u (id, event_id) JOIN deliveries AS d ON d.id = u.id
    CROSS JOIN LATERAL (VALUES (CASE WHEN u.event_id IS NOT NULL THEN 'e' || d.provider || '/' || u.event_id
      WHEN d.body_sha256 IS NOT NULL AND d.size > 0 THEN 'b' || d.provider || '/' || d.body_sha256 END)) AS x (copy_key)
    WHERE x.copy_key IS NOT NULL
  ) AS keys ORDER BY k`;

/**
 * Stored copies derived before their original point to it, as if derived in seq order: by event
 * id ($4, or NULL), else by body ($5, or NULL; not a copy with an earlier one of its own event id,
 * its original). Run after the batch's own writes, which it reads; the two parts touch different rows.
 * Returns the ids re-pointed, from both parts (a data-modifying WITH part returns rows only where
 * the final SELECT reads them).
 */
const REPOINT_COPIES = `
  WITH original AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS o (id, seq, provider, event_id, sha)),
  by_event AS (
    UPDATE deliveries AS d SET duplicate_of = o.id FROM original AS o
    WHERE d.provider = o.provider AND d.event_id = o.event_id AND d.seq > o.seq AND d.duplicate_of IS DISTINCT FROM o.id
    RETURNING d.id
  ),
  by_body AS (
    UPDATE deliveries AS d SET duplicate_of = o.id FROM original AS o
    WHERE d.provider = o.provider AND left(d.body_sha256, 16) = left(o.sha, 16) AND d.body_sha256 = o.sha AND d.seq > o.seq
      AND d.body_sha256 IS NOT NULL AND d.derived_at IS NOT NULL AND d.duplicate_of IS DISTINCT FROM o.id
      AND (d.event_id IS NULL OR NOT EXISTS (SELECT 1 FROM deliveries AS e WHERE e.provider = d.provider AND e.event_id = d.event_id AND e.seq < d.seq))
    RETURNING d.id
  )
  SELECT id FROM by_event UNION ALL SELECT id FROM by_body`;

/**
 * The batch's writes to its own rows, in one statement (one round trip): the inbox columns, the
 * stored form, the capture deleted, the search row, the claims dropped. Each part writes a table
 * of its own, so the order PostgreSQL runs them in does not matter.
 */
const WRITE_DERIVED = `
  WITH updated AS (
    UPDATE deliveries AS d SET derived_at = $1, event_type = u.event_type, event_id = u.event_id, parse_error = u.parse_error,
      verification_status = u.verification_status, secret_label = u.secret_label, status = u.status, environment = u.environment,
      amount_value = u.amount_value, amount_currency = u.amount_currency, reference = u.reference, duplicate_of = u.duplicate_of
    FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
        $12::text[], $13::text[])
      AS u (seq, event_type, event_id, parse_error, verification_status, secret_label, status, environment, amount_value, amount_currency,
        reference, duplicate_of)
    WHERE d.seq = u.seq
  ), contents AS (
    INSERT INTO delivery_contents (seq, form) SELECT * FROM unnest($2::bigint[], $14::bytea[]) ON CONFLICT (seq) DO UPDATE SET form = excluded.form
  ), captures AS (
    DELETE FROM delivery_captures WHERE seq = ANY($15::bigint[])
  ), search AS (
    INSERT INTO delivery_search (seq, doc) SELECT seq, doc::tsvector FROM unnest($2::bigint[], $16::text[]) AS u (seq, doc)
    ON CONFLICT (seq) DO UPDATE SET doc = excluded.doc
  )
  DELETE FROM derivation_claims WHERE seq = ANY($2::bigint[])`;

/** Statements with a fixed text are named: each connection plans them once, not for every batch. */
const named = (name: string, text: string, values: unknown[]) => ({ name: `gatewatch_${name}`, text, values });

/**
 * Saving what derivation worked out, in one transaction per batch (as the SQLite store does it):
 * the inbox columns, dedupe links, correlation keys, the search row and the stored form; a
 * capture is packed and deleted, a form derived again replaced with its old keys removed; the
 * batch's derivation claims are dropped with it. Statements take the whole batch as arrays.
 * Returns the ids of the copies re-pointed to an original derived after them.
 */
export async function saveDerived(pool: pg.Pool, items: ReadonlyArray<{ id: string; derived: DerivedFields }>, instanceId: string): Promise<DerivedSaveResult> {
  return inTransaction(pool, async (client) => {
    const derivedAt = new Date().toISOString();
    // First of all: a save sharing a copy key with this batch commits before this one reads its rows.
    await client.query(named('lock_copy_keys', LOCK_COPY_KEYS, [items.map((i) => i.id), items.map((i) => i.derived.eventId || null)]));
    // Only rows this instance may still derive: its own claim, or none on a row not derived yet.
    // An instance taken for dead that saves late (a long pause, a slow network) finds its rows
    // claimed or already derived by the one that took them over, and leaves them: no delivery is
    // derived twice. The row lock keeps a claim from coming in between (claims skip locked rows).
    const found = await client.query<RowToDerive>(
      named(
        'derive_rows',
        `SELECT d.seq, d.id, d.provider, d.body_sha256, d.size, c.seq IS NOT NULL AS captured,
         CASE WHEN d.id = ANY($3::text[]) THEN c.headers END AS capture_headers, CASE WHEN d.id = ANY($3::text[]) THEN c.body END AS capture_body, k.form
       FROM deliveries AS d LEFT JOIN delivery_captures AS c ON c.seq = d.seq LEFT JOIN delivery_contents AS k ON k.seq = d.seq
       WHERE d.id = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM derivation_claims AS x WHERE x.seq = d.seq AND x.instance <> $2)
         AND (d.derived_at IS NULL OR EXISTS (SELECT 1 FROM derivation_claims AS x WHERE x.seq = d.seq AND x.instance = $2))
       FOR UPDATE OF d`,
        // A form packed by the derivation thread holds the request: its body is not read again.
        [items.map((i) => i.id), instanceId, items.filter((i) => !i.derived.packed).map((i) => i.id)],
      ),
    );
    const byId = new Map(found.rows.map((row) => [row.id, row]));
    const work = items.flatMap(({ id, derived }) => {
      const row = byId.get(id);
      return row ? [{ row, derived }] : [];
    });
    if (work.length === 0) return { repointed: [] };
    const first = await client.query<FirstCopies>(
      named('first_copies', FIRST_COPIES, [
        work.map((w) => w.row.provider),
        work.map((w) => w.derived.eventId || null),
        work.map((w) => w.row.seq),
        work.map((w) => (w.row.body_sha256 && w.row.size > 0 ? w.row.body_sha256 : null)),
      ]),
    );
    const firstOf = new Map(first.rows.map((r) => [Number(r.n), r]));
    const copyKeys = work.map((w) => ({
      event: w.derived.eventId ? `e${w.row.provider}\u0000${w.derived.eventId}` : null,
      body: w.row.body_sha256 && w.row.size > 0 ? `b${w.row.provider}\u0000${w.row.body_sha256}` : null,
    }));
    // Copies inside the batch, which comes in any order: its lowest-seq row for each event id and body.
    const lowestInBatch = new Map<string, Copy>();
    for (const [index, w] of work.entries()) {
      for (const key of [copyKeys[index]!.event, copyKeys[index]!.body]) {
        const low = key === null ? undefined : lowestInBatch.get(key);
        if (key !== null && (low === undefined || w.row.seq < low.seq)) lowestInBatch.set(key, { id: w.row.id, seq: w.row.seq });
      }
    }
    const originals: Array<{ id: string; seq: number; provider: string; eventId: string | null; sha: string | null }> = [];
    const duplicates = work.map((w, index) => {
      const stored = firstOf.get(index + 1)!;
      /** The lowest-seq other copy (stored or in the batch) if earlier; and whether stored copies come only after this row, to point to it. */
      const lowest = (id: string | null, seq: number | null, key: string | null) => {
        const inBatch = key === null ? undefined : lowestInBatch.get(key);
        const candidates = [id === null ? null : { id, seq: seq! }, inBatch === undefined || inBatch.seq === w.row.seq ? null : inBatch];
        const copy = candidates.reduce<Copy | null>((low, c) => (c !== null && (low === null || c.seq < low.seq) ? c : low), null);
        return { earlier: copy !== null && copy.seq < w.row.seq ? copy.id : null, laterStored: id !== null && copy!.seq > w.row.seq };
      };
      const byEvent = copyKeys[index]!.event === null ? null : lowest(stored.by_event, stored.by_event_seq, copyKeys[index]!.event);
      // Not after an earlier copy by event id (as on SQLite): the event id is read from the body, so
      // a copy of this body has this event id too, and is linked by it.
      const byBody = copyKeys[index]!.body === null || byEvent?.earlier ? null : lowest(stored.by_body, stored.by_body_seq, copyKeys[index]!.body);
      if (byEvent?.laterStored || byBody?.laterStored) {
        originals.push({
          id: w.row.id,
          seq: w.row.seq,
          provider: w.row.provider,
          eventId: byEvent?.laterStored ? w.derived.eventId : null,
          sha: byBody?.laterStored ? w.row.body_sha256 : null,
        });
      }
      return byEvent?.earlier ?? byBody?.earlier ?? null;
    });
    const column = <T>(pick: (w: (typeof work)[number]) => T) => work.map(pick);
    const before = work.map((w) => (w.row.form === null ? null : decodeDelivery<StoredDetail>(w.row.form)));
    const forms = work.map((w, index) => {
      // Never write a form without the request it came from.
      if (!w.row.captured && !before[index]) throw new Error(`delivery ${w.row.id} has neither its captured request nor its stored form`);
      if (w.derived.packed) return asBuffer(w.derived.packed);
      const request = w.row.captured ? { headers: JSON.parse(w.row.capture_headers!) as HeaderPair[], body: w.row.capture_body } : before[index]!;
      return encodeDelivery({ ...request, detail: storedDetail(w.derived) });
    });
    const documents = work.map((w) =>
      searchDocument(
        searchRowText(w.derived.searchText, {
          provider: w.row.provider,
          eventType: w.derived.eventType,
          status: w.derived.normalized?.status ?? null,
          verification: w.derived.verification.status,
        }),
      ),
    );
    await client.query(
      named('write_derived', WRITE_DERIVED, [
        derivedAt,
        column((w) => w.row.seq),
        column((w) => w.derived.eventType),
        column((w) => w.derived.eventId),
        column((w) => w.derived.parseError),
        column((w) => w.derived.verification.status),
        column((w) => w.derived.verification.secretLabel ?? null),
        column((w) => w.derived.normalized?.status ?? null),
        column((w) => w.derived.normalized?.environment?.trim().toLowerCase() || null),
        column((w) => w.derived.amount?.value ?? null),
        column((w) => w.derived.amount?.currency ?? null),
        column((w) => w.derived.reference),
        duplicates,
        forms,
        work.filter((w) => w.row.captured).map((w) => w.row.seq),
        documents,
      ]),
    );
    let repointed: string[] = [];
    if (originals.length > 0) {
      const { rows } = await client.query<{ id: string }>(
        named('repoint_copies', REPOINT_COPIES, [
          originals.map((o) => o.id),
          originals.map((o) => o.seq),
          originals.map((o) => o.provider),
          originals.map((o) => o.eventId),
          originals.map((o) => o.sha),
        ]),
      );
      repointed = rows.map((r) => r.id);
    }
    // A row derived before (re-verification) has keys to replace: read from its old form.
    const oldKeys = work.flatMap((w, index) => (before[index]?.detail?.correlationKeys ?? []).map((k) => ({ ...k, seq: w.row.seq })));
    if (oldKeys.length > 0) {
      await client.query(
        named(
          'delete_old_keys',
          'DELETE FROM correlation_keys AS k USING unnest($1::text[], $2::bigint[], $3::text[]) AS o (value, seq, kind) WHERE k.value = o.value AND k.delivery_seq = o.seq AND k.kind = o.kind',
          [oldKeys.map((k) => k.value), oldKeys.map((k) => k.seq), oldKeys.map((k) => k.kind)],
        ),
      );
    }
    const keys = work.flatMap((w) => w.derived.correlationKeys.map((k) => ({ ...k, seq: w.row.seq })));
    if (keys.length > 0) {
      await client.query(
        named(
          'insert_keys',
          'INSERT INTO correlation_keys (value, delivery_seq, kind) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING',
          [keys.map((k) => k.value), keys.map((k) => k.seq), keys.map((k) => k.kind)],
        ),
      );
    }
    await unlistUnusedKeyValues(
      client,
      oldKeys.map((k) => k.value),
    );
    await listKeyValues(
      client,
      keys.map((k) => k.value),
    );
    return { repointed };
  });
}
