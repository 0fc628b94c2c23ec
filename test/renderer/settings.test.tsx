// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { ListenerSettings } from '../../src-renderer/features/settings/ListenerSettings.js';
import { RetentionSettings } from '../../src-renderer/features/settings/RetentionSettings.js';
import { fakeTransport } from './fake-transport.js';

afterEach(cleanup);

function withTransport(fake: ReturnType<typeof fakeTransport>, ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>{ui}</TransportProvider>
    </QueryClientProvider>,
  );
}

const listenerStatus = (trust: boolean, publicBaseUrl: string | null) => ({
  listening: true,
  host: '127.0.0.1',
  port: 8787,
  localBaseUrl: 'http://127.0.0.1:8787',
  portSetting: null as number | null,
  portFixedBy: null as string | null,
  problem: null as string | null,
  publicBaseUrl,
  publicBaseUrlSource: publicBaseUrl ? 'setting' : null,
  trustForwardedHeaders: trust,
  bodyLimitBytes: 1048576,
  rateLimit: { perSecond: 50, burst: 200 } as { perSecond: number; burst: number } | null,
  protection: {
    maxConnections: 4096,
    maxConnectionsPerAddress: 64,
    inFlightBytesLimit: 67108864,
    inFlightBytes: 0,
    connectionsRefused: 0,
    refusalsNotRecorded: 0,
  },
  storage: {
    usedBytes: 5 * 1024 * 1024,
    quotaBytes: null as number | null,
    diskFreeBytes: 80 * 1024 ** 3,
    diskTotalBytes: 250 * 1024 ** 3,
    minFreeDiskBytes: 1024 ** 3,
    level: 'ok',
    refusing: null,
    checkedAt: null,
  },
  urls: [{ provider: 'paychant', localUrl: 'http://127.0.0.1:8787/webhooks/paychant', publicUrl: publicBaseUrl ? `${publicBaseUrl}/webhooks/paychant` : null }],
  counts: { total: 3, byProvider: { paychant: 3 } },
});

describe('ListenerSettings', () => {
  it('shows the URL to paste, and saves the tunnel URL and the forwarded-headers choice', async () => {
    let status = listenerStatus(false, null);
    const fake = fakeTransport({
      'listener.status': () => status,
      'listener.configure': (input) => {
        status = listenerStatus(input.trustForwardedHeaders ?? status.trustForwardedHeaders, input.publicBaseUrl ?? status.publicBaseUrl);
        return status;
      },
    });
    withTransport(fake, <ListenerSettings />);
    await screen.findByText('http://127.0.0.1:8787/webhooks/paychant');
    fireEvent.click(screen.getByRole('checkbox', { name: /behind a tunnel/ }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'listener.configure')?.input).toEqual({ trustForwardedHeaders: true }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'https://abc.ngrok-free.app' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('https://abc.ngrok-free.app/webhooks/paychant');
  });
});

describe('ListenerLimitsForm', () => {
  it('saves the rate limit and the storage quota, and says what is wrong with a bad entry before sending it', async () => {
    let status = listenerStatus(false, null);
    const fake = fakeTransport({
      'listener.status': () => status,
      'listener.configure': (input) => {
        const { rateLimit = status.rateLimit, storageQuotaBytes = status.storage.quotaBytes } = input;
        status = { ...status, rateLimit, storage: { ...status.storage, quotaBytes: storageQuotaBytes } };
        return status;
      },
    });
    withTransport(fake, <ListenerSettings />);
    const form = await screen.findByRole('form', { name: 'Listener limits' });
    const field = (name: string) => form.querySelector(`input[name="${name}"]`) as HTMLInputElement;
    expect(field('ratePerSecond').value).toBe('50');
    expect(field('storageQuotaMiB').value).toBe('');

    fireEvent.change(field('storageQuotaMiB'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    expect((await screen.findByRole('alert')).textContent).toContain('whole number of MiB');
    expect(fake.calls.some((c) => c.name === 'listener.configure')).toBe(false);

    fireEvent.change(field('storageQuotaMiB'), { target: { value: '2048' } });
    fireEvent.change(field('ratePerSecond'), { target: { value: '20' } });
    fireEvent.change(field('rateBurst'), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'listener.configure')?.input).toEqual({
        rateLimit: { perSecond: 20, burst: 80 },
        storageQuotaBytes: 2048 * 1024 * 1024,
      }),
    );

    fireEvent.click(field('rateOn'));
    fireEvent.change(field('storageQuotaMiB'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'listener.configure').at(-1)?.input).toEqual({ rateLimit: null, storageQuotaBytes: null }));
    await waitFor(() => expect(field('ratePerSecond').disabled).toBe(true));
  });
});

