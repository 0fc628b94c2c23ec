import type Database from 'better-sqlite3';
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
import {
  captureValues,
  fullSelect,
  insertCaptureSql,
  insertDeliverySql,
  insertValues,
  pendingSelect,
  summaryColumns,
  toPending,
  toStored,
  toSummary,
  type FullRow,
  type PendingRow,
  type SummaryRow,
} from './delivery-rows.js';
import { DeliveryMaintenance } from './delivery-maintenance.js';
import { inlineCheckpointer, type Checkpointer } from './checkpointer.js';
import { relayJobInserter } from './relay.js';
import { RELAY_FILTER_STATES } from '../../../src-shared/relay/states.js';
import { DEFAULT_LOG_BOUND_BYTES, keptLogBytes, LogBound } from './log-bound.js';
import { estimateTotal, filtersNeedTokens, ftsQueryFromText, ftsQueryWithFilters } from './fts-query.js';
import { prepareSaveDerived } from './derived-writes.js';
import { idLookup, type IdLookup } from './key-lookup.js';

/** How many search hits one page may look through when filters reject most of them. */
const MAX_TEXT_SCAN = 20_000;
/**
 * `total` is counted exactly up to this many matches (walking them newest first costs a few
 * milliseconds); past it, counting a million rows would cost more than the page, so it is
 * estimated and flagged.
 */
const EXACT_COUNT_CAP = 5_000;

interface SeqRange {
  low: number;
  high: number;
}

export class SqliteDeliveryStore implements DeliveryStore {
  private readonly insert: Database.Statement;
  private readonly insertCapture: Database.Statement;
  private readonly insertMany: (batch: readonly NewDelivery[]) => void;
  private readonly saveMany: (items: ReadonlyArray<{ id: string; derived: DerivedFields }>) => string[];

  private readonly maintenance: DeliveryMaintenance;
  private readonly readPending: Database.Statement<[number, number], PendingRow>;
  /** Read for every relayed delivery (the provider-retry alerts) as well as by the console: prepared once. */
  private readonly readOne: Database.Statement<[string], FullRow>;
  private readonly readDuplicates: Database.Statement<[string], string>;
  private readonly lookUpIds: (text: string | undefined) => IdLookup;

  constructor(
    private readonly db: Database.Database,
    checkpointer: Checkpointer = inlineCheckpointer(db),
    private readonly logBound = new LogBound(`${db.name}-wal`, checkpointer, DEFAULT_LOG_BOUND_BYTES, () => {}),
  ) {
    this.maintenance = new DeliveryMaintenance(db, checkpointer);
    this.insert = db.prepare(insertDeliverySql);
    const insertRelayJob = relayJobInserter(db);
    this.insertCapture = db.prepare(insertCaptureSql);
    this.insertMany = db.transaction((batch: readonly NewDelivery[]) => {
      for (const d of batch) {
        const seq = this.insert.run(...insertValues(d)).lastInsertRowid;
        this.insertCapture.run(...captureValues(seq, d));
        // In the same transaction: an acknowledged delivery on a relay route is always relayed.
        if (d.relay) insertRelayJob(seq, d);
      }
    });
    this.saveMany = prepareSaveDerived(db);
    this.readPending = db.prepare(`${pendingSelect} WHERE d.derived_at IS NULL AND d.seq > ? ORDER BY d.seq LIMIT ?`);
    this.lookUpIds = idLookup(db);
    this.readOne = db.prepare(`${fullSelect} WHERE d.id = ?`);
    this.readDuplicates = db.prepare<[string], string>('SELECT id FROM deliveries WHERE duplicate_of = ? ORDER BY seq').pluck();
  }

  async insertBatch(batch: readonly NewDelivery[]): Promise<void> {
    if (batch.length === 0) return;
    this.insertMany(batch);
    this.logBound.afterWrite();
  }

  async pendingDerivation(limit: number, afterSeq = 0): Promise<PendingDelivery[]> {
    return this.readPending.all(afterSeq, limit).map(toPending);
  }

  async saveDerived(items: ReadonlyArray<{ id: string; derived: DerivedFields }>): Promise<DerivedSaveResult> {
    if (items.length === 0) return { repointed: [] };
    const repointed = this.saveMany(items);
    this.logBound.afterWrite();
    return { repointed };
  }

  async markForRederive(filter: { provider?: string; id?: string }): Promise<number> {
    const where: string[] = ['derived_at IS NOT NULL'];
    if (filter.provider !== undefined) where.push('provider = @provider');
    if (filter.id !== undefined) where.push('id = @id');
    return this.db.prepare(`UPDATE deliveries SET derived_at = NULL WHERE ${where.join(' AND ')}`).run(filter).changes;
  }

