import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';
import { notificationApi, OUTAGE_NOTIFY_AFTER_MS, outageAlert, showAlert } from './browser-notifications.js';
import { alertKeys } from './useAlerts.js';

const open = (route: string) => {
  if (route.startsWith('#/')) window.location.hash = route;
};
const focus = () => window.focus();

/**
 * Alerts pushed to this console become browser notifications (serve mode, once allowed), and so
 * does the console staying unreachable (Gatewatch stopped: nothing else can say so); the desktop's
 * click on a system notification (`alert.opened`) shows what it is about.
 */
export function useBrowserNotifications(): void {
  const transport = useTransport();
  const browser = transport.kind === 'http';
  // The switches and quiet hours as last read, for the one alert the browser raises itself.
  const status = useQuery({ queryKey: alertKeys.status(), queryFn: () => transport.call('alerts.get', {}), enabled: browser });
  const settings = useRef(status.data?.settings);
  settings.current = status.data?.settings;

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'alert' && browser) showAlert(notificationApi(window), event.alert, open, focus);
        else if (event.type === 'alert.opened') open(event.route);
      }),
    [transport, browser],
  );

  useEffect(() => {
    const monitor = transport.connection;
    if (!monitor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = monitor.subscribe(() => {
      if (monitor.state() === 'up') {
        if (timer) clearTimeout(timer);
        timer = null;
      } else {
        timer ??= setTimeout(() => {
          const alert = monitor.state() === 'down' ? outageAlert(new Date(), settings.current) : null;
          if (alert) showAlert(notificationApi(window), alert, open, focus);
        }, OUTAGE_NOTIFY_AFTER_MS);
      }
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [transport]);
}
