import { beforeAll, describe, expect, it } from 'vitest';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted } from '../providers/fixtures.js';
import type { ReplayTargetView } from '../../src-shared/contract/replay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleWithStaging, postDelivery, replay, saveTarget, saveTargetOnDesktop, type ApiErrorReply } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const credentials = {
    Authorization: 'Bearer prod-token-0123456789wxyz',
    Cookie: 'session=prod-session-abcdef; theme=dark',
    'X-Api-Key': 'prod-api-key-98765',
  };

  const env = consoleWithStaging(backend);
  let plain: ReplayTargetView;
  beforeAll(async () => {
    plain = await saveTarget(env.gw, { name: 'Staging without credentials', url: env.staging.url('/ok') });
  });

  describe('credential headers on replay', () => {
    it('is off for a new target, and listed in the target view', () => {
      expect(plain.forwardCredentialHeaders).toBe(false);
    });

    it("drops the provider's Authorization, Cookie and API key but keeps the signature headers", async () => {
      const cases: Array<{ provider: string; body: string; signature: Record<string, string> }> = [
        { provider: 'instap', body: instapDeposit, signature: { 'x-payload-hash': 'hash-from-instap' } },
        { provider: 'instaxchange', body: instaxchangeCompleted, signature: { 'X-InstaXWH-KEY': 'md5-from-instaxchange' } },
        { provider: 'calypso', body: calypsoInvoiceCreated, signature: { Key: 'pub-calypso-1', Sign: 'sign-from-calypso' } },
      ];
      for (const { provider, body, signature } of cases) {
        const id = await postDelivery(env.gw, provider, body, { ...credentials, ...signature });
        const before = env.staging.requests.length;
        const attempt = await replay(env.gw, { deliveryId: id, targetId: plain.id });
        const received = env.staging.requests[before]!;
        for (const name of Object.keys(credentials)) expect(received.header(name), `${provider} ${name}`).toBeUndefined();
        for (const [name, value] of Object.entries(signature)) expect(received.header(name), `${provider} ${name}`).toBe(value);
        expect(attempt.sentHeaders.map(([n]) => n.toLowerCase())).not.toContain('authorization');
      }
    });

    it('drops a credential header the user typed into an edited header set, too', async () => {
      const id = await postDelivery(env.gw, 'paychant', '{"event":"x"}', credentials);
      const before = env.staging.requests.length;
      await replay(env.gw, { deliveryId: id, targetId: plain.id, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer typed-by-user' } });
      expect(env.staging.requests[before]!.header('authorization')).toBeUndefined();
    });

    it('forwards them to a target that keeps them, stores them masked, and audits the change', async () => {
      const keeping = await saveTargetOnDesktop(env.gw, { name: 'Staging with credentials', url: env.staging.url('/ok'), forwardCredentialHeaders: true });
      expect(keeping.forwardCredentialHeaders).toBe(true);
      const id = await postDelivery(env.gw, 'instap', instapDeposit, { ...credentials, 'x-payload-hash': 'hash-from-instap' });
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: keeping.id });
      const received = env.staging.requests[before]!;
      for (const [name, value] of Object.entries(credentials)) expect(received.header(name)).toBe(value);
      expect(received.header('x-payload-hash')).toBe('hash-from-instap');
      expect(attempt.sentHeaders).toContainEqual(['Authorization', 'Bearer ••••wxyz']);
      expect(JSON.stringify(attempt)).not.toContain('prod-token-0123456789wxyz');

      // Turned off again: the saved choice is what the next replay follows.
      const off = await saveTarget(env.gw, { id: keeping.id, name: keeping.name, url: keeping.url, forwardCredentialHeaders: false });
      expect(off.forwardCredentialHeaders).toBe(false);
      const next = env.staging.requests.length;
      await replay(env.gw, { deliveryId: id, targetId: keeping.id });
      expect(env.staging.requests[next]!.header('authorization')).toBeUndefined();
      const { body } = await env.gw.api<{ items: AuditEntry[] }>('audit.list', { subject: keeping.id, action: 'replay.targets.save' });
      expect(body.items[0]!.details.changed).toEqual(['forwardCredentialHeaders']);
    });

    it('keeps the choice when an edit does not mention it', async () => {
      const keeping = await saveTargetOnDesktop(env.gw, { name: 'Keeps on', url: env.staging.url('/ok'), forwardCredentialHeaders: true });
      const renamed = await saveTarget(env.gw, { id: keeping.id, name: 'Keeps on, renamed', url: keeping.url });
      expect(renamed.forwardCredentialHeaders).toBe(true);
    });
  });

  /** A staging service that echoes every request header back, in its answer's headers and body. */
  async function startHeaderEcho(): Promise<{ url: string; close(): Promise<void> }> {
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const echoed: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string' && /^[\x20-\x7e]*$/.test(value)) echoed[`x-echo-${name}`] = value;
        res.writeHead(200, { 'content-type': 'application/json', ...echoed }).end(JSON.stringify({ received: req.headers }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  describe('credential headers over serve mode (HTTP) and an echoing target', () => {
    const forbidden = /can be turned on only in the desktop app/;

    it('refuses to turn forwarding on, or to move a forwarding target elsewhere, unless the desktop asks', async () => {
      const created = await env.gw.api<ApiErrorReply>('replay.targets.save', { name: 'Mine', url: 'http://127.0.0.1:1/steal', forwardCredentialHeaders: true });
      expect(created.status).toBe(403);
      expect(created.body.error.message).toMatch(forbidden);

      const turnedOn = await env.gw.api<ApiErrorReply>('replay.targets.save', {
        id: plain.id,
        name: plain.name,
        url: plain.url,
        forwardCredentialHeaders: true,
      });
      expect(turnedOn.status).toBe(403);
      expect(turnedOn.body.error.message).toMatch(forbidden);
      expect((await env.gw.gatewatch.store.replay.getTarget(plain.id))!.forwardCredentialHeaders).toBe(false);

      const keeping = await saveTargetOnDesktop(env.gw, { name: 'Desktop chose to forward', url: env.staging.url('/ok'), forwardCredentialHeaders: true });
      const moved = await env.gw.api<ApiErrorReply>('replay.targets.save', { id: keeping.id, name: keeping.name, url: 'http://127.0.0.1:1/steal' });
      expect(moved.status).toBe(403);
      expect(moved.body.error.message).toMatch(/forwards credential headers .*its address can be changed only in the desktop app/);
      expect((await env.gw.gatewatch.store.replay.getTarget(keeping.id))!.url).toBe(keeping.url);

      // What does not send credentials anywhere new still works from a browser.
      const renamed = await saveTarget(env.gw, { id: keeping.id, name: 'Renamed in a browser', url: keeping.url, forwardCredentialHeaders: true });
      expect(renamed.forwardCredentialHeaders).toBe(true);
      const off = await saveTarget(env.gw, { id: keeping.id, name: renamed.name, url: 'http://127.0.0.1:1/elsewhere', forwardCredentialHeaders: false });
      expect(off).toMatchObject({ forwardCredentialHeaders: false, url: 'http://127.0.0.1:1/elsewhere' });
    });

    it('masks the forwarded credentials a target echoes, in the answer returned, stored and audited', async () => {
      const echo = await startHeaderEcho();
      try {
        const target = await saveTargetOnDesktop(env.gw, { name: 'Echoing staging', url: echo.url, forwardCredentialHeaders: true });
        const id = await postDelivery(env.gw, 'paychant', '{"event":"x"}', credentials);
        const attempt = await replay(env.gw, { deliveryId: id, targetId: target.id }); // over HTTP, with serve mode's token
        expect(attempt.response!.status).toBe(200);
        expect(attempt.response!.headers).toContainEqual(['x-echo-authorization', '••••wxyz']);
        expect(attempt.response!.body).toContain('••••wxyz');

        const listed = await env.gw.api<{ items: unknown[] }>('replay.attempts', { deliveryId: id, limit: 10 });
        const audit = await env.gw.api<{ items: AuditEntry[] }>('audit.list', { subject: id });
        const stored = await env.gw.gatewatch.store.replay.listAttempts({ deliveryId: id, limit: 10 });
        for (const text of [JSON.stringify(attempt), JSON.stringify(listed.body), JSON.stringify(audit.body), JSON.stringify(stored)]) {
          for (const secret of ['prod-token-0123456789wxyz', 'prod-session-abcdef', 'prod-api-key-98765']) expect(text).not.toContain(secret);
        }
      } finally {
        await echo.close();
      }
    });
  });
});