  /** README "Search": the words, and for a one-word text the key it names and the keys it starts (search-semantics.ts). */
  async list(query: DeliveryQuery): Promise<DeliveryPage> {
    const ids = this.lookUpIds(query.text);
    return { ...this.listPage(query, ids.keyPrefix?.keys.map((key) => key.value) ?? []), ...ids };
  }

  private listPage(query: DeliveryQuery, keyValues: readonly string[]): DeliveryPage {
    const range = this.seqRange(query);
    if (range === null) return { items: [], total: 0, totalIsEstimate: false, hasMore: false };
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const filter = (clause: string, name: string, value: unknown) => {
      where.push(clause);
      params[name] = value;
    };
    if (query.provider) filter('provider = @provider', 'provider', query.provider);
    if (query.eventType) filter('event_type = @eventType', 'eventType', query.eventType);
    if (query.status) filter('status = @status', 'status', query.status);
    if (query.environment) filter('environment = @environment', 'environment', query.environment);
    // The states are the contract's fixed list, never the caller's text.
    if (query.relayState)
      where.push(`seq IN (SELECT delivery_seq FROM relay_jobs WHERE state IN (${RELAY_FILTER_STATES[query.relayState].map((s) => `'${s}'`).join(', ')}))`);
    // Pending = never derived; `derived_at IS NULL` lets the small deliveries_pending index answer.
    if (query.verification === 'pending') where.push('derived_at IS NULL AND verification_status IS NULL');
    else if (query.verification) filter('verification_status = @verification', 'verification', query.verification);
    // The time window is already turned into a seq range; `+` keeps SQLite walking seq order
    // instead of collecting the whole window from the received_at index and sorting it.
    if (query.since) filter('+received_at >= @since', 'since', query.since);
    if (query.until) filter('+received_at <= @until', 'until', query.until);
    const match = query.text ? ftsQueryFromText(query.text, keyValues) : null;
    const indexed = { provider: query.provider, eventType: query.eventType, status: query.status, verification: query.verification };
    if (match === null && !filtersNeedTokens(query)) return this.listByFilters(query, range, where, params);
    // Rows waiting for derivation are not in the search index yet: no text can match them.
    if (query.verification === 'pending') return { items: [], total: 0, totalIsEstimate: false, hasMore: false };
    return this.listByText(query, ftsQueryWithFilters(match, indexed), range, where, params);
  }

  /**
   * The seq range a query can touch. received_at and seq grow together (both are assigned in
   * arrival order by the one listener), so a time window becomes a seq range found through the
   * received_at index; the exact time filter is still applied to every row inside it.
   */
  private seqRange(query: DeliveryQuery): SeqRange | null {
    // Two subqueries: SQLite answers a lone min() or max() from the ends of the table, but
    // scans every row for `SELECT min(seq), max(seq)`.
    const ends = this.db.prepare('SELECT (SELECT min(seq) FROM deliveries) AS low, (SELECT max(seq) FROM deliveries) AS high').get() as {
      low: number | null;
      high: number | null;
    };
    if (ends.low === null || ends.high === null) return null;
    let { low, high } = ends as SeqRange;
    if (query.since) {
      const first = this.db.prepare('SELECT seq FROM deliveries WHERE received_at >= ? ORDER BY received_at, seq LIMIT 1').pluck().get(query.since) as
        | number
        | undefined;
      if (first === undefined) return null;
      low = first;
    }
    if (query.until) {
      const last = this.db.prepare('SELECT seq FROM deliveries WHERE received_at <= ? ORDER BY received_at DESC, seq DESC LIMIT 1').pluck().get(query.until) as
        | number
        | undefined;
      if (last === undefined) return null;
      high = last;
    }
    return low > high ? null : { low, high };
  }

