/**
 * The browser's side of alerts (serve mode): the Notification API, asked for once on a person's
 * click in Settings → Notifications, never on its own. The desktop app shows alerts as system
 * notifications from the main process instead, so its window shows none itself.
 */
import type { Alert, AlertSettings } from '../../../src-shared/contract/alerts.js';
import { inQuietHours } from '../../../src-shared/alerts/quiet-hours.js';

export type NotificationPermissionState = 'unsupported' | NotificationPermission;

/** The browser's Notification API, as much of it as is used (a fake in the tests). */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: ((this: Notification, event: Event) => unknown) | null; close(): void };
}

/** The Notification API of this page, when it has one (not on an insecure origin, nor in some embedded browsers). */
export function notificationApi(win: { Notification?: unknown; isSecureContext?: boolean }): NotificationApi | null {
  return typeof win.Notification === 'function' && win.isSecureContext !== false ? (win.Notification as NotificationApi) : null;
}

export function permissionOf(api: NotificationApi | null): NotificationPermissionState {
  return api ? api.permission : 'unsupported';
}

/** What Settings says about this browser, and whether it offers the one button that asks. */
export function permissionWords(state: NotificationPermissionState, transport: 'ipc' | 'http'): { words: string; canAsk: boolean } {
  if (transport === 'ipc') return { words: 'The desktop app shows alerts as system notifications.', canAsk: false };
  switch (state) {
    case 'granted':
      return { words: 'This browser shows Gatewatch’s alerts as notifications while a console tab is open.', canAsk: false };
    case 'denied':
      return { words: 'This browser blocks notifications from this console: allow them in the site’s settings (the icon left of the address).', canAsk: false };
    case 'default':
      return { words: 'This browser has not been asked yet: it shows notifications only once you allow them.', canAsk: true };
    case 'unsupported':
      return { words: 'This browser cannot show notifications from this page (an insecure address, or no Notification API).', canAsk: false };
  }
}

/**
 * Shows an alert as a notification when this browser may; a click focuses the console on what the
 * alert is about. One per alert: every open tab shows it under the same tag, so the browser keeps one.
 */
export function showAlert(api: NotificationApi | null, alert: Alert, open: (route: string) => void, focus: () => void): boolean {
  if (api?.permission !== 'granted' || alert.held) return false;
  const notification = new api(alert.title, { body: alert.body, tag: alert.id });
  notification.onclick = () => {
    focus();
    if (alert.route) open(alert.route);
    notification.close();
  };
  return true;
}

/** The console must stay unreachable this long before the browser says so (a restart takes a few seconds). */
export const OUTAGE_NOTIFY_AFTER_MS = 20_000;

/**
 * When serve mode itself stops, nothing is left to raise "the listener is down": the browser, which
 * notices it lost the console, says so itself, under the same switch and quiet hours (as last read).
 */
export function outageAlert(now: Date, settings: AlertSettings | undefined): Alert | null {
  if (settings && (!settings.kinds.listener_down || inQuietHours(now, settings.quietHours))) return null;
  return {
    id: `outage-${now.getTime()}`,
    kind: 'listener_down',
    at: now.toISOString(),
    title: 'Gatewatch is not answering',
    body: 'This console lost its connection to Gatewatch. If Gatewatch stopped, its webhook listener is down too and providers get no answer.',
    route: null,
    held: false,
  };
}
