import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertService } from '../../src-main/alerts/alert-service.js';
import { AlertSettingsService, DEFAULT_ALERT_SETTINGS } from '../../src-main/alerts/alert-settings.js';
import type { AlertReportSource, AlertSignal, ListenerHealth } from '../../src-main/alerts/signals.js';
import { listenerHealthOf } from '../../src-main/alerts/sources.js';
import { PushBus } from '../../src-main/events/bus.js';
import type { SettingsStore } from '../../src-main/store/types.js';
import { openTestStore, sqliteBackend, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import type { Alert, AlertSettings } from '../../src-shared/contract/alerts.js';
import type { PushEvent } from '../../src-shared/contract/events.js';

const MIN = 60_000;

/** The relay's report source as a fake: the test says when a route fails or a provider gives up. */
function fakeRelaySource(): AlertReportSource & { emit(signal: AlertSignal): void; subscribed: boolean } {
  let listener: ((signal: AlertSignal) => void) | null = null;
  return {
    kinds: ['relay_route_failing', 'provider_gave_up'],
    get subscribed() {
      return listener !== null;
    },
    subscribe(report) {
      listener = report;
      return () => (listener = null);
    },
    emit: (signal) => listener?.(signal),
  };
}

const running: AlertService[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const service of running.splice(0)) service.stop();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
/** The store backend the settings are kept in, for the describe block running. */
let backend: StoreBackend = sqliteBackend;

async function setup(options: { sources?: AlertReportSource[]; settings?: Partial<AlertSettings> } = {}) {
  let now = new Date('2026-05-01T12:00:00Z');
  let health: ListenerHealth = { down: false };
  const bus = new PushBus();
  const pushed: Alert[] = [];
  bus.subscribe((event: PushEvent) => event.type === 'alert' && void pushed.push(event.alert));
  const store: SettingsStore = (await openTestStore(backend, cleanups)).settings;
  if (options.settings) await store.set('alerts', { ...DEFAULT_ALERT_SETTINGS, ...options.settings });
  const service = new AlertService({
    settings: new AlertSettingsService(store),
    bus,
    listenerHealth: () => health,
    sources: options.sources,
    now: () => now,
  });
  await service.start();
  running.push(service);
  return {
    service,
    bus,
    pushed,
    store,
    setHealth: (next: ListenerHealth) => (health = next),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    now: () => now,
  };
}

const failures = (provider: string, at: Date, count: number) =>
  Array.from({ length: count }, (_, i) => ({ deliveryId: `dlv_${provider}_${i}`, provider, receivedAt: at.getTime() - i * 1000 }));

describe.each(storeBackends)('the alert service on $name', (each) => {
  beforeAll(() => {
    backend = each;
  });

  it('pushes an alert for a burst of failed signatures, naming the provider and linking to those deliveries', async () => {
    const { service, pushed, now } = await setup();
    service.signatureFailures(failures('paychant', now(), 4));
    expect(pushed).toEqual([]);
    service.signatureFailures(failures('paychant', now(), 5));
    expect(pushed).toHaveLength(1);
    const since = new Date(now().getTime() - 5 * MIN).toISOString();
    expect(pushed[0]).toMatchObject({
      kind: 'signature_failures',
      title: 'Failed signatures from Paychant',
      body: '5 deliveries in the last 5 minutes had an invalid signature: a secret may have changed, or someone is sending forged webhooks.',
      route: `#/inbox?provider=paychant&verification=invalid&since=${encodeURIComponent(since)}`,
      held: false,
    });
    expect(service.status().recent).toEqual(pushed);
  });

  it('alerts when the listener stops taking deliveries (at start, or later), once until it is back', async () => {
    const { service, pushed, setHealth, bus } = await setup();
    expect(pushed).toEqual([]);
    setHealth({ down: true, reason: 'Port 8787 is in use by another program.' });
    bus.publish({ type: 'listener.changed' });
    expect(pushed.map((a) => [a.kind, a.title, a.body, a.route])).toEqual([
      ['listener_down', 'The webhook listener is down', 'Port 8787 is in use by another program.', '#/dashboard'],
    ]);
    service.checkListener();
    expect(pushed).toHaveLength(1);
    setHealth({ down: false });
    service.checkListener();
    setHealth({ down: true, reason: 'It refuses every delivery (HTTP 507).' });
    service.checkListener();
    expect(pushed).toHaveLength(2);
  });

  it('reads the listener as down when it has no address or refuses every delivery for storage', () => {
    const port = { problem: 'Port 8787 is in use. Choose another port under Settings → Webhook listener.' };
    const listening = { address: () => ({ port: 8787 }), protection: () => ({ storage: { refusing: null } }) };
    expect(listenerHealthOf(listening, port)()).toEqual({ down: false });
    expect(listenerHealthOf({ ...listening, address: () => null }, port)()).toEqual({ down: true, reason: port.problem });
    const full = { ...listening, protection: () => ({ storage: { refusing: 'Storage quota reached.' } }) };
    expect(listenerHealthOf(full, port)()).toEqual({ down: true, reason: 'It refuses every delivery (HTTP 507). Storage quota reached.' });
  });

  it('takes a failing relay route and a provider that gave up from a source (the relay’s seam), each once within its cooldown', async () => {
    const relay = fakeRelaySource();
    const { service, pushed, advance } = await setup({ sources: [relay] });
    expect(relay.subscribed).toBe(true);
    expect(service.status().unwatched).toEqual([]);
    const failing = {
      kind: 'relay_route_failing',
      routeId: 'rr_1',
      routeName: 'Orders backend',
      reason: "The backend's last 3 tries failed: HTTP 502.",
    } as const;
    relay.emit(failing);
    relay.emit(failing);
    relay.emit({ kind: 'provider_gave_up', provider: 'instaxchange', deliveryId: 'dlv_01X', tries: 6 });
    expect(pushed.map((a) => [a.kind, a.title, a.route])).toEqual([
      ['relay_route_failing', 'Relay route “Orders backend” is failing', '#/dashboard'],
      ['provider_gave_up', 'InstaXchange gave up retrying', '#/deliveries/dlv_01X'],
    ]);
    expect(pushed[1]!.body).toBe('InstaXchange stopped sending this webhook after 6 tries without an answer it accepts: it will not come again by itself.');
    advance(31 * MIN);
    relay.emit(failing);
    expect(pushed).toHaveLength(3);
    service.stop();
    expect(relay.subscribed).toBe(false);
  });

  it('says which kinds nothing reports in this build (the relay’s, without a relay source)', async () => {
    const { service } = await setup();
    expect(service.status().unwatched).toEqual(['relay_route_failing', 'provider_gave_up']);
  });

  it('raises nothing for a kind switched off', async () => {
    const { service, pushed, setHealth, now } = await setup({
      settings: { kinds: { ...DEFAULT_ALERT_SETTINGS.kinds, signature_failures: false, listener_down: false } },
    });
    service.signatureFailures(failures('paychant', now(), 10));
    setHealth({ down: true, reason: 'down' });
    service.checkListener();
    expect(pushed).toEqual([]);
    expect(service.status().recent).toEqual([]);
  });

  it('holds alerts during quiet hours on the person’s clock: listed, not pushed; a test alert always goes', async () => {
    // 12:00 UTC is 21:00 in Tokyo: inside 20:00–08:00 there.
    const quietHours = { enabled: true, from: '20:00', to: '08:00', timeZone: 'Asia/Tokyo' };
    const { service, pushed, now, advance } = await setup({ settings: { quietHours } });
    service.signatureFailures(failures('calypso', now(), 5));
    expect(pushed).toEqual([]);
    expect(service.status().recent).toMatchObject([{ kind: 'signature_failures', held: true }]);
    expect(service.test()).toMatchObject({ kind: 'test', held: false });
    expect(pushed.map((a) => a.kind)).toEqual(['test']);
    advance(12 * 60 * MIN); // 09:00 in Tokyo
    service.signatureFailures(failures('instap', now(), 5));
    expect(pushed.map((a) => a.kind)).toEqual(['test', 'signature_failures']);
  });

  it('keeps its settings in the settings store, refusing what the contract refuses', async () => {
    const { service, store } = await setup();
    expect(service.status().settings).toEqual(DEFAULT_ALERT_SETTINGS);
    const next = {
      kinds: { ...DEFAULT_ALERT_SETTINGS.kinds, provider_gave_up: false },
      quietHours: { enabled: true, from: '23:00', to: '06:30', timeZone: 'Europe/Lisbon' },
    };
    expect((await service.configure(next)).settings).toEqual(next);
    expect(await store.get('alerts')).toEqual(next);
    await expect(service.configure({ ...next, quietHours: { ...next.quietHours, timeZone: 'Nowhere' } })).rejects.toThrow();
    const again = new AlertSettingsService(store);
    await again.load();
    expect(again.get()).toEqual(next);
  });
});