  private listByFilters(query: DeliveryQuery, range: SeqRange, where: string[], params: Record<string, unknown>): DeliveryPage {
    const filter = where.length > 0 ? `${where.join(' AND ')} AND` : '';
    const before = Math.min(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, range.high + 1);
    const rows = this.db
      .prepare(`SELECT ${summaryColumns} FROM deliveries WHERE ${filter} seq >= @low AND seq < @before ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, low: range.low, before, limit: query.limit + 1 }) as SummaryRow[];
    const counted = this.db
      .prepare(`SELECT seq FROM deliveries WHERE ${filter} seq >= @low AND seq <= @high ORDER BY seq DESC LIMIT @cap`)
      .pluck()
      .all({ ...params, low: range.low, high: range.high, cap: EXACT_COUNT_CAP + 1 }) as number[];
    return { ...this.totalOf(counted, range), items: rows.slice(0, query.limit).map(toSummary), hasMore: rows.length > query.limit };
  }

  /** Walks search hits newest first (FTS rowid = seq, filters are index tokens), re-checking each row's columns. */
  private listByText(query: DeliveryQuery, match: string, range: SeqRange, where: string[], params: Record<string, unknown>): DeliveryPage {
    const hits = this.db.prepare(
      `SELECT rowid FROM delivery_search WHERE delivery_search MATCH @match AND rowid >= @low AND rowid < @before
       ORDER BY rowid DESC LIMIT @chunk`,
    );
    const filter = where.length > 0 ? `AND ${where.join(' AND ')}` : '';
    const items: SummaryRow[] = [];
    let before = Math.min(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, range.high + 1);
    let scanned = 0;
    let exhausted = false;
    let chunk = query.limit + 1;
    while (items.length <= query.limit && scanned < MAX_TEXT_SCAN) {
      // BigInt binds as INTEGER: FTS5 seeks to an integer rowid bound, but walks the whole
      // doclist when the bound comes as a REAL (which a plain JS number binds as).
      const seqs = hits.pluck().all({ match, low: BigInt(range.low), before: BigInt(before), chunk }) as number[];
      scanned += seqs.length;
      if (seqs.length > 0) {
        before = seqs[seqs.length - 1]!;
        const rows = this.db
          .prepare(`SELECT ${summaryColumns} FROM deliveries WHERE seq IN (${seqs.join(',')}) ${filter} ORDER BY seq DESC`)
          .all(params) as SummaryRow[];
        items.push(...rows);
      }
      if (seqs.length < chunk) {
        exhausted = true;
        break;
      }
      chunk = Math.min(chunk * 4, 4096);
    }
    const counted = this.db
      .prepare(
        `SELECT rowid FROM delivery_search WHERE delivery_search MATCH @match AND rowid >= @low AND rowid <= @high
         ORDER BY rowid DESC LIMIT @cap`,
      )
      .pluck()
      .all({ match, low: BigInt(range.low), high: BigInt(range.high), cap: EXACT_COUNT_CAP + 1 }) as number[];
    // Index tokens of event types could collide (`a_b`, `ab`): re-check a small exact count then.
    const recheck = query.eventType && counted.length <= EXACT_COUNT_CAP && counted.length > 0;
    const confirmed = recheck
      ? (this.db
          .prepare(`SELECT seq FROM deliveries WHERE seq IN (${counted.join(',')}) ${filter}`)
          .pluck()
          .all(params) as number[])
      : counted;
    return {
      ...this.totalOf(confirmed, range),
      items: items.slice(0, query.limit).map(toSummary),
      hasMore: items.length > query.limit || !exhausted,
    };
  }

  /** Exact up to the cap (the matches were all walked); beyond it, an estimate flagged as one. */
  private totalOf(newestMatches: readonly number[], range: SeqRange): { total: number; totalIsEstimate: boolean } {
    if (newestMatches.length <= EXACT_COUNT_CAP) return { total: newestMatches.length, totalIsEstimate: false };
    return { total: estimateTotal(EXACT_COUNT_CAP, newestMatches[EXACT_COUNT_CAP - 1]!, range), totalIsEstimate: true };
  }

  async get(id: string): Promise<StoredDelivery | null> {
    const row = this.readOne.get(id);
    return row ? toStored(row) : null;
  }

  async duplicatesOf(id: string): Promise<string[]> {
    return this.readDuplicates.all(id);
  }

  async counts(): Promise<DeliveryCounts> {
    const rows = this.db.prepare('SELECT provider, count(*) AS n FROM deliveries GROUP BY provider').all() as Array<{
      provider: string;
      n: number;
    }>;
    const byProvider = Object.fromEntries(rows.map((r) => [r.provider, r.n]));
    return { total: rows.reduce((sum, r) => sum + r.n, 0), byProvider };
  }

  countReceivedBefore = (cutoff: string) => this.maintenance.countReceivedBefore(cutoff);
  pruneReceivedBefore = (cutoff: string, limit: number) => this.maintenance.pruneReceivedBefore(cutoff, limit);
  freeFraction = () => this.maintenance.freeFraction();
  compact = () => this.maintenance.compact();
  /** A large log's bulk goes to the checkpoint thread; a file longer than the kept size is emptied at the end. */
  checkpoint = () => {
    const bytes = this.logBound.logBytes();
    const kept = keptLogBytes(this.logBound.boundBytes);
    return this.maintenance.checkpoint(bytes > kept, bytes > kept);
  };
}
