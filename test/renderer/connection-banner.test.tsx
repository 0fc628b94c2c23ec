// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { createHttpTransport } from '../../src-renderer/transport/http.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { disconnectedWords, NOT_ANSWERING } from '../../src-renderer/transport/connection.js';
import { ConnectionBanner } from '../../src-renderer/app/ConnectionBanner.js';
import { ErrorState } from '../../src-renderer/ui/States.js';
import { renderWith } from './render-with.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** fetch that fails as a browser's does when nothing answers, until `up` is set. */
function flakyConsole() {
  const state = { up: false };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (!state.up) throw new TypeError('Failed to fetch');
      if (url === '/api/events') return new Response(new ReadableStream(), { status: 200 });
      return new Response(JSON.stringify({ signedIn: true, methods: ['token'], items: [] }), { status: 200 });
    }),
  );
  return state;
}

describe('a console that stops answering', () => {
  it('says so in words instead of "Failed to fetch", in one banner with a retry', async () => {
    const console = flakyConsole();
    const transport = createHttpTransport(null);
    const failed = await transport.call('audit.list', {}).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ConsoleError);
    expect((failed as ConsoleError).code).toBe('unavailable');
    expect((failed as ConsoleError).message).toBe(NOT_ANSWERING);

    renderWith(
      transport,
      <>
        <ErrorState error={failed} />
        <ConnectionBanner />
      </>,
    );
    const banner = (await screen.findByText('Console disconnected.')).closest('[role="alert"]')!;
    expect(banner.textContent).toContain('Retry now');
    expect(document.body.textContent).toContain('Gatewatch is not answering');
    expect(document.body.textContent).not.toContain('Failed to fetch');

    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await screen.findByRole('button', { name: 'Retry now' }); // still down: the button is back
    expect(transport.connection!.state()).toBe('down');

    console.up = true;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    });
    await vi.waitFor(() => expect(document.body.textContent).not.toContain('Console disconnected.'));
    expect(transport.connection!.state()).toBe('up');
  });

  it('counts down to the next automatic try', () => {
    expect(disconnectedWords(10_000, 1_500)).toMatch(/Trying again in 9 s\.$/);
    expect(disconnectedWords(1_000, 1_500)).toMatch(/Trying again now…$/);
    expect(disconnectedWords(null, 0)).not.toMatch(/Trying/);
  });

  it('asks for the token again when the console refuses the session (serve mode restarted)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Missing or wrong token' } }), { status: 401 })),
    );
    const onUnauthorized = vi.fn();
    const transport = createHttpTransport(null, '', { onUnauthorized });
    await expect(transport.call('audit.list', {})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalled();
    expect(transport.connection!.state()).toBe('up');
  });
});
