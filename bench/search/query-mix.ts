/**
 * The search queries the benchmark times, the same for every store size: rare ids, words found
 * in most bodies, filters alone and with text, first and deep pages.
 */
import type { DeliveriesListInput } from '../../src-shared/contract/deliveries.js';
import type { Dispatcher } from '../../src-main/dispatcher/dispatcher.js';

export interface StoreShape {
  count: number;
  /** Seq of the first seeded row (rows are firstSeq … firstSeq + count - 1). */
  firstSeq: number;
  from: Date;
  until: Date;
  valuesOf: (n: number) => Record<string, string>;
  /** The provider of row n (rare-id queries pick rows whose ids the query names). */
  providerOf: (n: number) => string;
}

/** The first row at or after `fraction` of the store that came from `provider`. */
export function rowOf(shape: StoreShape, fraction: number, provider: string): number {
  for (let n = Math.floor(shape.count * fraction); n < shape.count; n++) if (shape.providerOf(n) === provider) return n;
  throw new Error(`no ${provider} row after ${fraction} of the store`);
}

export interface NamedQuery {
  name: string;
  input: Partial<DeliveriesListInput>;
}

export function listQueries(shape: StoreShape): NamedQuery[] {
  const middle = String(shape.firstSeq + Math.floor(shape.count / 2));
  const rare = shape.valuesOf(rowOf(shape, 0.37, 'paychant'));
  const rareOld = shape.valuesOf(rowOf(shape, 0, 'calypso'));
  const rareRef = shape.valuesOf(rowOf(shape, 0.61, 'instaxchange'));
  // Calypso invoices carry numeric ids (invoiceId = 3,000,000,000 + row): a partial invoice number.
  const invoice = shape.valuesOf(rowOf(shape, 0.45, 'calypso'))['987650322']!;
  const lateOrder = `order-${shape.valuesOf(rowOf(shape, 0.8, 'calypso')).SEEDX!}`;
  const dayMs = 24 * 3600 * 1000;
  const lastDay = new Date(shape.until.getTime() - dayMs).toISOString();
  const midDay = new Date((shape.from.getTime() + shape.until.getTime()) / 2).toISOString();
  const midDayEnd = new Date(new Date(midDay).getTime() + dayMs).toISOString();
  return [
    { name: 'newest page, no filter', input: {} },
    { name: 'deep page, no filter', input: { cursor: middle } },
    { name: 'rare id (recent)', input: { q: rare.SEEDX! } },
    { name: 'rare id (oldest rows)', input: { q: rareOld.SEEDY! } },
    { name: 'rare id prefix', input: { q: `${rare.SEEDX!.slice(0, -1)}*` } },
    { name: 'rare id with punctuation', input: { q: `sess_${rareRef.SEEDX!}` } },
    { name: 'common word "usd"', input: { q: 'usd' } },
    { name: 'common word "transfer"', input: { q: 'transfer' } },
    { name: 'common word, deep page', input: { q: 'usd', cursor: middle } },
    { name: 'two common words', input: { q: 'usdt completed' } },
    { name: 'filter provider', input: { provider: 'calypso' } },
    { name: 'filter provider, deep page', input: { provider: 'calypso', cursor: middle } },
    { name: 'filter status=failed', input: { status: 'failed' } },
    { name: 'filter verification=invalid', input: { verification: 'invalid' } },
    { name: 'filter verification=pending (none)', input: { verification: 'pending' } },
    { name: 'filter provider+status', input: { provider: 'paychant', status: 'failed' } },
    { name: 'filter provider+verification+status', input: { provider: 'instap', verification: 'invalid', status: 'underpaid' } },
    { name: 'filter eventType', input: { eventType: 'PAYMENT_FAILED' } },
    { name: 'filter last day', input: { since: lastDay } },
    { name: 'filter a day in the middle', input: { since: midDay, until: midDayEnd } },
    { name: 'text + provider', input: { q: 'usd', provider: 'instaxchange' } },
    { name: 'text + status', input: { q: 'usd', status: 'failed' } },
    { name: 'text + rare filter mix', input: { q: 'card', provider: 'paychant', verification: 'invalid', status: 'failed' } },
    { name: 'text + filter, deep page', input: { q: 'usd', provider: 'calypso', cursor: middle } },
    { name: 'text + day in the middle', input: { q: 'usd', since: midDay, until: midDayEnd } },
    { name: 'rare id + provider', input: { q: rare.SEEDX!, provider: 'paychant' } },
    // Search that recognises ids (README "Search"): one word looked up among the key values too.
    { name: 'id start, no * (one key starts it)', input: { q: `sess_${rareRef.SEEDX!.slice(0, -1)}` } },
    { name: 'id start typed in upper case', input: { q: lateOrder.slice(0, -1).toUpperCase() } },
    { name: 'id start, 8 of 10 digits (~a dozen keys)', input: { q: invoice.slice(0, 8) } },
    { name: 'id start, 6 of 10 digits (too many keys)', input: { q: invoice.slice(0, 6) } },
    { name: 'id start of a wallet on 20% of rows', input: { q: '6812b103908d' } },
    { name: 'id start + provider + status', input: { q: invoice.slice(0, 8), provider: 'calypso', status: 'completed' } },
    { name: 'exact key (timeline offered)', input: { q: lateOrder } },
  ];
}

export interface Timing {
  name: string;
  p50: number;
  p95: number;
  max: number;
  /** What the last run returned, to show that the query did real work. */
  items: number;
  total: number;
  totalIsEstimate: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times one call repeatedly through the dispatcher (input validation, handler, output parsing). */
export async function timeCall(dispatcher: Dispatcher, call: string, name: string, input: unknown, runs: number): Promise<Timing & { last: unknown }> {
  let last: unknown = null;
  for (let i = 0; i < 2; i++) last = await dispatcher.call(call, input); // warm the statement cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await dispatcher.call(call, input);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const page = last as { items?: unknown[]; total?: number; totalIsEstimate?: boolean };
  return {
    name,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples[samples.length - 1] ?? 0,
    items: Array.isArray(page.items) ? page.items.length : 0,
    total: page.total ?? 0,
    totalIsEstimate: page.totalIsEstimate ?? false,
    last,
  };
}
