// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { ProviderSettings } from '../../src-renderer/features/settings/ProviderSettings.js';
import {
  addSecretRow,
  baseUrlWarning,
  credentialMove,
  initialFormState,
  toConfigureInput,
  whitespaceWarning,
} from '../../src-renderer/features/settings/provider-form.js';
import type { CallInput } from '../../src-shared/contract/index.js';
import type { ProviderConfigView } from '../../src-shared/contract/providers.js';
import { fakeTransport } from './fake-transport.js';

afterEach(cleanup);

const view = (provider: ProviderConfigView['provider']): ProviderConfigView => ({
  provider,
  activeEnvironment: 'production',
  environments: [
    {
      environment: 'production',
      baseUrl: 'https://api.example',
      apiKey: { label: 'production', masked: '••••9f2a', key: null, updatedAt: '2026-11-01T00:00:00Z' },
      hmacSecret: null,
    },
    { environment: 'sandbox', baseUrl: null, apiKey: null, hmacSecret: null },
    { environment: 'local', baseUrl: null, apiKey: null, hmacSecret: null },
  ],
  apiKeyHeader: null,
  webhookSecrets: [{ label: 'production', masked: '••••1a2b', key: null, updatedAt: '2026-11-01T00:00:00Z' }],
});

describe('provider form', () => {
  it('keeps stored secrets unless a new value is typed, and sends the complete webhook list', () => {
    const form = initialFormState(view('paychant'));
    form.webhookSecrets = addSecretRow(addSecretRow(form.webhookSecrets));
    Object.assign(form.webhookSecrets[1]!, { label: 'sandbox', value: 'new-sandbox-secret' });
    Object.assign(form.webhookSecrets[2]!, { label: 'typo' });
    const input = toConfigureInput('paychant', form);
    expect(input.apiKey).toBeUndefined();
    expect(input.webhookSecrets).toEqual([{ label: 'production' }, { label: 'sandbox', value: 'new-sandbox-secret' }]);
    expect(input.baseUrl).toBe('https://api.example');
  });

  it('gives each secret row an id of its own that stays with it', () => {
    const rows = addSecretRow(addSecretRow(initialFormState(view('paychant')).webhookSecrets));
    expect(rows.map((r) => r.rowId)).toEqual(['stored:production', 'new:1', 'new:2']);
    // A row removed from the middle: the next one gets a number not in use.
    expect(addSecretRow(rows.filter((r) => r.rowId !== 'new:1')).map((r) => r.rowId)).toEqual(['stored:production', 'new:2', 'new:3']);
  });

  it('warns about surrounding whitespace', () => {
    expect(whitespaceWarning(' abc')).toMatch(/whitespace/);
    expect(whitespaceWarning('abc')).toBeNull();
  });
});

