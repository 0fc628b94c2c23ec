/**
 * Streams an export: everything the inbox filter shows (or one delivery, or replay or relay attempts) as
 * HAR, NDJSON or CSV, a page of the keyset-paged list at a time, each piece written only once the
 * reader has taken the one before. Memory stays one page, however many deliveries there are.
 */
import type { ExportQuery } from '../../../src-shared/contract/interop.js';
import { ApiError } from '../../../src-shared/contract/errors.js';
import type { DeliveryStore, DeliverySummaryRecord, StoredDelivery } from '../../store/types.js';
import type { ReplayStore } from '../../store/replay-types.js';
import type { RelayAttemptCursor, RelayStore } from '../../store/relay-types.js';
import type { RelayAttempt } from '../../../src-shared/contract/relay.js';
import { getDelivery } from '../../services/deliveries.js';
import { HAR_CREATOR, attemptHarEntry, deliveryHarEntry, relayAttemptHarEntry } from './har-entries.js';
import { csvHeader, csvRow } from './csv.js';
import type { ExportSink } from './sink.js';

export interface ExportDeps {
  deliveries: DeliveryStore;
  replays: ReplayStore;
  relays: RelayStore;
}

export interface ExportOptions {
  /** Credential header values in clear: only the desktop app may ask (serve mode never does). */
  revealCredentials?: boolean;
  pageSize?: number;
}

/** An export of replay or relay attempts takes at most this many, newest first (replay attempts have no paged list). */
export const MAX_EXPORTED_ATTEMPTS = 10_000;

const EXTENSIONS = { har: 'har', ndjson: 'ndjson', csv: 'csv' } as const;
const CONTENT_TYPES = { har: 'application/json; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** What to call the file and how to label it, decided before anything is written. */
export function exportFileInfo(query: ExportQuery, now = new Date()): { fileName: string; contentType: string } {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const what = query.what !== 'deliveries' ? query.what : query.id ? query.id : 'deliveries';
  return { fileName: `gatewatch-${what}-${stamp}.${EXTENSIONS[query.format]}`, contentType: CONTENT_TYPES[query.format] };
}

async function* filteredSummaries(store: DeliveryStore, query: ExportQuery, pageSize: number): AsyncGenerator<DeliverySummaryRecord> {
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await store.list({
      provider: query.provider,
      eventType: query.eventType,
      status: query.status,
      verification: query.verification,
      environment: query.environment,
      text: query.q,
      since: query.since,
      until: query.until,
      limit: pageSize,
      beforeSeq,
    });
    yield* page.items;
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) return;
    beforeSeq = last.seq;
  }
}

async function* oneSummary(delivery: StoredDelivery): AsyncGenerator<DeliverySummaryRecord> {
  const derived = delivery.derived;
  yield {
    id: delivery.id,
    seq: delivery.seq,
    provider: delivery.provider,
    label: delivery.label,
    receivedAt: delivery.receivedAt,
    method: delivery.method,
    path: delivery.path,
    size: delivery.size,
    eventType: derived?.eventType ?? null,
    verification: derived?.verification.status ?? null,
    secretLabel: derived?.verification.secretLabel ?? null,
    status: derived?.normalized?.status ?? null,
    amountValue: derived?.amount?.value ?? null,
    amountCurrency: derived?.amount?.currency ?? null,
    reference: derived?.reference ?? null,
    parseError: derived?.parseError ?? null,
    duplicateOf: delivery.duplicateOf,
    rejected: delivery.rejected,
  };
}

/**
 * Checks what can fail before the answer starts (an unknown delivery id), then returns the
 * function that writes the export. Errors after the first byte can only cut the stream short.
 */
