// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ImportPage } from '../../src-renderer/features/interop/ImportPage.js';
import { ExportLinks } from '../../src-renderer/features/interop/ExportLinks.js';
import { exportHref } from '../../src-renderer/features/interop/export-links.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

describe('import page', () => {
  it('imports a pasted cURL command and links to the new delivery', async () => {
    const fake = fakeTransport({
      'deliveries.import': () => ({ imported: [{ id: 'dlv_1', provider: 'paychant', method: 'POST', url: 'http://h/webhooks/paychant' }], skipped: [] }),
    });
    renderWith(fake.transport, <ImportPage />);
    const button = screen.getByRole('button', { name: 'Import' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('cURL command'), { target: { value: "curl http://h/webhooks/paychant -d '{}'" } });
    fireEvent.click(button);
    const link = await screen.findByRole('link', { name: 'POST http://h/webhooks/paychant' });
    expect(link.getAttribute('href')).toBe('#/deliveries/dlv_1');
    expect(fake.calls).toEqual([{ name: 'deliveries.import', input: { curl: "curl http://h/webhooks/paychant -d '{}'" } }]);
    expect(screen.getByRole('status').textContent).toContain('Imported 1 delivery.');
  });

  it('sends a HAR file with its name and the provider chosen, and says why an import was refused', async () => {
    const fake = fakeTransport({
      'deliveries.import': () => {
        throw new ConsoleError({ code: 'bad_request', message: 'Nothing was imported: this is not a HAR file: it has no log.entries list.' });
      },
    });
    renderWith(fake.transport, <ImportPage />);
    fireEvent.click(screen.getByLabelText(/a HAR file/));
    fireEvent.change(screen.getByLabelText(/^Provider/), { target: { value: 'calypso' } });
    const file = new File(['{"not":"har"}'], 'capture.har', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('HAR file'), { target: { files: [file] } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: this is not a HAR file: it has no log.entries list.');
    expect(fake.calls[0]!.input).toEqual({ har: '{"not":"har"}', fileName: 'capture.har', provider: 'calypso' });
  });
});

describe('export links', () => {
  it("link to serve mode's export stream with the inbox filter", () => {
    const fake = fakeTransport({});
    renderWith(fake.transport, <ExportLinks filter={{ provider: 'paychant', q: 'pid 1', status: undefined }} />);
    expect(screen.getByRole('link', { name: 'HAR' }).getAttribute('href')).toBe('/api/export?format=har&provider=paychant&q=pid+1');
    expect(screen.getByRole('link', { name: 'CSV' }).hasAttribute('download')).toBe(true);
    expect(exportHref('ndjson', {})).toBe('/api/export?format=ndjson');
  });

  it('are not shown in the desktop window, which has no HTTP stream', () => {
    const fake = fakeTransport({});
    renderWith({ ...fake.transport, kind: 'ipc' }, <ExportLinks filter={{}} />);
    expect(screen.queryByTestId('export-links')).toBeNull();
  });
});
