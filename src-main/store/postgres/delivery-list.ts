/**
 * The inbox's list on PostgreSQL, with the SQLite store's semantics (sqlite/deliveries.ts): the
 * same filters, text through the search index with filter tokens, keyset pages newest first, a
 * total counted exactly up to a cap and estimated beyond it.
 */
import type pg from 'pg';
import type { DeliveryPage, DeliveryQuery } from '../types.js';
import { RELAY_FILTER_STATES } from '../../../src-shared/relay/states.js';
import { summaryColumns, toSummary, type SummaryRow } from '../sqlite/delivery-rows.js';
import { estimateTotal, filtersNeedTokens } from '../sqlite/fts-query.js';
import { searchQuery, searchWords } from './search-text.js';
import { SqlParams } from './sql-params.js';
import { lookUpIds } from './key-lookup.js';

/** How many search hits one page may look through when filters reject most of them. */
const MAX_TEXT_SCAN = 20_000;
/** `total` is exact up to this many matches, estimated (and flagged) beyond. */
const EXACT_COUNT_CAP = 5_000;

interface SeqRange {
  low: number;
  high: number;
}

const EMPTY: DeliveryPage = { items: [], total: 0, totalIsEstimate: false, hasMore: false };

/** README "Search": the words, and for a one-word text the key it names and the keys it starts (search-semantics.ts). */
export async function listDeliveries(pool: pg.Pool, query: DeliveryQuery): Promise<DeliveryPage> {
  const ids = await lookUpIds(pool, query.text);
  return { ...(await listPage(pool, query, ids.keyPrefix?.keys.map((key) => key.value) ?? [])), ...ids };
}

async function listPage(pool: pg.Pool, query: DeliveryQuery, keyValues: readonly string[]): Promise<DeliveryPage> {
  const range = await seqRange(pool, query);
  if (range === null) return EMPTY;
  const params = new SqlParams();
  const where: string[] = [];
  if (query.provider) where.push(`provider = ${params.add(query.provider)}`);
  if (query.eventType) where.push(`event_type = ${params.add(query.eventType)}`);
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  if (query.environment) where.push(`environment = ${params.add(query.environment)}`);
  // The states are the contract's fixed list, never the caller's text.
  if (query.relayState)
    where.push(`seq IN (SELECT delivery_seq FROM relay_jobs WHERE state = ANY(${params.add(RELAY_FILTER_STATES[query.relayState])}::text[]))`);
  if (query.verification === 'pending') where.push('derived_at IS NULL AND verification_status IS NULL');
  else if (query.verification) where.push(`verification_status = ${params.add(query.verification)}`);
  if (query.since) where.push(`received_at >= ${params.add(query.since)}`);
  if (query.until) where.push(`received_at <= ${params.add(query.until)}`);
  const indexed = { provider: query.provider, eventType: query.eventType, status: query.status, verification: query.verification };
  // Text of spaces (or control characters) only is no text, as in the SQLite store.
  const text = query.text && searchWords(query.text).length > 0 ? query.text : null;
  if (text === null && !filtersNeedTokens(query)) return listByFilters(pool, query, range, where, params);
  // Rows waiting for derivation are not in the search index yet: no text can match them.
  if (query.verification === 'pending') return EMPTY;
  const match = searchQuery(text, indexed, keyValues);
  if (match === null) return EMPTY;
  return listByText(pool, query, match, range, where, params);
}

/**
 * The seq range a query can touch, as the SQLite store works it out: a time window becomes the
 * seqs of its first and last deliveries (received_at and seq grow together), found through the
 * received_at index; the exact time filter still applies to every row.
 */
async function seqRange(pool: pg.Pool, query: DeliveryQuery): Promise<SeqRange | null> {
  const { rows } = await pool.query<{ low: number | null; high: number | null }>(
    `SELECT
       coalesce((SELECT seq FROM deliveries WHERE received_at >= $1 ORDER BY received_at, seq LIMIT 1), CASE WHEN $1::text IS NULL THEN (SELECT min(seq) FROM deliveries) END) AS low,
       coalesce((SELECT seq FROM deliveries WHERE received_at <= $2 ORDER BY received_at DESC, seq DESC LIMIT 1), CASE WHEN $2::text IS NULL THEN (SELECT max(seq) FROM deliveries) END) AS high`,
    [query.since ?? null, query.until ?? null],
  );
  const { low, high } = rows[0]!;
  return low === null || high === null || low > high ? null : { low, high };
}

