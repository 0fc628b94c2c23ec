/**
 * Timeline lookups timed on the same stores: `timeline.get` through the dispatcher when the
 * build has it, otherwise the correlation-key lookup it is built on (`correlation_keys` by value).
 */
import type Database from 'better-sqlite3';
import type { Gatewatch } from '../../src-main/app/gatewatch.js';
import { percentile, rowOf, type StoreShape, type Timing } from './query-mix.js';
import type { DeliveryTemplate } from './corpus.js';

export interface TimelineQuery {
  name: string;
  key: string;
  /** Informational rows are shown but not held to the target (a deliberately broad key). */
  informational?: boolean;
}

export function timelineQueries(shape: StoreShape, templates: readonly DeliveryTemplate[]): TimelineQuery[] {
  const wallet = templates.flatMap((t) => t.derived.correlationKeys).find((k) => k.kind === 'walletId' && !/SEED/.test(k.value));
  return [
    { name: 'payment id (recent)', key: shape.valuesOf(rowOf(shape, 0.9, 'paychant')).SEEDX! },
    { name: 'payment id (oldest rows)', key: `order-${shape.valuesOf(rowOf(shape, 0, 'calypso')).SEEDX!}` },
    { name: 'session id, keys followed', key: `sess_${shape.valuesOf(rowOf(shape, 0.5, 'instaxchange')).SEEDX!}` },
    { name: 'unknown key', key: 'no-such-payment-0000' },
    ...(wallet ? [{ name: 'wallet shared by every swap (capped)', key: wallet.value, informational: true }] : []),
  ];
}

const lookups = new WeakMap<Gatewatch, Database.Statement>();

export async function timeTimeline(
  gatewatch: Gatewatch,
  mode: 'timeline.get' | 'correlation_keys lookup',
  query: TimelineQuery,
  runs: number,
): Promise<Timing> {
  const once = async (): Promise<{ items: number; truncated: boolean }> => {
    if (mode === 'timeline.get') {
      const out = (await gatewatch.dispatcher.call('timeline.get', { key: query.key })) as { steps: unknown[]; truncated: boolean };
      return { items: out.steps.length, truncated: out.truncated };
    }
    const lookup = lookups.get(gatewatch) ?? openLookup(gatewatch);
    lookups.set(gatewatch, lookup);
    const seqs = lookup.pluck().all(query.key, 501) as number[];
    return { items: Math.min(seqs.length, 500), truncated: seqs.length > 500 };
  };
  let last = await once();
  last = await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await once();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    name: query.informational ? `${query.name} [informational]` : query.name,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples[samples.length - 1] ?? 0,
    items: last.items,
    total: last.items,
    totalIsEstimate: last.truncated,
  };
}

/** Without timeline.get, the one query it relies on, on the store's own connection. */
function openLookup(gatewatch: Gatewatch): Database.Statement {
  const db = (gatewatch.store.deliveries as unknown as { db: Database.Database }).db;
  return db.prepare('SELECT DISTINCT delivery_seq FROM correlation_keys WHERE value = ? ORDER BY delivery_seq DESC LIMIT ?');
}
