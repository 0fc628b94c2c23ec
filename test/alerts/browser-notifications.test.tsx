// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { useBrowserNotifications } from '../../src-renderer/features/alerts/useBrowserNotifications.js';
import { notificationApi, permissionWords } from '../../src-renderer/features/alerts/browser-notifications.js';
import { renderWithTransport } from '../replay/render.js';
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
    const { push } = renderWithTransport(<Notifier />, {});
    act(() => push({ type: 'alert', alert }));
    expect(shown.map((n) => [n.title, n.options])).toEqual([['Failed signatures from Paychant', { body: alert.body, tag: 'alr_1' }]]);
    act(() => shown[0]!.onclick!());
    expect(focus).toHaveBeenCalled();
    expect(window.location.hash).toBe('#/inbox?provider=paychant&verification=invalid');
    expect(shown[0]!.closed).toBe(true);
  });

  it('shows nothing before the person allowed it, nor in the desktop window (its main process does)', () => {
    const shown = fakeNotifications('default');
    const browser = renderWithTransport(<Notifier />, {});
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
});
