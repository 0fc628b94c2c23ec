import type pg from 'pg';
import type {
  DeliveryCounts,
  DeliveryPage,
  DeliveryQuery,
  DeliveryStore,
  DerivedFields,
  DerivedSaveResult,
  NewDelivery,
  PendingDelivery,
  StoredDelivery,
} from '../types.js';
import { fullSelect, toPending, toStored, type FullRow, type PendingRow } from '../sqlite/delivery-rows.js';
import { aliveSql, type InstanceTiming } from './instances.js';
import { listDeliveries } from './delivery-list.js';
import { saveDerived } from './derived-writes.js';
import { PgDeliveryMaintenance } from './delivery-maintenance.js';

const asBuffer = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * One statement per batch: the deliveries as one multi-row insert (unnest of arrays, in arrival
 * order), their captured requests and their relay jobs in the same statement, so they commit
 * together in one round trip. A passthrough's job names the instance waiting for the backend.
 */
const INSERT_BATCH = `
  WITH batch AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[],
      $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bytea[])
      WITH ORDINALITY AS b (id, provider, label, received_at, method, path, query, size, body_sha256, remote_address, forwarded,
        rejected, origin, headers, body, n)
  ), inserted AS (
    INSERT INTO deliveries (id, provider, label, received_at, method, path, query, size, body_sha256, remote_address, forwarded, rejected, origin)
    SELECT id, provider, label, received_at, method, path, query, size, body_sha256, remote_address, forwarded, rejected, origin
    FROM batch ORDER BY n
    RETURNING seq, id
  ), captured AS (
    INSERT INTO delivery_captures (seq, headers, body) SELECT i.seq, b.headers, b.body FROM inserted AS i JOIN batch AS b ON b.id = i.id
  )
  INSERT INTO relay_jobs (id, delivery_seq, delivery_id, route_id, mode, state, max_attempts, run_at, created_at, finished_at,
    answered_status, answered_at, locked_by)
  SELECT j.job_id, i.seq, j.delivery_id, j.route_id, j.mode, j.state, j.max_attempts, j.run_at, j.created_at, j.finished_at,
    j.answered_status, j.answered_at, j.owner
  FROM unnest($16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::integer[], $22::text[], $23::text[], $24::text[],
      $25::integer[], $26::text[], $27::text[])
    AS j (job_id, delivery_id, route_id, mode, state, max_attempts, run_at, created_at, finished_at, answered_status, answered_at, owner)
  JOIN inserted AS i ON i.id = j.delivery_id`;

function batchParams(batch: readonly NewDelivery[], instanceId: string): unknown[] {
  const column = <T>(pick: (d: NewDelivery) => T) => batch.map(pick);
  const relayed = batch.filter((d) => d.relay);
  const job = <T>(pick: (d: NewDelivery, j: NonNullable<NewDelivery['relay']>) => T) => relayed.map((d) => pick(d, d.relay!));
  return [
    column((d) => d.id),
    column((d) => d.provider),
    column((d) => d.label),
    column((d) => d.receivedAt),
    column((d) => d.method),
    column((d) => d.path),
    column((d) => d.query),
    column((d) => d.size),
    column((d) => d.bodySha256),
    column((d) => d.remoteAddress),
    column((d) => json(d.forwarded)),
    column((d) => json(d.rejected)),
    column((d) => json(d.origin ?? null)),
    column((d) => JSON.stringify(d.headers)),
    column((d) => asBuffer(d.body)),
    job((_, j) => j.jobId),
    job((d) => d.id),
    job((_, j) => j.routeId),
    job((_, j) => j.mode),
    job((_, j) => j.state),
    job((_, j) => j.maxAttempts),
    job((_, j) => j.runAt),
    job((d) => d.receivedAt),
    job((d, j) => (j.state === 'simulated' ? d.receivedAt : null)),
    job((_, j) => j.answered?.status ?? null),
    job((d, j) => (j.answered ? d.receivedAt : null)),
    job((_, j) => (j.state === 'sending' ? instanceId : null)),
  ];
}

/**
 * Listener batches committed at once: the server flushes concurrent commits to disk together,
 * and a batch does not wait for the one before it. At most half the pool (10 connections by
 * default), so derivation, the relay and the console keep connections of their own.
 */
const CONCURRENT_INSERTS = 4;

/** Claims tried in a row while rows are left but each claim meets another instance's (see pendingDerivation). */
const CLAIM_TRIES = 4;
const CLAIM_RETRY_PAUSE_MS = 5;