async function listByFilters(pool: pg.Pool, query: DeliveryQuery, range: SeqRange, where: string[], params: SqlParams): Promise<DeliveryPage> {
  const filter = where.length > 0 ? `${where.join(' AND ')} AND` : '';
  const before = Math.min(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, range.high + 1);
  const page = new SqlParams();
  page.values.push(...params.values);
  const rows = await pool.query<SummaryRow>(
    `SELECT ${summaryColumns} FROM deliveries WHERE ${filter} seq >= ${page.add(range.low)} AND seq < ${page.add(before)}
     ORDER BY seq DESC LIMIT ${page.add(query.limit + 1)}`,
    page.values,
  );
  const count = new SqlParams();
  count.values.push(...params.values);
  const counted = await countNewest(
    pool,
    `SELECT seq FROM deliveries WHERE ${filter} seq >= ${count.add(range.low)} AND seq <= ${count.add(range.high)} ORDER BY seq DESC`,
    count,
  );
  return { ...totalOf(counted, range), items: rows.rows.slice(0, query.limit).map(toSummary), hasMore: rows.rows.length > query.limit };
}

/** Walks search hits newest first, in growing chunks, re-checking each row's columns. */
async function listByText(pool: pg.Pool, query: DeliveryQuery, match: string, range: SeqRange, where: string[], params: SqlParams): Promise<DeliveryPage> {
  const filter = where.length > 0 ? `AND ${where.join(' AND ')}` : '';
  // PostgreSQL estimates a rare or absent word at a fixed share of the rows, so with `ORDER BY
  // seq DESC LIMIT` it walks the seq index backwards checking every row's document (a second at
  // a million rows for a word on one row). So first the newest rows of the range are looked at:
  // a word on many of them is walked newest first as before (found quickly that way); a sparse
  // one is fetched through the search index and sorted (its bitmap is small).
  const sparse = await isSparse(pool, match, range);
  const hitsSql = sparse
    ? 'SELECT seq FROM (SELECT seq FROM delivery_search WHERE doc @@ $1::tsquery AND seq >= $2 AND seq < $3 OFFSET 0) AS hits ORDER BY seq DESC LIMIT $4'
    : 'SELECT seq FROM delivery_search WHERE doc @@ $1::tsquery AND seq >= $2 AND seq < $3 ORDER BY seq DESC LIMIT $4';
  // A sparse match's newest seqs in the range, up to the cap and one more, in one statement: the
  // pages are taken from them when they are all of them, and the count always.
  const newest = sparse ? await newestHits(pool, match, range) : null;
  const complete = newest !== null && newest.length <= EXACT_COUNT_CAP ? newest : null;
  const items: SummaryRow[] = [];
  let before = Math.min(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, range.high + 1);
  let scanned = 0;
  let exhausted = false;
  let chunk = query.limit + 1;
  while (items.length <= query.limit && scanned < MAX_TEXT_SCAN) {
    const seqs =
      complete !== null
        ? complete.filter((seq) => seq < before).slice(0, chunk)
        : (await pool.query<{ seq: number }>(hitsSql, [match, range.low, before, chunk])).rows.map((r) => r.seq);
    scanned += seqs.length;
    if (seqs.length > 0) {
      before = seqs[seqs.length - 1]!;
      const rows = new SqlParams();
      rows.values.push(...params.values);
      const found = await pool.query<SummaryRow>(
        `SELECT ${summaryColumns} FROM deliveries WHERE seq = ANY(${rows.add(seqs)}::bigint[]) ${filter} ORDER BY seq DESC`,
        rows.values,
      );
      items.push(...found.rows);
    }
    if (seqs.length < chunk) {
      exhausted = true;
      break;
    }
    chunk = Math.min(chunk * 4, 4096);
  }
  let counted: Counted;
  if (newest !== null) counted = { n: newest.length, capSeq: newest.length > EXACT_COUNT_CAP ? newest[EXACT_COUNT_CAP - 1]! : null };
  else {
    const count = new SqlParams();
    counted = await countNewest(
      pool,
      `SELECT seq FROM delivery_search WHERE doc @@ ${count.add(match)}::tsquery AND seq >= ${count.add(range.low)} AND seq <= ${count.add(range.high)}
       ORDER BY seq DESC`,
      count,
    );
  }
  // Filter tokens of event types could collide (`a_b`, `ab`): re-check a small exact count then.
  let confirmed = counted;
  if (query.eventType && counted.n <= EXACT_COUNT_CAP && counted.n > 0) {
    const recheck = new SqlParams();
    recheck.values.push(...params.values);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM deliveries WHERE seq IN (SELECT seq FROM delivery_search WHERE doc @@ ${recheck.add(match)}::tsquery
         AND seq >= ${recheck.add(range.low)} AND seq <= ${recheck.add(range.high)}) ${filter}`,
      recheck.values,
    );
    confirmed = { n: rows[0]!.n, capSeq: null };
  }
  return { ...totalOf(confirmed, range), items: items.slice(0, query.limit).map(toSummary), hasMore: items.length > query.limit || !exhausted };
}

interface Counted {
  /** Matches walked, newest first, up to the cap and one more. */
  n: number;
  /** The seq of the cap-th newest match, when there are more than the cap. */
  capSeq: number | null;
}

/** Rows looked at, newest first, to tell a sparse match from a dense one. */
const DENSITY_PROBE = 4_000;
/**
 * Dense: on at least 1 in 30 of the rows looked at, so that walking newest first reaches the
 * count's cap within about 150,000 rows (tens of milliseconds); sparser matches are fewer than
 * about 33,000 in a million rows spread alike, cheap to fetch through the index.
 */
const DENSE_SHARE = 30;

/** Whether a search matches few of the newest rows of the range (looked at in the seq index's order). */
async function isSparse(pool: pg.Pool, match: string, range: SeqRange): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT doc FROM delivery_search WHERE seq >= $2 AND seq <= $3 ORDER BY seq DESC LIMIT $4) AS newest WHERE doc @@ $1::tsquery`,
    [match, range.low, range.high, DENSITY_PROBE],
  );
  return rows[0]!.n * DENSE_SHARE < DENSITY_PROBE;
}