describe('ListenerPortForm', () => {
  const portField = (form: HTMLElement) => form.querySelector('input[name="webhookPort"]') as HTMLInputElement;

  it('moves the listener to the port entered, and says a port in use in words, keeping the entry', async () => {
    let status = listenerStatus(false, null);
    const fake = fakeTransport({
      'listener.status': () => status,
      'listener.configure': (input) => {
        if (input.webhookPort === 8080) {
          throw new Error('Port 8080 is already in use (another Gatewatch, or another program). The listener stays on port 8787.');
        }
        const port = input.webhookPort ?? 8787;
        status = { ...status, port, portSetting: input.webhookPort ?? null, localBaseUrl: `http://127.0.0.1:${port}` };
        return status;
      },
    });
    withTransport(fake, <ListenerSettings />);
    const form = await screen.findByRole('form', { name: 'Listener port' });
    expect(portField(form).value).toBe('');
    expect(portField(form).placeholder).toBe('8787');
    expect(form.textContent).toContain('applies at once');

    fireEvent.change(portField(form), { target: { value: '8080' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save port' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Port 8080 is already in use (another Gatewatch, or another program). The listener stays on port 8787.',
    );
    expect(portField(form).value).toBe('8080');

    fireEvent.change(portField(form), { target: { value: '9090' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save port' }));
    await screen.findByText('http://127.0.0.1:9090');
    expect(fake.calls.filter((c) => c.name === 'listener.configure').map((c) => c.input)).toEqual([{ webhookPort: 8080 }, { webhookPort: 9090 }]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(portField(form).value).toBe('9090');

    // Empty goes back to the default.
    fireEvent.change(portField(form), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save port' }));
    await screen.findByText('http://127.0.0.1:8787');
    expect(fake.calls.at(-1)!.input).toEqual({ webhookPort: null });
  });

  it('says what is wrong with a port before sending it', async () => {
    const fake = fakeTransport({ 'listener.status': () => listenerStatus(false, null) });
    withTransport(fake, <ListenerSettings />);
    const form = await screen.findByRole('form', { name: 'Listener port' });
    fireEvent.change(portField(form), { target: { value: '70000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save port' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The port is a whole number from 1 to 65535 (or empty for 8787).');
    expect(fake.calls.some((c) => c.name === 'listener.configure')).toBe(false);
  });

  it('shows a port fixed for this run, unchangeable, and why the listener is not listening', async () => {
    const status = {
      ...listenerStatus(false, null),
      port: 9999,
      listening: false,
      portFixedBy: 'GATEWATCH_WEBHOOK_PORT',
      problem: 'Port 9999 is already in use (another Gatewatch, or another program).',
    };
    const fake = fakeTransport({ 'listener.status': () => status });
    withTransport(fake, <ListenerSettings />);
    const form = await screen.findByRole('form', { name: 'Listener port' });
    expect(portField(form).value).toBe('9999');
    expect(portField(form).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save port' }) as HTMLButtonElement).disabled).toBe(true);
    expect(form.textContent).toContain('Set by GATEWATCH_WEBHOOK_PORT for this run');
    expect(screen.getByRole('alert').textContent).toBe('The listener is not listening. Port 9999 is already in use (another Gatewatch, or another program).');
  });
});

describe('RetentionSettings', () => {
  it('asks for confirmation, with the count that would be deleted, before turning pruning on', async () => {
    const fake = fakeTransport({
      'retention.get': () => ({ enabled: false, days: null, lastRun: null, running: false }),
      'retention.preview': (input) => ({ cutoff: '2026-08-24T00:00:00.000Z', count: input.days === 90 ? 1234 : 0 }),
      'retention.configure': (input) => ({ enabled: input.enabled, days: input.days, lastRun: null, running: false }),
    });
    withTransport(fake, <RetentionSettings />);
    await screen.findByText(/Off: every delivery is kept/);
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on…' }));
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.textContent).toContain('1,234 deliveries received before'));
    expect(fake.calls.some((c) => c.name === 'retention.configure')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete and turn on' }));
    await screen.findByText(/On: deliveries older than 90 days/);
    expect(fake.calls.find((c) => c.name === 'retention.configure')!.input).toEqual({ enabled: true, days: 90, confirmed: true });
  });

  it('asks in a modal dialog before pruning now, and Escape cancels', async () => {
    const fake = fakeTransport({
      'retention.get': () => ({ enabled: false, days: 30, lastRun: null, running: false }),
      'retention.preview': () => ({ cutoff: '2026-10-01T00:00:00.000Z', count: 12 }),
      'retention.pruneNow': () => ({ deleted: 12 }),
    });
    withTransport(fake, <RetentionSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Prune now…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Prune now?' }) as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    // Escape on a modal dialog: the platform fires cancel.
    fireEvent(dialog, new Event('cancel'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls.some((c) => c.name === 'retention.pruneNow')).toBe(false);
  });
});
