/**
 * The desktop app as a team server's client, under Node: the main process's WorkspaceService and
 * router (what the Electron layer wires to IPC) against a real serve mode with accounts. Calls
 * and pushes go to the server with the person's role; the token for this computer is kept only
 * sealed; a revoked token is refused in words; no provider secret (nor the password) crosses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { createGatewatch, type Gatewatch } from '../../src-main/app/gatewatch.js';
import { WorkspaceService, type TokenSealer } from '../../src-main/workspace/workspace-service.js';
import { workspaceDispatcher, workspacePushes } from '../../src-main/workspace/workspace-router.js';
import { SIGN_IN_AGAIN } from '../../src-main/remote/remote-dispatcher.js';
import type { Dispatcher } from '../../src-main/dispatcher/dispatcher.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const WEBHOOK_SECRET = 'whsec_team-server-only-0123456789';
  const API_KEY = 'sk_live_team-server-only-abcdef';
  const OTTO_PASSWORD = 'otto’s long password';

  /** Stands in for Electron's safeStorage: AES-GCM under a key this "computer" keeps. */
  function testSealer(): TokenSealer {
    const key = randomBytes(32);
    return {
      secure: true,
      seal(plain) {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
      },
      open(sealed) {
        const bytes = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      },
    };
  }

  /** Every byte that crosses between the desktop and the server, both ways. */
  const crossed: string[] = [];
  const recordingFetch: typeof fetch = async (url, init) => {
    crossed.push(`${init?.method ?? 'GET'} ${String(url)} ${typeof init?.body === 'string' ? init.body : ''}`);
    const response = await fetch(url, init);
    if ((response.headers.get('content-type') ?? '').includes('event-stream')) return response;
    const text = await response.text();
    crossed.push(text);
    return new Response(text, { status: response.status, headers: response.headers });
  };

  let server: TestConsole;
  let desktop: Gatewatch;
  const desktopDir = tempDir('gatewatch-desktop-');
  let workspace: WorkspaceService;
  let router: Dispatcher;

  beforeAll(async () => {
    server = await startTestConsole({ backend });
    expect((await server.api('users.add', { name: 'otto', role: 'operator', password: OTTO_PASSWORD })).status).toBe(200);
    const configured = await server.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: WEBHOOK_SECRET }] });
    expect(configured.status).toBe(200);
    expect((await server.api('providers.configure', { provider: 'instap', apiKey: API_KEY })).status).toBe(200);
    // The desktop's own Gatewatch (this computer's store), with the workspace wired as the Electron layer does.
    desktop = createGatewatch(
      { dataDir: desktopDir.path, webhookPort: 0 },
      {
        workspace: (settings) =>
          (workspace = new WorkspaceService({ settings, sealer: testSealer(), deviceLabel: `Gatewatch desktop on ${hostname()}`, fetch: recordingFetch })),
      },
    );
    await desktop.start();
    await workspace.load();
    router = workspaceDispatcher(desktop.dispatcher, workspace);
  }, 60_000);

  afterAll(async () => {
    await desktop.stop();
    await server.close();
    desktopDir.remove();
  });

  describe('the desktop app connected to a team server', () => {
    it('starts on this computer, then signs in on the team server as a person', async () => {
      await desktop.listener.stop(); // this computer's listener is not the subject here
      expect(await router.call('workspace.get', {}, 'ipc')).toMatchObject({ mode: 'local' });
      const wrong = router.call('workspace.connect', { url: server.consoleOrigin, name: 'otto', password: 'not otto’s password' }, 'ipc');
      await expect(wrong).rejects.toMatchObject({ code: 'unauthorized', message: 'That name and password do not match an account on this console.' });
      const view = await router.call('workspace.connect', { url: server.consoleOrigin, name: 'otto', password: OTTO_PASSWORD }, 'ipc');
      expect(view).toEqual({ mode: 'team', url: server.consoleOrigin, person: 'otto', role: 'operator', remembered: true, problem: null });
      expect(await router.call('account.me', {}, 'ipc')).toEqual({
        kind: 'token',
        name: 'otto',
        role: 'operator',
        tokenLabel: `Gatewatch desktop on ${hostname()}`,
      });
    }, 30_000);

    it('answers calls from the server, pushes its events, and refuses in the server’s words', async () => {
      const events: PushEvent[] = [];
      const stop = workspacePushes(desktop.bus, workspace).subscribe((event) => events.push(event));
      await waitFor(() => events.some((e) => e.type === 'listener.changed'));
      const posted = (await (await server.post('/webhooks/paychant', '{"event":"PAYMENT_COMPLETED","data":{"pid":"team-1"}}')).json()) as { id: string };
      await waitFor(() => events.some((e) => e.type === 'deliveries.received' && e.ids.includes(posted.id)));
      stop();
      await server.gatewatch.worker.idle();
      const list = (await router.call('deliveries.list', {}, 'ipc')) as { items: Array<{ id: string }> };
      expect(list.items.map((d) => d.id)).toContain(posted.id);
      // The operator's role is the server's to enforce; the desktop only carries the answer.
      await expect(router.call('providers.configure', { provider: 'paychant', webhookSecrets: [] }, 'ipc')).rejects.toMatchObject({
        code: 'forbidden',
        message: 'Changing provider credentials and secrets needs the admin role; you are an operator.',
      });
      // Desktop-only calls stay desktop-only: the team server's data is not this computer's to reveal.
      await expect(router.call('deliveries.revealHeaders', { id: posted.id }, 'ipc')).rejects.toMatchObject({ code: 'forbidden' });
      const providers = (await router.call('providers.get', {}, 'ipc')) as {
        providers: Array<{ provider: string; webhookSecrets: Array<{ masked: string }> }>;
      };
      expect(providers.providers.find((p) => p.provider === 'paychant')?.webhookSecrets[0]?.masked).toMatch(/6789$/);
    }, 30_000);

    it('lets no secret cross, and keeps the token for this computer only sealed', () => {
      const all = crossed.join('\n');
      expect(all).not.toContain(WEBHOOK_SECRET);
      expect(all).not.toContain(API_KEY);
      // The password crossed once, in the sign-in request, and never came back.
      expect(crossed.filter((line) => line.includes(OTTO_PASSWORD))).toEqual([expect.stringMatching(/^POST \S+\/auth\/sign-in /)]);
      for (const file of ['gatewatch.db', 'gatewatch.db-wal']) {
        const bytes = readFileSync(join(desktopDir.path, file));
        expect(bytes.includes(OTTO_PASSWORD)).toBe(false);
        expect(bytes.includes('gwt_')).toBe(false);
        expect(bytes.includes(WEBHOOK_SECRET)).toBe(false);
      }
    });

    it('refuses a revoked token in words, and asks to sign in again', async () => {
      const tokens = (await server.api<{ tokens: Array<{ id: string; label: string }> }>('tokens.list', { person: 'otto' })).body.tokens;
      const mine = tokens.find((t) => t.label === `Gatewatch desktop on ${hostname()}`)!;
      expect((await server.api('tokens.revoke', { id: mine.id })).status).toBe(200);
      await expect(router.call('deliveries.list', {}, 'ipc')).rejects.toEqual(new ApiError('unauthorized', SIGN_IN_AGAIN));
      expect(await router.call('workspace.get', {}, 'ipc')).toMatchObject({ mode: 'team', problem: SIGN_IN_AGAIN, remembered: false });
      await expect(router.call('deliveries.list', {}, 'ipc')).rejects.toMatchObject({ code: 'unauthorized', message: SIGN_IN_AGAIN });
    }, 30_000);

    it('goes back to this computer’s store, revoking the token it held', async () => {
      await router.call('workspace.connect', { url: server.consoleOrigin, name: 'otto', password: OTTO_PASSWORD }, 'ipc');
      expect((await server.api<{ tokens: unknown[] }>('tokens.list', { person: 'otto' })).body.tokens).toHaveLength(1);
      expect(await router.call('workspace.useLocal', {}, 'ipc')).toMatchObject({ mode: 'local' });
      expect((await server.api<{ tokens: unknown[] }>('tokens.list', { person: 'otto' })).body.tokens).toHaveLength(0);
      expect(await router.call('account.me', {}, 'ipc')).toMatchObject({ kind: 'local', role: 'admin' });
    }, 30_000);
  });

  async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
