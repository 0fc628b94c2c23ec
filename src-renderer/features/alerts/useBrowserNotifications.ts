import { useEffect } from 'react';
import { useTransport } from '../../transport/context.js';
import { notificationApi, showAlert } from './browser-notifications.js';

const open = (route: string) => {
  if (route.startsWith('#/')) window.location.hash = route;
};

/**
 * Alerts pushed to this console become browser notifications (serve mode, once allowed); the
 * desktop's click on a system notification (`alert.opened`) shows what it is about.
 */
export function useBrowserNotifications(): void {
  const transport = useTransport();
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'alert' && transport.kind === 'http') showAlert(notificationApi(window), event.alert, open, () => window.focus());
        else if (event.type === 'alert.opened') open(event.route);
      }),
    [transport],
  );
}
