// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { startAccess, takeTokenFromAddress } from '../../src-renderer/transport/access.js';
import { ConsoleGate } from '../../src-renderer/app/ConsoleGate.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const OWNER = { kind: 'owner', name: 'owner', role: 'admin', tokenLabel: null };

/** A serve mode in miniature: one token, a cookie flag for "this browser has a session". */
function fakeConsole(token = 'the-console-token') {
  const seen: Array<{ url: string; method: string; body: string | null }> = [];
  let session = false;
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    seen.push({ url, method: init.method ?? 'GET', body: (init.body as string) ?? null });
    if (url === '/auth/session') return json(200, { signedIn: session, methods: ['token'], who: session ? OWNER : null });
    if (url === '/auth/token') {
      if ((JSON.parse(init.body as string) as { token: string }).token !== token) {
        return json(401, { error: { code: 'unauthorized', message: 'That is not this console’s token.' } });
      }
      session = true;
      return json(200, { signedIn: true, methods: ['token'], who: OWNER });
    }
    if (session && url === '/api/account.me') return json(200, OWNER);
    return json(session ? 200 : 401, session ? {} : { error: { code: 'unauthorized', message: 'Missing or wrong token' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { seen, signedIn: () => session };
}

describe('opening the console in a browser', () => {
  it('takes the token out of the address and keeps the view it names', () => {
    window.history.replaceState(null, '', '/?token=abc123#/deliveries/dlv_1?selected=x');
    expect(takeTokenFromAddress(window)).toBe('abc123');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/deliveries/dlv_1?selected=x');
    expect(takeTokenFromAddress(window)).toBeNull();
  });

  it('exchanges a printed console URL’s token for a session, and uses the session cookie in a new tab', async () => {
    const served = fakeConsole();
    window.history.replaceState(null, '', '/?token=the-console-token#/inbox?provider=paychant');
    expect(await startAccess(window)).toEqual({ kind: 'http' });
    expect(served.seen[0]).toMatchObject({ url: '/auth/token', method: 'POST', body: '{"token":"the-console-token"}' });
    expect(window.location.href).not.toContain('token');
    // A new tab opened on a shared link: no token, but the browser has its cookie.
    window.history.replaceState(null, '', '/#/deliveries/dlv_9');
    expect(await startAccess(window)).toEqual({ kind: 'http' });
  });

  it('asks for the token instead of a dead end, with a wrong token said in words', async () => {
    fakeConsole();
    expect(await startAccess(window)).toEqual({ kind: 'sign-in', message: null, methods: ['token'] });
    window.history.replaceState(null, '', '/?token=stale-token');
    expect(await startAccess(window)).toEqual({ kind: 'sign-in', message: 'That is not this console’s token.', methods: ['token'] });
    expect(await startAccess({ location: window.location, history: window.history, gatewatch: {} })).toEqual({ kind: 'ipc' });
  });

  it('shows the token form on a shared link, then the console at the same address', async () => {
    const served = fakeConsole();
    window.history.replaceState(null, '', '/#/deliveries/dlv_42');
    render(
      <ConsoleGate>
        <p>the console</p>
      </ConsoleGate>,
    );
    const field = await screen.findByLabelText('Console token');
    expect(document.body.textContent).toContain('Paste the console token (printed by npm run serve, or in the token file)');
    expect(document.body.textContent).not.toContain('No access token');

    fireEvent.change(field, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the console' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That is not this console’s token.');

    fireEvent.change(field, { target: { value: 'the-console-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the console' }));
    await screen.findByText('the console');
    expect(served.signedIn()).toBe(true);
    expect(window.location.hash).toBe('#/deliveries/dlv_42');
  });
});
