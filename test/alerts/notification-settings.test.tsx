// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NotificationSettings } from '../../src-renderer/features/alerts/NotificationSettings.js';
import { renderWithTransport } from '../replay/render.js';
import { IdentityProvider } from '../../src-renderer/app/identity.js';
import type { Alert, AlertSettings, AlertsStatus } from '../../src-shared/contract/alerts.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const defaults: AlertSettings = {
  kinds: { signature_failures: true, listener_down: true, relay_route_failing: true, provider_gave_up: true },
  quietHours: { enabled: false, from: '22:00', to: '07:00', timeZone: 'UTC' },
};
const held: Alert = {
  id: 'alr_1',
  kind: 'signature_failures',
  at: new Date().toISOString(),
  title: 'Failed signatures from Paychant',
  body: '5 deliveries…',
  route: '#/inbox?provider=paychant',
  held: true,
};

/** The browser's Notification API as a fake: `permission` as the test sets it, and how often it was asked. */
function fakeNotificationApi(permission: NotificationPermission) {
  let asked = 0;
  const api = Object.assign(function fakeConstructor() {}, {
    permission,
    requestPermission: async () => {
      asked++;
      api.permission = 'granted';
      return api.permission;
    },
  });
  vi.stubGlobal('Notification', api);
  return { asked: () => asked };
}

function settings(kind: 'http' | 'ipc' = 'http', status: Partial<AlertsStatus> = {}) {
  let current: AlertsStatus = { settings: defaults, recent: [held], unwatched: ['relay_route_failing', 'provider_gave_up'], ...status };
  return renderWithTransport(
    <NotificationSettings />,
    {
      'alerts.get': () => current,
      'alerts.configure': (input) => {
        current = { ...current, settings: input as AlertSettings };
        return current;
      },
      'alerts.test': () => ({ ...held, id: 'alr_2', kind: 'test', title: 'Gatewatch test notification', held: false }),
    },
    kind,
  );
}

describe('Settings → Notifications', () => {
  it('asks this browser for permission only on the button, once, then says it shows them', async () => {
    const api = fakeNotificationApi('default');
    settings();
    expect(screen.getByText('This browser has not been asked yet: it shows notifications only once you allow them.')).toBeTruthy();
    expect(api.asked()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Allow notifications in this browser' }));
    await waitFor(() => expect(screen.getByText(/This browser shows Gatewatch’s alerts as notifications/)).toBeTruthy());
    expect(api.asked()).toBe(1);
    expect(screen.queryByRole('button', { name: 'Allow notifications in this browser' })).toBeNull();
  });

  it('says where to unblock them when the browser blocks them, and that the desktop shows them itself', () => {
    fakeNotificationApi('denied');
    settings();
    expect(screen.getByText(/blocks notifications from this console: allow them in the site’s settings/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Allow notifications in this browser' })).toBeNull();
    cleanup();
    settings('ipc');
    expect(screen.getByText('The desktop app shows alerts as system notifications.')).toBeTruthy();
  });

  it('sends a test notification', async () => {
    fakeNotificationApi('granted');
    const fake = settings();
    fireEvent.click(screen.getByRole('button', { name: 'Send a test notification' }));
    await waitFor(() => expect(screen.getByText('Sent: “Gatewatch test notification”.')).toBeTruthy());
    expect(fake.calls.some((c) => c.name === 'alerts.test')).toBe(true);
  });

  it('switches a kind off and sets quiet hours in the person’s own time zone, then saves them', async () => {
    fakeNotificationApi('granted');
    const fake = settings();
    const form = await screen.findByRole('form', { name: 'What to notify' });
    expect(within(form).getAllByText(/Nothing reports this yet: it comes with the relay\./)).toHaveLength(2);
    const save = within(form).getByRole('button', { name: 'Save notification settings' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(within(form).getByRole('checkbox', { name: /The listener is down/ }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /Hold notifications during these hours/ }));
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((within(form).getByLabelText('in') as HTMLSelectElement).value).toBe(local);
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '21:30' } });
    fireEvent.change(within(form).getByLabelText('to'), { target: { value: '21:30' } });
    expect(within(form).getByRole('alert').textContent).toBe('The quiet hours start and end at the same time: there would be none.');
    expect(save.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('to'), { target: { value: '06:45' } });
    fireEvent.click(save);
    await waitFor(() => expect(within(form).getByText('Saved.')).toBeTruthy());
    // Only what this person changed goes out: another person's change meanwhile to another switch stays.
    expect(fake.calls.find((c) => c.name === 'alerts.configure')!.input).toEqual({
      kinds: { listener_down: false },
      quietHours: { enabled: true, from: '21:30', to: '06:45', timeZone: local },
    });
    expect(screen.getByText(new RegExp(`Quiet from 21:30 to 06:45 \\(overnight\\), ${local} time`))).toBeTruthy();
  });

  it('lists the latest alerts, those held by quiet hours marked, each a link to what it is about', async () => {
    fakeNotificationApi('granted');
    settings();
    const link = await screen.findByRole('link', { name: 'Failed signatures from Paychant' });
    expect(link.getAttribute('href')).toBe('#/inbox?provider=paychant');
    expect(screen.getByText('held: quiet hours')).toBeTruthy();
  });

  it('shows a viewer the settings without letting them change them, in words', async () => {
    fakeNotificationApi('granted');
    renderWithTransport(
      <IdentityProvider>
        <NotificationSettings />
      </IdentityProvider>,
      {
        'account.me': () => ({ kind: 'person', name: 'vic', role: 'viewer', tokenLabel: null }),
        'alerts.get': () => ({ settings: defaults, recent: [], unwatched: [] }),
      },
    );
    const form = await screen.findByRole('form', { name: 'What to notify' });
    // Inside a disabled fieldset (the browser disables every control in it).
    expect(
      (
        within(form)
          .getByRole('checkbox', { name: /The listener is down/ })
          .closest('fieldset') as HTMLFieldSetElement
      ).disabled,
    ).toBe(true);
    expect(within(form).getByRole('note').textContent).toBe('Changing the alert settings needs the admin role; you are a viewer.');
    expect(within(form).queryByRole('button', { name: 'Save notification settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send a test notification' })).toBeNull();
  });
});
