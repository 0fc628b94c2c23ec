import type Database from 'better-sqlite3';
import type {
  DeliveryCounts,
  DeliveryPage,
  DeliveryQuery,
  DeliveryStore,
  DerivedFields,
  NewDelivery,
  StoredDelivery,
} from '../types.js';
import { summaryColumns, toStored, toSummary, type FullRow, type SummaryRow } from './delivery-rows.js';
import { ftsQueryFromText } from './fts-query.js';

/** How many search hits one page may look through when filters reject most of them. */
const MAX_TEXT_SCAN = 20_000;

export class SqliteDeliveryStore implements DeliveryStore {
  private readonly insert: Database.Statement;
  private readonly insertMany: (batch: readonly NewDelivery[]) => void;
  private readonly saveMany: (items: ReadonlyArray<{ id: string; derived: DerivedFields }>) => void;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO deliveries
      (id, provider, label, received_at, method, path, query, headers, body, size, body_sha256, remote_address, forwarded, rejected)
      VALUES (@id, @provider, @label, @receivedAt, @method, @path, @query, @headers, @body, @size, @bodySha256, @remoteAddress, @forwarded, @rejected)`);
    this.insertMany = db.transaction((batch: readonly NewDelivery[]) => {
      for (const d of batch) {
        this.insert.run({
          ...d,
          headers: JSON.stringify(d.headers),
          body: d.body === null ? null : Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength),
          forwarded: d.forwarded === null ? null : JSON.stringify(d.forwarded),
          rejected: d.rejected === null ? null : JSON.stringify(d.rejected),
        });
      }
    });
    this.saveMany = this.prepareSaveDerived();
  }

  async insertBatch(batch: readonly NewDelivery[]): Promise<void> {
    if (batch.length > 0) this.insertMany(batch);
  }

  async pendingDerivation(limit: number): Promise<StoredDelivery[]> {
    const rows = this.db
      .prepare(`SELECT * FROM deliveries WHERE derived_at IS NULL ORDER BY seq LIMIT ?`)
      .all(limit) as FullRow[];
    return rows.map((row) => toStored(row, []));
  }

  async saveDerived(items: ReadonlyArray<{ id: string; derived: DerivedFields }>): Promise<void> {
    if (items.length > 0) this.saveMany(items);
  }

  private prepareSaveDerived() {
    const db = this.db;
    const findRow = db.prepare('SELECT seq, provider, body_sha256, size FROM deliveries WHERE id = ?');
    const firstByEventId = db.prepare(
      'SELECT id FROM deliveries WHERE provider = ? AND event_id = ? AND seq < ? ORDER BY seq LIMIT 1',
    );
    const firstByBody = db.prepare(
      'SELECT id FROM deliveries WHERE provider = ? AND body_sha256 = ? AND seq < ? ORDER BY seq LIMIT 1',
    );
    const update = db.prepare(`UPDATE deliveries SET derived_at = @derivedAt, event_type = @eventType,
      event_id = @eventId, parse_error = @parseError, verification_status = @verificationStatus,
      verification = @verification, normalized = @normalized, status = @status, amount_value = @amountValue,
      amount_currency = @amountCurrency, reference = @reference, schema_issues = @schemaIssues,
      duplicate_of = @duplicateOf WHERE seq = @seq`);
    const deleteKeys = db.prepare('DELETE FROM correlation_keys WHERE delivery_seq = ?');
    const insertKey = db.prepare('INSERT OR IGNORE INTO correlation_keys (delivery_seq, kind, value) VALUES (?, ?, ?)');
    const deleteSearch = db.prepare('DELETE FROM delivery_search WHERE rowid = ?');
    const insertSearch = db.prepare('INSERT INTO delivery_search (rowid, text) VALUES (?, ?)');

    return db.transaction((items: ReadonlyArray<{ id: string; derived: DerivedFields }>) => {
      const derivedAt = new Date().toISOString();
      for (const { id, derived } of items) {
        const row = findRow.get(id) as { seq: number; provider: string; body_sha256: string | null; size: number } | undefined;
        if (!row) continue;
        const byEvent = derived.eventId
          ? (firstByEventId.get(row.provider, derived.eventId, row.seq) as { id: string } | undefined)
          : undefined;
        const byBody =
          !byEvent && row.body_sha256 && row.size > 0
            ? (firstByBody.get(row.provider, row.body_sha256, row.seq) as { id: string } | undefined)
            : undefined;
        update.run({
          seq: row.seq,
          derivedAt,
          eventType: derived.eventType,
          eventId: derived.eventId,
          parseError: derived.parseError,
          verificationStatus: derived.verification.status,
          verification: JSON.stringify(derived.verification),
          normalized: derived.normalized ? JSON.stringify(derived.normalized) : null,
          status: derived.normalized?.status ?? null,
          amountValue: derived.amount?.value ?? null,
          amountCurrency: derived.amount?.currency ?? null,
          reference: derived.reference,
          schemaIssues: JSON.stringify(derived.schemaIssues),
          duplicateOf: (byEvent ?? byBody)?.id ?? null,
        });
        deleteKeys.run(row.seq);
        for (const key of derived.correlationKeys) insertKey.run(row.seq, key.kind, key.value);
        deleteSearch.run(row.seq);
        insertSearch.run(row.seq, derived.searchText);
      }
    });
  }

  async markForRederive(filter: { provider?: string; id?: string }): Promise<number> {
    const where: string[] = ['derived_at IS NOT NULL'];
    if (filter.provider !== undefined) where.push('provider = @provider');
    if (filter.id !== undefined) where.push('id = @id');
    return this.db.prepare(`UPDATE deliveries SET derived_at = NULL WHERE ${where.join(' AND ')}`).run(filter).changes;
  }

  async list(query: DeliveryQuery): Promise<DeliveryPage> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.provider) (where.push('provider = @provider'), (params.provider = query.provider));
    if (query.eventType) (where.push('event_type = @eventType'), (params.eventType = query.eventType));
    if (query.status) (where.push('status = @status'), (params.status = query.status));
    if (query.verification === 'pending') where.push('verification_status IS NULL');
    else if (query.verification) (where.push('verification_status = @verification'), (params.verification = query.verification));
    if (query.since) (where.push('received_at >= @since'), (params.since = query.since));
    if (query.until) (where.push('received_at <= @until'), (params.until = query.until));
    const match = query.text ? ftsQueryFromText(query.text) : null;
    return match === null ? this.listByFilters(query, where, params) : this.listByText(query, match, where, params);
  }

  private listByFilters(query: DeliveryQuery, where: string[], params: Record<string, unknown>): DeliveryPage {
    const filter = where.length > 0 ? where.join(' AND ') : '1';
    const before = query.beforeSeq !== undefined ? 'AND seq < @beforeSeq' : '';
    const rows = this.db
      .prepare(`SELECT ${summaryColumns} FROM deliveries WHERE ${filter} ${before} ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, beforeSeq: query.beforeSeq, limit: query.limit + 1 }) as SummaryRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM deliveries WHERE ${filter}`).get(params) as { n: number }).n;
    return {
      items: rows.slice(0, query.limit).map(toSummary),
      total,
      totalIsEstimate: false,
      hasMore: rows.length > query.limit,
    };
  }

  /** Walks search hits newest first (by FTS rowid = seq, which is cheap) and applies the filters per chunk. */
  private listByText(query: DeliveryQuery, match: string, where: string[], params: Record<string, unknown>): DeliveryPage {
    const hits = this.db.prepare(
      'SELECT rowid FROM delivery_search WHERE delivery_search MATCH @match AND rowid < @before ORDER BY rowid DESC LIMIT @chunk',
    );
    const filter = where.length > 0 ? `AND ${where.join(' AND ')}` : '';
    const items: SummaryRow[] = [];
    let before = query.beforeSeq ?? Number.MAX_SAFE_INTEGER;
    let scanned = 0;
    let exhausted = false;
    let chunk = Math.max(64, query.limit + 1);
    while (items.length <= query.limit && scanned < MAX_TEXT_SCAN) {
      const seqs = (hits.all({ match, before, chunk }) as Array<{ rowid: number }>).map((r) => r.rowid);
      if (seqs.length === 0) {
        exhausted = true;
        break;
      }
      scanned += seqs.length;
      before = seqs[seqs.length - 1]!;
      const rows = this.db
        .prepare(`SELECT ${summaryColumns} FROM deliveries WHERE seq IN (${seqs.join(',')}) ${filter} ORDER BY seq DESC`)
        .all(params) as SummaryRow[];
      items.push(...rows);
      if (seqs.length < chunk) {
        exhausted = true;
        break;
      }
      chunk = Math.min(chunk * 4, 4096);
    }
    const page = items.slice(0, query.limit);
    const total = (
      this.db.prepare('SELECT count(*) AS n FROM delivery_search WHERE delivery_search MATCH ?').get(match) as { n: number }
    ).n;
    return {
      items: page.map(toSummary),
      total,
      // With filters on top of the text, the count of text matches is an upper bound.
      totalIsEstimate: where.length > 0,
      hasMore: items.length > query.limit || !exhausted,
    };
  }

  async get(id: string): Promise<StoredDelivery | null> {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as FullRow | undefined;
    if (!row) return null;
    const keys = this.db
      .prepare('SELECT kind, value FROM correlation_keys WHERE delivery_seq = ? ORDER BY kind, value')
      .all(row.seq) as Array<{ kind: string; value: string }>;
    return toStored(row, keys);
  }

  async duplicatesOf(id: string): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM deliveries WHERE duplicate_of = ? ORDER BY seq').all(id) as Array<{ id: string }>).map(
      (r) => r.id,
    );
  }

  async counts(): Promise<DeliveryCounts> {
    const rows = this.db.prepare('SELECT provider, count(*) AS n FROM deliveries GROUP BY provider').all() as Array<{
      provider: string;
      n: number;
    }>;
    const byProvider = Object.fromEntries(rows.map((r) => [r.provider, r.n]));
    return { total: rows.reduce((sum, r) => sum + r.n, 0), byProvider };
  }
}