describe('base URL moves in the form', () => {
  it('sees the host as the URL parser does: 2130706433 is 127.0.0.1, another host is a move', () => {
    const local = view('instap');
    local.environments[2] = {
      environment: 'local',
      baseUrl: 'http://127.0.0.1:9000',
      apiKey: { label: 'local', masked: '••••77aa', key: null, updatedAt: '2026-11-01T00:00:00Z' },
      hmacSecret: null,
    };
    const form = { ...initialFormState(local, 'local'), baseUrl: 'http://2130706433:9000/v2' };
    expect(credentialMove(local, form)).toBeNull();
    expect(credentialMove(local, { ...form, baseUrl: 'http://0177.0.0.2:9000' })).toEqual({
      fromHost: '127.0.0.1:9000',
      toHost: '127.0.0.2:9000',
      credentials: ['API key'],
    });
  });

  it('asks about the stored credentials only while they would follow the move', () => {
    const form = { ...initialFormState(view('paychant')), baseUrl: 'https://evil.example' };
    expect(credentialMove(view('paychant'), form)).toEqual({ fromHost: 'api.example', toHost: 'evil.example', credentials: ['API key'] });
    expect(credentialMove(view('paychant'), { ...form, apiKey: 'typed-for-the-new-host' })).toBeNull();
    expect(credentialMove(view('paychant'), { ...form, baseUrl: 'https://evil.' })).not.toBeNull();
    expect(credentialMove(view('paychant'), { ...form, baseUrl: 'not a url yet' })).toBeNull();
    expect(toConfigureInput('paychant', form).keepCredentials).toBeUndefined();
    expect(toConfigureInput('paychant', { ...form, keepCredentials: true }).keepCredentials).toBe(true);
  });

  it('warns before saving that production needs https', () => {
    const form = initialFormState(view('paychant'));
    expect(baseUrlWarning({ ...form, baseUrl: 'http://169.254.169.254' })).toMatch(/must use https/);
    expect(baseUrlWarning({ ...form, baseUrl: 'https://api.example' })).toBeNull();
    expect(baseUrlWarning({ ...form, environment: 'sandbox', baseUrl: 'http://127.0.0.1:9' })).toBeNull();
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

  it('removes the secret row asked for, leaving the other rows and what is typed in them as they are', async () => {
    const fake = fakeTransport({
      'providers.get': () => ({ providers: [view('paychant')], secretStorage: { backend: 'aes-256-gcm', secure: true, warning: null } }),
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <TransportProvider transport={fake.transport}>
          <ProviderSettings />
        </TransportProvider>
      </QueryClientProvider>,
    );
    await screen.findByPlaceholderText('••••1a2b (unchanged)');
    fireEvent.click(screen.getByRole('button', { name: 'Add a webhook secret' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a webhook secret' }));
    const labels = () => screen.getAllByLabelText('Secret label') as HTMLInputElement[];
    fireEvent.change(labels()[1]!, { target: { value: 'sandbox' } });
    fireEvent.change(labels()[2]!, { target: { value: 'staging' } });
    const staging = labels()[2]!;
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[1]!);
    expect(labels().map((i) => i.value)).toEqual(['production', 'staging']);
    // The same input, not another row's input given this row's value: focus and selection stay put.
    expect(labels()[1]).toBe(staging);
  });
});

describe('ProviderSettings: credentials and a new host', () => {
  function renderSettings(providerView: ProviderConfigView, configure: (input: CallInput<'providers.configure'>) => unknown) {
    const fake = fakeTransport({
      'providers.get': () => ({ providers: [providerView], secretStorage: { backend: 'aes-256-gcm (key file in the data dir)', secure: true, warning: null } }),
      'providers.configure': configure,
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <TransportProvider transport={fake.transport}>
          <ProviderSettings />
        </TransportProvider>
      </QueryClientProvider>,
    );
    return fake;
  }

  it('asks to keep the stored credentials when the host changes, shows the refusal in words, and sends keepCredentials once ticked', async () => {
    const fake = renderSettings(view('paychant'), (input) => {
      if (!input.keepCredentials)
        throw new Error('The production base URL of paychant moves from api.example to evil.example: the stored API key would be sent there.');
      return { provider: view('paychant'), reverifying: 0 };
    });
    const baseUrl = (await screen.findByDisplayValue('https://api.example')) as HTMLInputElement;
    expect(screen.queryByLabelText('Keep the stored API key and secrets for the new host')).toBeNull();
    fireEvent.change(baseUrl, { target: { value: 'https://evil.example' } });
    expect(screen.getByRole('group', { name: 'Credentials for the new host' }).textContent).toContain(
      'The production base URL moves from api.example to evil.example: the stored API key would be sent there.',
    );
    fireEvent.click(screen.getByText('Save Paychant'));
    expect((await screen.findByRole('alert')).textContent).toContain('moves from api.example to evil.example');
    fireEvent.click(screen.getByLabelText('Keep the stored API key and secrets for the new host'));
    fireEvent.click(screen.getByText('Save Paychant'));
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'providers.configure')).toHaveLength(2));
    expect(fake.calls.filter((c) => c.name === 'providers.configure')[1]!.input).toMatchObject({ baseUrl: 'https://evil.example', keepCredentials: true });
  });

  it('says which stored secrets cannot be read and must be entered again', async () => {
    const broken = view('instap');
    broken.environments[0] = { ...broken.environments[0]!, apiKey: { ...broken.environments[0]!.apiKey!, unreadable: true } };
    broken.webhookSecrets = [{ ...broken.webhookSecrets[0]!, unreadable: true }];
    renderSettings(broken, () => ({ provider: broken, reverifying: 0 }));
    expect(await screen.findByText('(cannot be read: enter it again)')).toBeTruthy();
    expect(screen.getByPlaceholderText('cannot be read: type it again')).toBeTruthy();
    expect(screen.getByText(/The stored value cannot be read/)).toBeTruthy();
    expect(screen.getByText(/each environment's HMAC secret \(under API access\) is tried too/)).toBeTruthy();
  });
});
