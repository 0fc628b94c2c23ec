/**
 * People signing in to serve mode over HTTP: the session cookie's flags, one answer for an unknown
 * name and a wrong password, attempts held back with a clear message, sign-out, a disabled person
 * shut out at once, API tokens shown once and stored hashed, and the audit log naming who did it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedBytes } from '../helpers/stored-bytes.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  const ADA_PASSWORD = 'ada’s rather long password';

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    expect((await gw.api('users.add', { name: 'ada', role: 'admin', password: ADA_PASSWORD })).status).toBe(200);
  }, 30_000);
  afterAll(() => gw.close());

  const origin = () => ({ origin: gw.consoleOrigin });

  async function signIn(name: string, password: string, headers: Record<string, string> = origin()) {
    const started = performance.now();
    const response = await fetch(`${gw.consoleOrigin}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name, password }),
    });
    return { response, body: (await response.json()) as Record<string, unknown>, ms: performance.now() - started };
  }

  const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

  async function callAs(cookie: string, name: string, input: unknown = {}) {
    const response = await fetch(`${gw.consoleOrigin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: gw.consoleOrigin },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
  }

  async function withToken(token: string, name: string, input: unknown = {}) {
    const response = await fetch(`${gw.consoleOrigin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  describe('signing in with a name and password', () => {
    it('offers the password method once someone may use it, and sets an HttpOnly, SameSite=Strict cookie', async () => {
      const status = (await (await fetch(`${gw.consoleOrigin}/auth/session`)).json()) as { methods: string[] };
      expect(status.methods).toEqual(['password', 'token']);
      const { response, body } = await signIn('ada', ADA_PASSWORD);
      expect(response.status).toBe(200);
      expect(body).toEqual({ signedIn: true, methods: ['password', 'token'], who: { kind: 'person', name: 'ada', role: 'admin', tokenLabel: null } });
      const header = response.headers.get('set-cookie')!;
      const port = new URL(gw.consoleOrigin).port;
      expect(header).toMatch(new RegExp(`^gatewatch_session_${port}=[A-Za-z0-9_-]{43}; `));
      const attributes = header
        .split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=strict']));
      // Plain http on loopback: no Secure (the TLS test checks it is there under TLS).
      expect(attributes).not.toContain('secure');
      expect(header).not.toContain(ADA_PASSWORD);
      const cookie = cookieOf(response);
      expect((await callAs(cookie, 'account.me')).body).toEqual({ kind: 'person', name: 'ada', role: 'admin', tokenLabel: null });
    }, 20_000);

    it('answers an unknown name and a wrong password alike, in the same time', async () => {
      const unknown = await signIn('nobody-here', 'some password or other');
      const wrong = await signIn('ada', 'some password or other');
      expect(unknown.response.status).toBe(401);
      expect(wrong.response.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'That name and password do not match an account on this console.' } });
      expect(unknown.response.headers.get('set-cookie')).toBeNull();
      expect(wrong.response.headers.get('set-cookie')).toBeNull();
      console.info(`sign-in refused in ${unknown.ms.toFixed(0)} ms (unknown name) and ${wrong.ms.toFixed(0)} ms (wrong password)`);
      expect(unknown.ms / wrong.ms).toBeGreaterThan(0.5);
      expect(unknown.ms / wrong.ms).toBeLessThan(2);
    }, 20_000);

    it('holds back a name after five failures with a clear message and Retry-After, without checking a hash', async () => {
      await gw.api('users.add', { name: 'target', role: 'viewer', password: 'the target’s real password' });
      for (let i = 0; i < 5; i++) expect((await signIn('target', `guess number ${i}`)).response.status).toBe(401);
      const held = await signIn('target', 'the target’s real password');
      expect(held.response.status).toBe(429);
      expect(held.response.headers.get('retry-after')).toBe('1');
      expect(held.body).toEqual({ error: { code: 'too_many_requests', message: 'Too many failed sign-ins: wait 1 second before trying again.' } });
      expect(held.ms).toBeLessThan(200);
      // The same for a name nobody has: holding back says nothing about who exists.
      for (let i = 0; i < 5; i++) await signIn('ghost', `guess number ${i}`);
      expect((await signIn('ghost', 'anything at all')).response.status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await signIn('target', 'the target’s real password')).response.status).toBe(200);
    }, 60_000);

    it('refuses a sign-in from another page, and ends the session at sign-out', async () => {
      expect((await signIn('ada', ADA_PASSWORD, {})).response.status).toBe(403);
      expect((await signIn('ada', ADA_PASSWORD, { origin: 'http://evil.example' })).response.status).toBe(403);
      const cookie = cookieOf((await signIn('ada', ADA_PASSWORD)).response);
      expect((await callAs(cookie, 'deliveries.list')).status).toBe(200);
      const out = await fetch(`${gw.consoleOrigin}/auth/sign-out`, { method: 'POST', headers: { cookie, origin: gw.consoleOrigin } });
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await callAs(cookie, 'deliveries.list')).status).toBe(401);
    }, 20_000);

    it('shuts a disabled person out at once, cookie and tokens alike', async () => {
      await gw.api('users.add', { name: 'leaver', role: 'operator', password: 'the leaver’s password' });
      const cookie = cookieOf((await signIn('leaver', 'the leaver’s password')).response);
      const made = await callAs(cookie, 'tokens.create', { label: 'cron job' });
      const token = made.body.token as string;
      expect((await withToken(token, 'deliveries.list')).status).toBe(200);
      expect((await gw.api('users.disable', { name: 'leaver' })).status).toBe(200);
      expect((await callAs(cookie, 'deliveries.list')).status).toBe(401);
      expect((await withToken(token, 'deliveries.list')).status).toBe(401);
      expect((await signIn('leaver', 'the leaver’s password')).response.status).toBe(401);
    }, 30_000);
  });

  describe('API tokens', () => {
    it('are shown once, listed without their value, stored only hashed, and stop when revoked', async () => {
      const cookie = cookieOf((await signIn('ada', ADA_PASSWORD)).response);
      const made = await callAs(cookie, 'tokens.create', { label: 'deploy script' });
      expect(made.status).toBe(200);
      const token = made.body.token as string;
      expect(token).toMatch(/^gwt_[A-Za-z0-9_-]{43}$/);
      const listed = await callAs(cookie, 'tokens.list');
      expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));
      expect((listed.body.tokens as Array<{ label: string }>).map((t) => t.label)).toContain('deploy script');
      expect(await withToken(token, 'account.me')).toEqual({ status: 200, body: { kind: 'token', name: 'ada', role: 'admin', tokenLabel: 'deploy script' } });
      for (const { bytes } of await storedBytes(gw)) {
        expect(bytes.includes(token.slice(4))).toBe(false);
        expect(bytes.includes(ADA_PASSWORD)).toBe(false);
      }
      expect((await callAs(cookie, 'tokens.revoke', { id: made.body.id })).body).toEqual({ revoked: true });
      expect((await withToken(token, 'account.me')).status).toBe(401);
    }, 20_000);

    it('belong to a person: the console token cannot make one, and a viewer cannot revoke another’s', async () => {
      const owner = await gw.api('tokens.create', { label: 'x' });
      expect(owner.status).toBe(400);
      expect((owner.body as { error: { message: string } }).error.message).toMatch(/belong to a person/);
      await gw.api('users.add', { name: 'vic', role: 'viewer', password: 'vic’s long password' });
      const vic = cookieOf((await signIn('vic', 'vic’s long password')).response);
      const ada = cookieOf((await signIn('ada', ADA_PASSWORD)).response);
      const adas = await callAs(ada, 'tokens.create', { label: 'ada’s' });
      const refused = await callAs(vic, 'tokens.revoke', { id: adas.body.id });
      expect(refused.status).toBe(403);
      expect((await callAs(vic, 'tokens.list', { person: 'ada' })).status).toBe(403);
    }, 20_000);
  });

  describe('the audit log names who did it', () => {
    it('records the person, their token or the console token, and filters by person', async () => {
      const ada = cookieOf((await signIn('ada', ADA_PASSWORD)).response);
      expect((await callAs(ada, 'users.add', { name: 'olga', role: 'operator', password: 'olga’s long password' })).status).toBe(200);
      const token = (await callAs(ada, 'tokens.create', { label: 'ci' })).body.token as string;
      expect((await withToken(token, 'users.setRole', { name: 'olga', role: 'viewer' })).status).toBe(200);
      expect((await gw.api('users.setRole', { name: 'olga', role: 'operator' })).status).toBe(200);
      const entries = (await gw.api<{ items: Array<{ actor: string; action: string; summary: string }> }>('audit.list', { limit: 500 })).body.items;
      const about = (summary: string) => entries.find((e) => e.summary === summary)?.actor;
      expect(about('Added olga as operator')).toBe('ada');
      expect(about('Changed olga’s role from operator to viewer')).toBe('ada (token “ci”)');
      expect(about('Changed olga’s role from viewer to operator')).toBe('owner (console token)');
      const adas = (await gw.api<{ items: Array<{ actor: string }> }>('audit.list', { actor: 'ada' })).body.items;
      expect(adas.length).toBeGreaterThan(1);
      expect(new Set(adas.map((e) => e.actor.split(' (')[0]))).toEqual(new Set(['ada']));
      expect((await gw.api<{ actors: string[] }>('audit.actors')).body.actors).toEqual(expect.arrayContaining(['ada', 'owner']));
    }, 30_000);
  });
});
