/**
 * The desktop's alerts as system notifications (Electron's Notification): each `alert` push
 * becomes one, and a click on it opens what the alert is about. The alert service has already
 * applied the switches and the quiet hours: what reaches the bus is to be shown.
 */
import type { Alert } from '../../src-shared/contract/alerts.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import type { NotificationConstructor, NotificationLike } from './electron-api.js';

/** Notifications kept referenced until closed, so a click still reaches its handler (Windows drops unreferenced ones). */
const KEPT = 20;

export interface SystemNotificationsDeps {
  Notification: NotificationConstructor;
  bus: { subscribe(listener: (event: PushEvent) => void): () => void };
  /** A click on an alert's notification. */
  onOpen(alert: Alert): void;
  log(message: string): void;
}

/** Shows alerts as system notifications until the returned function is called. */
export function showAlertsAsNotifications(deps: SystemNotificationsDeps): () => void {
  if (!deps.Notification.isSupported()) {
    deps.log('this system cannot show notifications: alerts are listed in Settings → Notifications only');
    return () => {};
  }
  const shown: NotificationLike[] = [];
  return deps.bus.subscribe((event) => {
    if (event.type !== 'alert') return;
    const notification = new deps.Notification({ title: event.alert.title, body: event.alert.body });
    notification.on('click', () => deps.onOpen(event.alert));
    notification.on('close', () => {
      const index = shown.indexOf(notification);
      if (index >= 0) shown.splice(index, 1);
    });
    shown.push(notification);
    if (shown.length > KEPT) shown.shift();
    notification.show();
  });
}
