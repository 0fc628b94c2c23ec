import { afterEach, describe, expect, it, vi } from 'vitest';
import { failingRouteAlerts, providerGaveUpAlerts, type GaveUpReaders } from '../../src-main/alerts/relay-sources.js';
import type { AlertSignal } from '../../src-main/alerts/signals.js';
import { PushBus } from '../../src-main/events/bus.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { ProviderRetry } from '../../src-shared/relay/provider-retry.js';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const route = (id: string, health: string) => ({ id, path: `paychant/${id}`, stats: { health, healthReason: `${health} because` } });

describe('the relay’s alert sources', () => {
  it('reports a route when its health turns failing, not again while it stays so, again after it recovered', async () => {
    const bus = new PushBus();
    let routes = [route('r1', 'ok'), route('r2', 'failing')];
    const reported: AlertSignal[] = [];
    const source = failingRouteAlerts({ routes: { list: async () => routes }, bus, log: () => {}, gapMs: 1 });
    expect(source.kinds).toEqual(['relay_route_failing']);
    stops.push(source.subscribe((signal) => reported.push(signal)));
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]).toEqual({ kind: 'relay_route_failing', routeId: 'r2', routeName: 'paychant/r2', reason: 'failing because' });
    routes = [route('r1', 'failing'), route('r2', 'failing')];
    bus.publish({ type: 'relay.changed', deliveryIds: ['dlv_1'] });
    await vi.waitFor(() => expect(reported.map((s) => (s as { routeId: string }).routeId)).toEqual(['r2', 'r1']));
    routes = [route('r1', 'ok'), route('r2', 'failing')];
    bus.publish({ type: 'relay.changed', deliveryIds: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    routes = [route('r1', 'failing'), route('r2', 'failing')];
    bus.publish({ type: 'relay.changed', deliveryIds: [] });
    await vi.waitFor(() => expect(reported.map((s) => (s as { routeId: string }).routeId)).toEqual(['r2', 'r1', 'r1']));
  });

  it('reports a refused last try as given up, looking again once a delivery refused before derivation is derived', async () => {
    const bus = new PushBus();
    const derived = new Set(['dlv_last']);
    const detail = (id: string) => ({ id, provider: 'calypso', verification: derived.has(id) ? 'valid' : null }) as unknown as DeliveryDetail;
    const read: string[] = [];
    const state: Record<string, ProviderRetry['state']> = { dlv_last: 'gave_up', dlv_late: 'gave_up', dlv_middle: 'expected', dlv_ok: 'gave_up' };
    const readers: GaveUpReaders = {
      answers: async (ids) =>
        ids.map((deliveryId) => ({ deliveryId, answeredStatus: deliveryId === 'dlv_ok' ? 200 : 502, answeredAt: '2026-05-01T12:00:00.000Z' })),
      delivery: async (id) => {
        read.push(id);
        return detail(id);
      },
      retryOf: async (d) => ({ state: state[d.id]!, of: 20 }) as ProviderRetry,
    };
    const reported: AlertSignal[] = [];
    const source = providerGaveUpAlerts({ readers, bus, log: () => {}, gapMs: 1 });
    stops.push(source.subscribe((signal) => reported.push(signal)));
    bus.publish({ type: 'relay.changed', deliveryIds: ['dlv_last', 'dlv_middle', 'dlv_ok', 'dlv_late'] });
    await vi.waitFor(() => expect(reported).toEqual([{ kind: 'provider_gave_up', provider: 'calypso', deliveryId: 'dlv_last', tries: 20 }]));
    // A 200 is accepted by every provider: that delivery is never read.
    expect(read).not.toContain('dlv_ok');
    // dlv_late had no duplicate links yet: once derived, it is looked at again.
    derived.add('dlv_late');
    bus.publish({ type: 'deliveries.updated', ids: ['dlv_late', 'dlv_other'] });
    await vi.waitFor(() => expect(reported.map((s) => (s as { deliveryId: string }).deliveryId)).toEqual(['dlv_last', 'dlv_late']));
  });
});
