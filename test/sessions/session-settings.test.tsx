// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { SessionSettings } from '../../src-renderer/features/sessions/SessionSettings.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { defaultSessionSettings } from '../../src-shared/sessions/settings.js';
import { fakeTransport } from '../renderer/fake-transport.js';
import { renderWith } from '../renderer/render-with.js';

afterEach(cleanup);

const description = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)!.textContent)
    .join(' | ');

describe('SessionSettings', () => {
  it('names each field by its label alone; the help describes it', async () => {
    renderWith(fakeTransport({ 'sessions.settings.get': () => defaultSessionSettings() }).transport, <SessionSettings />);
    const link = await screen.findByLabelText('Payment link path');
    expect(link.tagName).toBe('INPUT');
    expect(description(link)).toBe('On the base URL; {id} is the session id: /embed/{id} (older docs) or /order/{id} (newer).');
    expect(screen.getByLabelText('InstaXchange session creation auth').tagName).toBe('SELECT');
    const from = screen.getByLabelText('InstaXchange from currencies (one per line)');
    expect(from.tagName).toBe('TEXTAREA');
    expect(from.hasAttribute('aria-describedby')).toBe(false);
  });

  it('marks a field the main process refused, with its reason in the description', async () => {
    const fake = fakeTransport({
      'sessions.settings.get': () => defaultSessionSettings(),
      'sessions.settings.save': () => {
        throw new ConsoleError({
          code: 'bad_request',
          message: 'Invalid settings.',
          issues: [{ path: 'instaxchange.paymentLinkTemplate', message: 'must contain {id}' }],
        });
      },
    });
    renderWith(fake.transport, <SessionSettings />);
    const link = await screen.findByLabelText('Payment link path');
    expect(link.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    expect(description(link)).toMatch(/^must contain \{id\} \| On the base URL/);
  });
});