export async function prepareExport(deps: ExportDeps, query: ExportQuery, options: ExportOptions = {}): Promise<(sink: ExportSink) => Promise<number>> {
  const pageSize = options.pageSize ?? 200;
  const reveal = options.revealCredentials === true;
  if (query.what === 'replay-attempts') return (sink) => writeAttempts(deps, query, sink);
  if (query.what === 'relay-attempts') return (sink) => writeRelayAttempts(deps, query, pageSize, sink);
  let single: StoredDelivery | null = null;
  if (query.id !== undefined) {
    single = await deps.deliveries.get(query.id);
    if (!single) throw new ApiError('not_found', `No delivery with id ${query.id}.`);
  }
  const one = single;
  async function* stored(): AsyncGenerator<StoredDelivery> {
    if (one) {
      yield one;
      return;
    }
    for await (const summary of filteredSummaries(deps.deliveries, query, pageSize)) {
      const delivery = await deps.deliveries.get(summary.id);
      if (delivery) yield delivery; // null: pruned by retention since the page was read
    }
  }
  switch (query.format) {
    case 'har':
      return async (sink) => {
        let count = 0;
        await sink.write(`{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"entries":[`);
        for await (const delivery of stored()) {
          await sink.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(deliveryHarEntry(delivery, { revealCredentials: reveal }))}`);
          count++;
        }
        await sink.write('\n]}}\n');
        return count;
      };
    case 'ndjson':
      return async (sink) => {
        let count = 0;
        for await (const delivery of stored()) {
          const detail = await getDelivery(deps.deliveries, delivery.id).catch(() => null);
          if (!detail) continue;
          if (reveal) detail.headers = delivery.headers.map(([name, value]) => [name, value]);
          await sink.write(`${JSON.stringify(detail)}\n`);
          count++;
        }
        return count;
      };
    case 'csv':
      return async (sink) => {
        let count = 0;
        await sink.write(csvHeader());
        const rows = one ? oneSummary(one) : filteredSummaries(deps.deliveries, query, pageSize);
        for await (const summary of rows) {
          await sink.write(csvRow(summary));
          count++;
        }
        return count;
      };
  }
}

async function writeAttempts(deps: ExportDeps, query: ExportQuery, sink: ExportSink): Promise<number> {
  const attempts = await deps.replays.listAttempts({
    deliveryId: query.deliveryId,
    jobId: query.jobId,
    targetId: query.targetId,
    limit: MAX_EXPORTED_ATTEMPTS,
  });
  // The stored body of the delivery sent, read once per delivery (a bulk job sends each once).
  let cached = null as { id: string; body: Uint8Array | null } | null;
  let count = 0;
  await sink.write(`{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"entries":[`);
  for (const record of attempts) {
    const { targetId: _targetId, ...attempt } = record;
    if (attempt.sentBody === null && cached?.id !== attempt.deliveryId) {
      cached = { id: attempt.deliveryId, body: (await deps.deliveries.get(attempt.deliveryId))?.body ?? null };
    }
    const body = attempt.sentBody === null ? (cached?.body ?? null) : null;
    await sink.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(attemptHarEntry(attempt, body))}`);
    count++;
  }
  await sink.write('\n]}}\n');
  return count;
}

/**
 * The relay's tries, newest first (by when each started, then the store's seq), a keyset page at a
 * time: of one delivery, of one route, of both, or all. At most MAX_EXPORTED_ATTEMPTS in all.
 */
async function* relayAttemptPages(deps: ExportDeps, query: ExportQuery, pageSize: number): AsyncGenerator<RelayAttempt[]> {
  let before: RelayAttemptCursor | undefined;
  let left = MAX_EXPORTED_ATTEMPTS;
  while (left > 0) {
    const limit = Math.min(pageSize, left);
    const page = await deps.relays.listAttempts({ deliveryId: query.deliveryId, routeId: query.routeId, limit, before });
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (page.length < limit || !last) return;
    left -= page.length;
    before = { startedAt: last.startedAt, seq: last.seq };
  }
}

/** Bodies kept for the tries of the same deliveries further down a page of the relay attempts export. */
const MAX_KEPT_BODY_BYTES = 8 * 1024 * 1024;

async function writeRelayAttempts(deps: ExportDeps, query: ExportQuery, pageSize: number, sink: ExportSink): Promise<number> {
  let count = 0;
  await sink.write(`{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"entries":[`);
  pages: for await (const attempts of relayAttemptPages(deps, query, pageSize)) {
    // The stored bodies of the page's deliveries (a relay sends them unchanged), read once while
    // the bodies kept stay under a bound: a page of large bodies must not all be held at once.
    const bodies = new Map<string, Uint8Array | null>();
    let keptBytes = 0;
    for (const attempt of attempts) {
      if (count >= MAX_EXPORTED_ATTEMPTS) break pages;
      let body = bodies.get(attempt.deliveryId);
      if (body === undefined) {
        body = (await deps.deliveries.get(attempt.deliveryId))?.body ?? null;
        if (keptBytes > MAX_KEPT_BODY_BYTES) {
          bodies.clear();
          keptBytes = 0;
        }
        bodies.set(attempt.deliveryId, body);
        keptBytes += body?.byteLength ?? 0;
      }
      await sink.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(relayAttemptHarEntry(attempt, body))}`);
      count++;
    }
  }
  await sink.write('\n]}}\n');
  return count;
}
