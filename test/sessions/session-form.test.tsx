// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionsPage } from '../../src-renderer/features/sessions/SessionsPage.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { defaultSessionSettings } from '../../src-shared/sessions/settings.js';
import type { SessionDraft } from '../../src-shared/contract/sessions.js';
import { fakeTransport } from '../renderer/fake-transport.js';
import { renderWith } from '../renderer/render-with.js';

afterEach(cleanup);

/** The main process's answer to a preview: refused per field until userId and userName are there. */
function preview(draft: SessionDraft) {
  const missing = ['userId', 'userName'].filter((name) => !draft.payload[name]);
  if (missing.length > 0) {
    throw new ConsoleError({
      code: 'bad_request',
      message: 'Some fields are invalid; nothing was sent.',
      issues: missing.map((name) => ({ path: `payload.${name}`, message: 'Required: fill this in.' })),
    });
  }
  return {
    environment: draft.environment ?? 'production',
    request: { method: 'POST', url: 'https://api.instap.example/pgpub/session', headers: [['x-api-key', '••••2a71']], body: JSON.stringify(draft.payload) },
    link: null,
    notes: [],
    recentIdentical: [],
  };
}

function renderForm() {
  const fake = fakeTransport({
    'sessions.settings.get': () => defaultSessionSettings(),
    'sessions.list': () => ({ items: [], nextCursor: null }),
    'providers.get': () => ({ providers: [{ provider: 'instap', activeEnvironment: 'production', environments: [] }] }) as never,
    'sessions.preview': preview,
  });
  renderWith(fake.transport, <SessionsPage params={new URLSearchParams()} />);
  return fake;
}

describe('the new-session form', () => {
  it('names the environment it sends to: the provider’s active one, by name', async () => {
    renderForm();
    expect(await screen.findByRole('option', { name: "the provider's active one (production)" })).toBeTruthy();
    expect(screen.getByTestId('session-target').textContent).toBe('Sends to production: a real payment session.');
    expect(screen.getByRole('button', { name: 'Send to production' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'sandbox' } });
    expect(screen.getByTestId('session-target').textContent).toBe('Sends to sandbox.');
    expect(screen.getByRole('button', { name: 'Send to sandbox' })).toBeTruthy();
  });

  it('shows the exact request beside the form as it is filled, without marking fields meanwhile', async () => {
    const fake = renderForm();
    const pane = await screen.findByRole('region', { name: 'Request preview' });
    await within(pane).findByText('Fill in or correct User id and User name to see the exact request.');
    expect(document.querySelector('[data-field-error]')).toBeNull();

    // Typed out of order: the body follows the form's order.
    fireEvent.change(screen.getByLabelText(/User name/), { target: { value: 'Grace' } });
    fireEvent.change(screen.getByLabelText(/User id/), { target: { value: 'u-42' } });
    await waitFor(() => expect(within(pane).getByTestId('request-body').textContent).toBe('{"userId":"u-42","userName":"Grace"}'), { timeout: 2000 });
    expect(within(pane).getByRole('heading').textContent).toBe('Exactly what will be sent to production');
    // Nothing was clicked: the preview came by itself.
    expect(fake.calls.filter((c) => c.name === 'sessions.preview').length).toBeGreaterThan(0);
    // The form and the preview sit side by side in one composition.
    expect(pane.parentElement!.className).toBe('session-compose');
    expect(pane.parentElement!.querySelector('form[aria-label="New session"]')).toBeTruthy();
  });

  it('marks the fields once the person asks, with the message in words', async () => {
    renderForm();
    await screen.findByText(/to see the exact request/);
    fireEvent.click(screen.getByRole('button', { name: 'Preview request' }));
    await waitFor(() => expect(document.querySelector('[data-field-error="userId"]')?.textContent).toBe('Required: fill this in.'));
    expect((screen.getByLabelText(/User id/) as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
  });
});