export class PgDeliveryStore implements DeliveryStore {
  private readonly maintenance: PgDeliveryMaintenance;
  readonly concurrentInserts: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly instanceId: string,
    private readonly timing: InstanceTiming,
  ) {
    this.maintenance = new PgDeliveryMaintenance(pool);
    this.concurrentInserts = Math.max(1, Math.min(CONCURRENT_INSERTS, Math.floor((pool.options?.max ?? 10) / 2)));
  }

  /**
   * One statement, so one transaction: resolved once PostgreSQL has committed it (synchronous_commit
   * on). Named, so each connection plans it once rather than for every batch.
   */
  async insertBatch(batch: readonly NewDelivery[]): Promise<void> {
    if (batch.length === 0) return;
    await this.pool.query({ name: 'gatewatch_insert_batch', text: INSERT_BATCH, values: batchParams(batch, this.instanceId) });
  }

  /**
   * Claims up to `limit` deliveries waiting for derivation for this instance, oldest first: rows
   * another instance is deriving are skipped (FOR UPDATE SKIP LOCKED while claiming, then its
   * claim while it lives); rows claimed by an instance not seen lately are taken over.
   */
  async pendingDerivation(limit: number, afterSeq = 0): Promise<PendingDelivery[]> {
    // An empty claim may have met rows another instance claimed just after this statement's
    // snapshot: it locked them, found them claimed, and took none of the rows after them. Empty is
    // only returned once a fresh look finds nothing left to claim (or after a few such meetings).
    for (let tries = 1; ; tries++) {
      const claimed = await this.claimPending(limit, afterSeq);
      if (claimed.length > 0 || tries === CLAIM_TRIES || !(await this.claimableLeft(afterSeq))) return claimed;
      // Rows still locked by a claim under way are let go once it commits: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, CLAIM_RETRY_PAUSE_MS));
    }
  }

  private async claimableLeft(afterSeq: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ left: boolean }>({
      name: `gatewatch_claimable_left_${this.timing.staleAfterMs}`,
      text: `SELECT EXISTS (
         SELECT 1 FROM deliveries AS d WHERE d.derived_at IS NULL AND d.seq > $1
           AND NOT EXISTS (SELECT 1 FROM derivation_claims AS c WHERE c.seq = d.seq AND c.instance <> $2 AND ${aliveSql('c.instance', this.timing)})
       ) AS left`,
      values: [afterSeq, this.instanceId],
    });
    return rows[0]?.left === true;
  }

  private async claimPending(limit: number, afterSeq: number): Promise<PendingDelivery[]> {
    // Named (planned once per connection); the text holds the staleness interval, so does its name.
    const { rows } = await this.pool.query<PendingRow>({
      name: `gatewatch_claim_derivation_${this.timing.staleAfterMs}`,
      text: `WITH candidates AS (
         SELECT d.seq FROM deliveries AS d
         WHERE d.derived_at IS NULL AND d.seq > $1
           AND NOT EXISTS (SELECT 1 FROM derivation_claims AS c WHERE c.seq = d.seq AND c.instance <> $3 AND ${aliveSql('c.instance', this.timing)})
         ORDER BY d.seq LIMIT $2
         FOR UPDATE OF d SKIP LOCKED
       ), claimed AS (
         INSERT INTO derivation_claims AS c (seq, instance) SELECT seq, $3 FROM candidates
         ON CONFLICT (seq) DO UPDATE SET instance = excluded.instance, claimed_at = now()
           WHERE c.instance = excluded.instance OR NOT ${aliveSql('c.instance', this.timing)}
         RETURNING seq
       )
       SELECT d.seq, d.id, d.provider, d.label, d.rejected, cap.headers AS capture_headers, cap.body AS capture_body, k.form
       FROM claimed AS x JOIN deliveries AS d ON d.seq = x.seq
         LEFT JOIN delivery_captures AS cap ON cap.seq = d.seq LEFT JOIN delivery_contents AS k ON k.seq = d.seq
       ORDER BY d.seq`,
      values: [afterSeq, limit, this.instanceId],
    });
    return rows.map(toPending);
  }

  async saveDerived(items: ReadonlyArray<{ id: string; derived: DerivedFields }>): Promise<DerivedSaveResult> {
    return items.length > 0 ? saveDerived(this.pool, items, this.instanceId) : { repointed: [] };
  }

  async markForRederive(filter: { provider?: string; id?: string }): Promise<number> {
    const { rowCount } = await this.pool.query(
      'UPDATE deliveries SET derived_at = NULL WHERE derived_at IS NOT NULL AND ($1::text IS NULL OR provider = $1) AND ($2::text IS NULL OR id = $2)',
      [filter.provider ?? null, filter.id ?? null],
    );
    return rowCount ?? 0;
  }

  list(query: DeliveryQuery): Promise<DeliveryPage> {
    return listDeliveries(this.pool, query);
  }

  async get(id: string): Promise<StoredDelivery | null> {
    const { rows } = await this.pool.query<FullRow>(`${fullSelect} WHERE d.id = $1`, [id]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async duplicatesOf(id: string): Promise<string[]> {
    return (await this.pool.query<{ id: string }>('SELECT id FROM deliveries WHERE duplicate_of = $1 ORDER BY seq', [id])).rows.map((r) => r.id);
  }

  async counts(): Promise<DeliveryCounts> {
    const { rows } = await this.pool.query<{ provider: string; n: number }>('SELECT provider, count(*) AS n FROM deliveries GROUP BY provider');
    return { total: rows.reduce((sum, r) => sum + r.n, 0), byProvider: Object.fromEntries(rows.map((r) => [r.provider, r.n])) };
  }

  countReceivedBefore = (cutoff: string) => this.maintenance.countReceivedBefore(cutoff);
  pruneReceivedBefore = (cutoff: string, limit: number) => this.maintenance.pruneReceivedBefore(cutoff, limit);
  /** PostgreSQL's autovacuum reuses the space deleted rows leave: nothing to give back by hand. */
  freeFraction = async () => 0;
  compact = async () => false;
  /** The server runs its own checkpoints: nothing to fold here. */
  checkpoint = async () => 0;
}