/** A sparse match's seqs in the range, newest first, up to the cap and one more (fetched through the search index, then sorted). */
async function newestHits(pool: pg.Pool, match: string, range: SeqRange): Promise<number[]> {
  const { rows } = await pool.query<{ seq: string | number }>(
    'SELECT seq FROM (SELECT seq FROM delivery_search WHERE doc @@ $1::tsquery AND seq >= $2 AND seq <= $3 OFFSET 0) AS hits ORDER BY seq DESC LIMIT $4',
    [match, range.low, range.high, EXACT_COUNT_CAP + 1],
  );
  return rows.map((r) => Number(r.seq));
}

/** Counts the newest matches of an ordered seq query up to the cap (and one more), keeping the cap-th seq. */
async function countNewest(pool: pg.Pool, orderedSeqs: string, params: SqlParams): Promise<Counted> {
  const cap = params.add(EXACT_COUNT_CAP);
  const { rows } = await pool.query<{ n: number; cap_seq: number | null }>(
    `SELECT count(*) AS n, min(seq) FILTER (WHERE r <= ${cap}) AS cap_seq
     FROM (SELECT seq, row_number() OVER () AS r FROM (${orderedSeqs} LIMIT ${cap} + 1) AS newest) AS numbered`,
    params.values,
  );
  return { n: rows[0]!.n, capSeq: rows[0]!.cap_seq };
}

/** Exact up to the cap; beyond it, an estimate flagged as one (the same as the SQLite store's). */
function totalOf(counted: Counted, range: SeqRange): { total: number; totalIsEstimate: boolean } {
  if (counted.n <= EXACT_COUNT_CAP || counted.capSeq === null) return { total: counted.n, totalIsEstimate: false };
  return { total: estimateTotal(EXACT_COUNT_CAP, counted.capSeq, range), totalIsEstimate: true };
}
