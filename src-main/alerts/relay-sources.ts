/**
 * The relay's two alerts, as report sources for the AlertService: a route whose backend keeps
 * failing (its health, as the dashboard's route card reads it, turning `failing`), and a provider
 * that gave up retrying (a relayed delivery, answered with what the provider does not accept, that
 * was the last try of the provider's documented schedule). Both are read after the relay records
 * something (`relay.changed`), coalesced, and off the listener's path.
 */
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { isProviderId, providerIds } from '../../src-shared/domain/provider.js';
import type { ProviderRetry } from '../../src-shared/relay/provider-retry.js';
import { providerAccepts } from '../../src-shared/relay/retry-schedules.js';
import type { AlertReportSource, AlertSignal } from './signals.js';

interface Bus {
  subscribe(listener: (event: PushEvent) => void): () => void;
}

/** Runs `work` at most once per `gapMs`, once more if asked while it ran; never two at a time. */
function coalesced(work: () => Promise<void>, gapMs: number, onError: (error: unknown) => void): { ask(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    await work().catch(onError);
    running = false;
    if (again && !stopped) {
      again = false;
      ask();
    }
  };
  const ask = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => void run(), gapMs);
    timer.unref();
  };
  return {
    ask,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export interface RouteHealthReader {
  list(): Promise<Array<{ id: string; path: string; stats: { health: string; healthReason: string } }>>;
}

/** A route turning `failing` (not while it stays so); checked after relay activity and now and then. */
export function failingRouteAlerts(deps: {
  routes: RouteHealthReader;
  bus: Bus;
  log(message: string): void;
  gapMs?: number;
  everyMs?: number;
}): AlertReportSource {
  return {
    kinds: ['relay_route_failing'],
    subscribe(report: (signal: AlertSignal) => void) {
      const failing = new Set<string>();
      const check = coalesced(
        async () => {
          const routes = await deps.routes.list();
          for (const route of routes) {
            if (route.stats.health !== 'failing') {
              failing.delete(route.id);
            } else if (!failing.has(route.id)) {
              failing.add(route.id);
              report({ kind: 'relay_route_failing', routeId: route.id, routeName: route.path, reason: route.stats.healthReason });
            }
          }
          for (const id of [...failing]) if (!routes.some((r) => r.id === id)) failing.delete(id);
        },
        deps.gapMs ?? 2_000,
        (error) => deps.log(`relay route alerts: ${(error as Error).message}`),
      );
      const unsubscribe = deps.bus.subscribe((event) => {
        if (event.type === 'relay.changed') check.ask();
      });
      const timer = setInterval(() => check.ask(), deps.everyMs ?? 60_000);
      timer.unref();
      check.ask();
      return () => {
        unsubscribe();
        clearInterval(timer);
        check.stop();
      };
    },
  };
}

export interface GaveUpReaders {
  /** The relay's answer for each delivery that has a relay job (what the provider was answered). */
  answers(deliveryIds: readonly string[]): Promise<Array<{ deliveryId: string; answeredStatus: number | null; answeredAt: string | null }>>;
  delivery(id: string): Promise<DeliveryDetail>;
  retryOf(detail: DeliveryDetail): Promise<ProviderRetry | null>;
}

function acceptedByEveryProvider(status: number | null): boolean {
  return providerIds.every((provider) => providerAccepts(provider, status));
}

/** Deliveries looked at per pass at most; under a flood of failures the rest wait for the next pass. */
const PER_PASS = 500;
/** Refused deliveries not derived yet (their place among the event's tries unknown), kept for a look once they are. */
const RECHECK_AT_MOST = 5_000;

/**
 * A relayed delivery the provider was refused on its last try: it will not come again. Its place
 * among the event's tries comes from the duplicate links derivation makes, so one refused before
 * it was derived is looked at again once it is (`deliveries.updated`).
 */
export function providerGaveUpAlerts(deps: { readers: GaveUpReaders; bus: Bus; log(message: string): void; gapMs?: number }): AlertReportSource {
  return {
    kinds: ['provider_gave_up'],
    subscribe(report: (signal: AlertSignal) => void) {
      const waiting = new Set<string>();
      const recheck = new Set<string>();
      const check = coalesced(
        async () => {
          const ids = [...waiting].slice(0, PER_PASS);
          for (const id of ids) waiting.delete(id);
          if (waiting.size > 0) check.ask();
          // An answer every provider accepts (a 200: nearly all traffic) needs no delivery read:
          // reading one (decompress, parse, mask) was the relay's largest cost of its own.
          const answered = (await deps.readers.answers(ids)).filter((a) => a.answeredAt !== null && !acceptedByEveryProvider(a.answeredStatus));
          for (const answer of answered) {
            const detail = await deps.readers.delivery(answer.deliveryId).catch(() => null);
            if (!detail || !isProviderId(detail.provider) || providerAccepts(detail.provider, answer.answeredStatus)) continue;
            if (detail.verification === null) {
              if (recheck.size < RECHECK_AT_MOST) recheck.add(detail.id);
              continue;
            }
            const retry = await deps.readers.retryOf(detail);
            if (retry?.state === 'gave_up') report({ kind: 'provider_gave_up', provider: detail.provider, deliveryId: detail.id, tries: retry.of });
          }
        },
        deps.gapMs ?? 2_000,
        (error) => deps.log(`provider retry alerts: ${(error as Error).message}`),
      );
      const unsubscribe = deps.bus.subscribe((event) => {
        const ids =
          event.type === 'relay.changed'
            ? event.deliveryIds
            : event.type === 'deliveries.updated' && recheck.size > 0
              ? event.ids.filter((id) => recheck.delete(id))
              : [];
        if (ids.length === 0) return;
        for (const id of ids) waiting.add(id);
        check.ask();
      });
      return () => {
        unsubscribe();
        check.stop();
      };
    },
  };
}
