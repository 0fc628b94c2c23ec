/**
 * Links that work: a browser presents the console token once and gets an HttpOnly, SameSite=Strict
 * session cookie (a random id, never the token), so another tab opened on a shared link is signed
 * in too. Calls on the cookie keep the Origin check; the session ends with the serve run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole | null = null;
  afterEach(async () => {
    await gw?.close();
    gw = null;
  });

  async function signIn(console: TestConsole, token = console.token, headers: Record<string, string> = { origin: console.consoleOrigin }) {
    return fetch(`${console.consoleOrigin}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ token }),
    });
  }

  const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

  function callWith(console: TestConsole, headers: Record<string, string>) {
    return fetch(`${console.consoleOrigin}/api/deliveries.list`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  }

  const sessionOf = async (console: TestConsole, cookie?: string) =>
    (await (await fetch(`${console.consoleOrigin}/auth/session`, { headers: cookie ? { cookie } : {} })).json()) as {
      signedIn: boolean;
      methods: string[];
      who: unknown;
    };

  describe('console sessions in serve mode', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie with a random id, for this browser session only', async () => {
      gw = await startTestConsole({ backend });
      const response = await signIn(gw);
      expect(response.status).toBe(200);
      const header = response.headers.get('set-cookie')!;
      const port = new URL(gw.consoleOrigin).port;
      expect(header).toMatch(new RegExp(`^gatewatch_session_${port}=[A-Za-z0-9_-]{43}; `));
      const attributes = header
        .split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=strict']));
      expect(attributes.some((a) => a.startsWith('max-age') || a.startsWith('expires'))).toBe(false);
      expect(header).not.toContain(gw.token);
      expect(await response.json()).toEqual({ signedIn: true, methods: ['token'], who: { kind: 'owner', name: 'owner', role: 'admin', tokenLabel: null } });
    });

    it('lets calls and the event stream through on the cookie, from the console page only', async () => {
      gw = await startTestConsole({ backend });
      const cookie = cookieOf(await signIn(gw));
      expect(await sessionOf(gw)).toEqual({ signedIn: false, methods: ['token'], who: null });
      expect((await sessionOf(gw, cookie)).signedIn).toBe(true);

      expect((await callWith(gw, { cookie, origin: gw.consoleOrigin })).status).toBe(200);
      expect((await callWith(gw, { cookie, origin: gw.consoleOrigin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      // A write on the cookie must name the console's own page.
      expect((await callWith(gw, { cookie })).status).toBe(403);
      expect((await callWith(gw, { cookie, origin: 'http://evil.example' })).status).toBe(403);
      expect((await callWith(gw, { cookie, origin: gw.consoleOrigin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await callWith(gw, { cookie: `${cookie.split('=')[0]}=forged-session-id`, origin: gw.consoleOrigin })).status).toBe(401);
      // Scripts keep the bearer token, with no Origin.
      expect((await callWith(gw, { authorization: `Bearer ${gw.token}` })).status).toBe(200);

      const controller = new AbortController();
      const events = await fetch(`${gw.consoleOrigin}/api/events`, { headers: { cookie }, signal: controller.signal });
      expect(events.status).toBe(200);
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      controller.abort();
    });

    it('refuses a wrong token, a sign-in from another page, and ends the session on sign-out', async () => {
      gw = await startTestConsole({ backend });
      const wrong = await signIn(gw, 'not-the-token-000000');
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/token file/);
      expect((await signIn(gw, gw.token, {})).status).toBe(403);
      expect((await signIn(gw, gw.token, { origin: 'http://evil.example' })).status).toBe(403);
      expect((await signIn(gw, gw.token, { origin: gw.consoleOrigin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);

      const cookie = cookieOf(await signIn(gw));
      const out = await fetch(`${gw.consoleOrigin}/auth/sign-out`, { method: 'POST', headers: { cookie, origin: gw.consoleOrigin } });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await callWith(gw, { cookie, origin: gw.consoleOrigin })).status).toBe(401);
    });

    it('forgets its sessions when serve mode stops: the cookie of an earlier run is refused', async () => {
      gw = await startTestConsole({ backend });
      const cookie = cookieOf(await signIn(gw));
      const dataDir = gw.dataDir;
      await gw.close({ keepData: true });
      gw = await startTestConsole({ backend, dataDir });
      const renamed = `${cookie.split('=')[0]!.replace(/\d+$/, new URL(gw.consoleOrigin).port)}=${cookie.split('=')[1]}`;
      expect((await callWith(gw, { cookie: renamed, origin: gw.consoleOrigin })).status).toBe(401);
      expect((await sessionOf(gw, renamed)).signedIn).toBe(false);
    });
  });
});
