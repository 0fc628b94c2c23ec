import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { ProviderSettings } from '../../src-renderer/features/settings/ProviderSettings.js';
import { initialFormState, toConfigureInput, whitespaceWarning } from '../../src-renderer/features/settings/provider-form.js';
import type { ProviderConfigView } from '../../src-shared/contract/providers.js';
import { fakeTransport } from './fake-transport.js';

afterEach(cleanup);

const view = (provider: ProviderConfigView['provider']): ProviderConfigView => ({
  provider,
  activeEnvironment: 'production',
  environments: [
    { environment: 'production', baseUrl: 'https://api.example', apiKey: { label: 'production', masked: '••••9f2a', key: null, updatedAt: '2026-11-01T00:00:00Z' }, hmacSecret: null },
    { environment: 'sandbox', baseUrl: null, apiKey: null, hmacSecret: null },
    { environment: 'local', baseUrl: null, apiKey: null, hmacSecret: null },
  ],
  apiKeyHeader: null,
  webhookSecrets: [{ label: 'production', masked: '••••1a2b', key: null, updatedAt: '2026-11-01T00:00:00Z' }],
});

describe('provider form', () => {
  it('keeps stored secrets unless a new value is typed, and sends the complete webhook list', () => {
    const form = initialFormState(view('paychant'));
    form.webhookSecrets.push({ label: 'sandbox', value: 'new-sandbox-secret', key: '', stored: false });
    form.webhookSecrets.push({ label: 'typo', value: '', key: '', stored: false });
    const input = toConfigureInput('paychant', form);
    expect(input.apiKey).toBeUndefined();
    expect(input.webhookSecrets).toEqual([{ label: 'production' }, { label: 'sandbox', value: 'new-sandbox-secret' }]);
    expect(input.baseUrl).toBe('https://api.example');
  });

  it('warns about surrounding whitespace', () => {
    expect(whitespaceWarning(' abc')).toMatch(/whitespace/);
    expect(whitespaceWarning('abc')).toBeNull();
  });
});

describe('ProviderSettings', () => {
  it('shows masked secrets and the storage warning, and saves a new webhook secret', async () => {
    const fake = fakeTransport({
      'providers.get': () => ({
        providers: [view('paychant')],
        secretStorage: { backend: 'safeStorage (basic_text)', secure: false, warning: 'Secrets are stored without real protection.' },
      }),
      'providers.configure': (input) => ({ provider: view(input.provider), reverifying: 3 }),
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <TransportProvider transport={fake.transport}>
          <ProviderSettings />
        </TransportProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('without real protection');
    expect(screen.getByPlaceholderText('••••1a2b (unchanged)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Secret value'), { target: { value: 'rotated-secret-value' } });
    fireEvent.click(screen.getByText('Save Paychant'));
    await screen.findByText(/Verifying 3 stored deliveries/);
    const sent = fake.calls.find((c) => c.name === 'providers.configure')!.input as { webhookSecrets: unknown };
    expect(sent.webhookSecrets).toEqual([{ label: 'production', value: 'rotated-secret-value' }]);
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'providers.get').length).toBeGreaterThan(1));
  });
});
