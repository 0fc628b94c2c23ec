// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { useBrowserNotifications } from '../../src-renderer/features/alerts/useBrowserNotifications.js';
import { notificationApi, outageAlert, permissionWords } from '../../src-renderer/features/alerts/browser-notifications.js';
import { renderWithTransport } from '../replay/render.js';
import { createConnectionMonitor } from '../../src-renderer/transport/connection.js';
import { fakeTransport } from '../renderer/fake-transport.js';
import { renderWith } from '../renderer/render-with.js';
import type { AlertSettings } from '../../src-shared/contract/alerts.js';
import type { Alert } from '../../src-shared/contract/alerts.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const alert: Alert = {
  id: 'alr_1',
  kind: 'signature_failures',
  at: '2026-05-01T12:00:00.000Z',
  title: 'Failed signatures from Paychant',
  body: '5 deliveries in the last 5 minutes had an invalid signature.',
  route: '#/inbox?provider=paychant&verification=invalid',
  held: false,
};

/** The Notification API as a fake recording what was shown. */
function fakeNotifications(permission: NotificationPermission) {
  const shown: Array<{ title: string; options?: NotificationOptions; onclick: (() => void) | null; closed: boolean }> = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = async () => permission;
    onclick: (() => void) | null = null;
    record: (typeof shown)[number];
    constructor(title: string, options?: NotificationOptions) {
      this.record = { title, options, onclick: null, closed: false };
      shown.push(this.record);
      const record = this.record;
      Object.defineProperty(this, 'onclick', { set: (handler) => (record.onclick = handler), get: () => record.onclick });
    }
    close() {
      this.record.closed = true;
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return shown;
}

function Notifier() {
  useBrowserNotifications();
  return null;
}

describe('alerts as browser notifications', () => {
  it('shows a pushed alert once allowed, one per alert (tagged), and a click opens what it is about', () => {
    const shown = fakeNotifications('granted');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const { push } = renderWithTransport(<Notifier />, { 'alerts.get': () => ({ settings: undefined, recent: [], unwatched: [] }) });
    act(() => push({ type: 'alert', alert }));
    expect(shown.map((n) => [n.title, n.options])).toEqual([['Failed signatures from Paychant', { body: alert.body, tag: 'alr_1' }]]);
    act(() => shown[0]!.onclick!());
    expect(focus).toHaveBeenCalled();
    expect(window.location.hash).toBe('#/inbox?provider=paychant&verification=invalid');
    expect(shown[0]!.closed).toBe(true);
  });

  it('shows nothing before the person allowed it, nor in the desktop window (its main process does)', () => {
    const shown = fakeNotifications('default');
    const browser = renderWithTransport(<Notifier />, { 'alerts.get': () => ({ settings: undefined, recent: [], unwatched: [] }) });
    act(() => browser.push({ type: 'alert', alert }));
    cleanup();
    vi.unstubAllGlobals();
    const desktopShown = fakeNotifications('granted');
    const desktop = renderWithTransport(<Notifier />, {}, 'ipc');
    act(() => desktop.push({ type: 'alert', alert }));
    expect([...shown, ...desktopShown]).toEqual([]);
  });

  it('opens what a clicked desktop notification is about', () => {
    const { push } = renderWithTransport(<Notifier />, {}, 'ipc');
    act(() => push({ type: 'alert.opened', route: '#/dashboard' }));
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('knows when the page cannot show notifications at all', () => {
    expect(notificationApi({})).toBeNull();
    expect(notificationApi({ Notification: Object, isSecureContext: false })).toBeNull();
    expect(permissionWords('unsupported', 'http')).toEqual({
      words: 'This browser cannot show notifications from this page (an insecure address, or no Notification API).',
      canAsk: false,
    });
  });

  it('says so itself when the console stays unreachable (Gatewatch stopped), once per outage, under the switch', async () => {
    const shown = fakeNotifications('granted');
    vi.useFakeTimers();
    try {
      const settings: AlertSettings = {
        kinds: { signature_failures: true, listener_down: true, relay_route_failing: true, provider_gave_up: true },
        quietHours: { enabled: false, from: '22:00', to: '07:00', timeZone: 'UTC' },
      };
      const { monitor, reporter } = createConnectionMonitor(async () => false);
      const fake = fakeTransport({ 'alerts.get': () => ({ settings, recent: [], unwatched: [] }) });
      renderWith({ ...fake.transport, connection: monitor }, <Notifier />);
      await act(async () => void (await vi.advanceTimersByTimeAsync(10)));
      // A restart: back within the grace, nothing said.
      act(() => reporter.lost());
      await act(async () => void (await vi.advanceTimersByTimeAsync(5_000)));
      act(() => reporter.reached());
      await act(async () => void (await vi.advanceTimersByTimeAsync(30_000)));
      expect(shown).toEqual([]);
      // Gone for good: one notification, however long it stays down.
      act(() => reporter.lost());
      await act(async () => void (await vi.advanceTimersByTimeAsync(20_000)));
      act(() => reporter.lost(Date.now() + 10_000));
      await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
      expect(shown.map((n) => [n.title, n.options?.body])).toEqual([
        [
          'Gatewatch is not answering',
          'This console lost its connection to Gatewatch. If Gatewatch stopped, its webhook listener is down too and providers get no answer.',
        ],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps that one quiet when the listener switch is off or during quiet hours', () => {
    const now = new Date('2026-05-01T23:00:00Z');
    const on = { signature_failures: true, listener_down: true, relay_route_failing: true, provider_gave_up: true };
    const quiet = { enabled: true, from: '22:00', to: '07:00', timeZone: 'UTC' };
    expect(outageAlert(now, { kinds: { ...on, listener_down: false }, quietHours: { ...quiet, enabled: false } })).toBeNull();
    expect(outageAlert(now, { kinds: on, quietHours: quiet })).toBeNull();
    expect(outageAlert(now, undefined)).toMatchObject({ kind: 'listener_down', title: 'Gatewatch is not answering' });
  });
});
