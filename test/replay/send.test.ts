import { beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../fakes/staging.js';
import type { ReplayAttempt, ReplayTargetView } from '../../src-shared/contract/replay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { consoleWithStaging, postDelivery, replay, saveTarget, type ApiErrorReply } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let target: ReplayTargetView;
  // Odd on purpose: spacing, a trailing zero, non-ASCII, a slash and a final newline all survive only if the bytes do.
  const paychantBody = '{ "event": "PAYMENT_COMPLETED",\n  "data": {"pid": "pid-replay-1", "fiatAmount": 170.00, "note": "Zoë/ü"} }\n';

  const env = consoleWithStaging(backend);
  beforeAll(async () => {
    target = await saveTarget(env.gw, { name: 'Local staging', url: env.staging.url('/ok'), provider: 'paychant' });
  });

  describe('replay.send to a staging server on 127.0.0.1', () => {
    it('sends the exact stored bytes and headers, minus hop-by-hop ones, plus X-Gatewatch-Replay', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody, {
        'paychant-signature': 'ab12cd',
        'X-Custom-Case': 'Kept-As-Is',
        'X-Forwarded-For': '203.0.113.9',
        'Proxy-Authorization': 'Basic abc',
      });
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: target.id });

      const received = env.staging.requests[before]!;
      expect(received.body.equals(Buffer.from(paychantBody, 'utf8'))).toBe(true);
      expect(received.header('X-Gatewatch-Replay')).toBe(id);
      expect(received.rawHeaders).toContainEqual(['X-Custom-Case', 'Kept-As-Is']);
      expect(received.header('paychant-signature')).toBe('ab12cd');
      expect(received.header('content-type')).toBe('application/json');
      expect(received.header('x-forwarded-for')).toBeUndefined();
      expect(received.header('proxy-authorization')).toBeUndefined();
      expect(received.header('host')).toBe(new URL(env.staging.url('/')).host);

      expect(attempt).toMatchObject({
        deliveryId: id,
        outcome: 'ok',
        error: null,
        bodyEdited: false,
        sentBody: null,
        resigned: false,
        target: { id: target.id, name: 'Local staging', url: env.staging.url('/ok') },
        response: { status: 202, body: '{"received":true}', bodyTruncated: false },
      });
      expect(attempt.response!.headers).toContainEqual(['x-staging', 'yes']);
      expect(attempt.sentHeaders).toContainEqual(['X-Gatewatch-Replay', id]);
      expect(Date.parse(attempt.finishedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.startedAt));
    });

    it('sends a body that is not UTF-8 byte for byte', async () => {
      const bytes = Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x22, 0x7d, 0x0d, 0x0a]);
      const id = await postDelivery(env.gw, 'paychant', bytes);
      const before = env.staging.requests.length;
      await replay(env.gw, { deliveryId: id, targetId: target.id });
      expect(env.staging.requests[before]!.body.equals(Buffer.from(bytes))).toBe(true);
    });

    it('stores an edited body and header set with the attempt and sends exactly them', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody, { 'paychant-signature': 'ab12cd' });
      const edited = paychantBody.replace('PAYMENT_COMPLETED', 'PAYMENT_FAILED');
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, {
        deliveryId: id,
        targetId: target.id,
        body: edited,
        headers: { 'Content-Type': 'application/json', 'X-Edited': '1' },
      });
      const received = env.staging.requests[before]!;
      expect(received.body.toString('utf8')).toBe(edited);
      expect(received.header('x-edited')).toBe('1');
      expect(received.header('paychant-signature')).toBeUndefined();
      expect(attempt).toMatchObject({ bodyEdited: true, sentBody: edited, headersEdited: true });

      const { body: listed } = await env.gw.api<{ items: ReplayAttempt[] }>('replay.attempts', { deliveryId: id });
      expect(listed.items[0]).toMatchObject({ id: attempt.id, sentBody: edited, bodyEdited: true });
    });

    it('treats an "edit" identical to the stored body as unchanged', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const attempt = await replay(env.gw, { deliveryId: id, targetId: target.id, body: paychantBody });
      expect(attempt).toMatchObject({ bodyEdited: false, sentBody: null });
    });

    it('previews the headers to send and warns (without blocking) about an edit that breaks the event schema', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody, { 'paychant-signature': 'ab12cd', 'X-Forwarded-For': '203.0.113.9' });
      const { body: plain } = await env.gw.api<{ headers: Array<[string, string]>; warnings: string[]; originalBody: string; signatureHeaders: string[] }>(
        'replay.preview',
        { deliveryId: id },
      );
      expect(plain.originalBody).toBe(paychantBody);
      expect(plain.headers.map(([n]) => n.toLowerCase())).not.toContain('x-forwarded-for');
      expect(plain.headers).toContainEqual(['X-Gatewatch-Replay', id]);
      expect(plain.signatureHeaders).toEqual(['paychant-signature']);
      const { body: broken } = await env.gw.api<{ warnings: string[] }>('replay.preview', { deliveryId: id, body: '{"event": 5, "data": []}' });
      expect(broken.warnings.length).toBeGreaterThan(0);
      const { body: notJson } = await env.gw.api<{ warnings: string[] }>('replay.preview', { deliveryId: id, body: '{"event": ' });
      expect(notJson.warnings.join(' ')).toMatch(/JSON/i);
    });
  });

  describe('failures are recorded with their cause, never retried', () => {
    it('records a 500 answer as a failed attempt with the status', async () => {
      const t = await saveTarget(env.gw, { name: 'Broken staging', url: env.staging.url('/status/500') });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id });
      expect(attempt.outcome).toBe('failed');
      expect(attempt.error).toBe('the target answered HTTP 500 Internal Server Error');
      expect(attempt.response).toMatchObject({ status: 500, body: 'staging answered 500' });
      expect(env.staging.requests.length).toBe(before + 1);
    });

    it('records a timeout', async () => {
      const t = await saveTarget(env.gw, { name: 'Hanging staging', url: env.staging.url('/hang'), timeoutMs: 300 });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id });
      expect(attempt.outcome).toBe('failed');
      expect(attempt.response).toBeNull();
      expect(attempt.error).toMatch(/no complete answer within 0\.3 s \(timed out\)/);
      expect(attempt.durationMs).toBeGreaterThanOrEqual(290);
      expect(env.staging.requests.length).toBe(before + 1);
    });

    it('records a refused connection', async () => {
      const port = await closedPort();
      const t = await saveTarget(env.gw, { name: 'Nobody home', url: `http://127.0.0.1:${port}/hook` });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id });
      expect(attempt.outcome).toBe('failed');
      expect(attempt.error).toBe(`connection refused by 127.0.0.1:${port}: nothing is listening there`);
      const { body } = await env.gw.api<{ items: ReplayAttempt[] }>('replay.attempts', { targetId: t.id });
      expect(body.items.map((a) => a.error)).toEqual([attempt.error]);
    });

    it('does not follow a redirect', async () => {
      const t = await saveTarget(env.gw, { name: 'Redirecting staging', url: env.staging.url('/redirect') });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id });
      expect(attempt.outcome).toBe('failed');
      expect(attempt.error).toMatch(/HTTP 302 .*redirect to \/ok; redirects are not followed/);
      await new Promise((r) => setTimeout(r, 50));
      expect(env.staging.requests.slice(before).map((r) => r.path)).toEqual(['/redirect']);
    });

    it('caps the stored response body at 256 KiB', async () => {
      const t = await saveTarget(env.gw, { name: 'Chatty staging', url: env.staging.url('/big/400000') });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id });
      expect(attempt.outcome).toBe('ok');
      expect(attempt.response).toMatchObject({ bodyTruncated: true, size: 256 * 1024 });
      expect(attempt.response!.body.length).toBe(256 * 1024);
    });
  });

  describe('only saved, confirmed targets', () => {
    it('refuses an unknown target id, and a URL passed instead of a target', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const before = env.staging.requests.length;
      const unknown = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: 'rpt_nope', confirm: true });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/no saved replay target .*replays go only to targets saved/i);
      const byUrl = await env.gw.api<ApiErrorReply & { error: { issues: Array<{ message: string }> } }>('replay.send', {
        deliveryId: id,
        targetId: target.id,
        url: env.staging.url('/elsewhere'),
        confirm: true,
      });
      expect(byUrl.status).toBe(400);
      expect(JSON.stringify(byUrl.body.error.issues)).toMatch(/url/);
      expect(env.staging.requests.length).toBe(before);
    });

    it('refuses a removed target', async () => {
      const t = await saveTarget(env.gw, { name: 'Short-lived', url: env.staging.url('/ok') });
      expect((await env.gw.api('replay.targets.remove', { id: t.id })).body).toEqual({ removed: true });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const reply = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: t.id, confirm: true });
      expect(reply.status).toBe(404);
    });

    it('asks to confirm the first send to a target, then remembers it', async () => {
      const t = await saveTarget(env.gw, { name: 'New staging', url: env.staging.url('/ok') });
      expect(t).toMatchObject({ confirmedAt: null, needsConfirmation: true, productionLike: null });
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const before = env.staging.requests.length;
      const refused = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: t.id });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/Confirm sending to "New staging".*first send needs confirming/);
      expect(env.staging.requests.length).toBe(before);
      await replay(env.gw, { deliveryId: id, targetId: t.id, confirm: true });
      const again = await env.gw.api<ReplayAttempt>('replay.send', { deliveryId: id, targetId: t.id });
      expect(again.status).toBe(200);
      const { body } = await env.gw.api<{ targets: ReplayTargetView[] }>('replay.targets.list');
      expect(body.targets.find((x) => x.id === t.id)).toMatchObject({ needsConfirmation: false });
      // A new address is a new place to send to: it needs confirming again.
      const moved = await saveTarget(env.gw, { id: t.id, name: 'New staging', url: env.staging.url('/ok?moved=1') });
      expect(moved.needsConfirmation).toBe(true);
    });

    it('always asks to confirm a target whose host looks like a provider production API', async () => {
      const t = await saveTarget(env.gw, { name: 'Oops production', url: 'https://api.calypso.finance/webhook' });
      expect(t.productionLike).toMatch(/Calypso's production API/);
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const refused = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: t.id });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/production API.*every send needs confirming/);
      const sub = await saveTarget(env.gw, { name: 'Paychant sub', url: 'https://hooks.widget.paychant.com/x' });
      expect(sub.productionLike).toMatch(/Paychant/);
      const lookalike = await saveTarget(env.gw, { name: 'Not paychant', url: 'https://notpaychant.com/x' });
      expect(lookalike.productionLike).toBeNull();
    });

    it('refuses a duplicate target name', async () => {
      const reply = await env.gw.api<ApiErrorReply>('replay.targets.save', { name: 'local staging', url: env.staging.url('/ok') });
      expect(reply.status).toBe(409);
    });
  });

  describe('secrets and audit', () => {
    it('keeps the target signing secret out of every answer, showing only that one is set', async () => {
      const secret = 'staging-secret-never-shown-9f8e';
      const t = await saveTarget(env.gw, { name: 'Signed staging', url: env.staging.url('/ok'), signingSecret: secret });
      expect(t).toMatchObject({ hasSigningSecret: true, signingSecretMasked: '••••9f8e' });
      const { body } = await env.gw.api('replay.targets.list');
      expect(JSON.stringify(body)).not.toContain(secret);
      const kept = await saveTarget(env.gw, { id: t.id, name: 'Signed staging', url: env.staging.url('/ok') });
      expect(kept.hasSigningSecret).toBe(true);
      const removed = await saveTarget(env.gw, { id: t.id, name: 'Signed staging', url: env.staging.url('/ok'), signingSecret: null });
      expect(removed).toMatchObject({ hasSigningSecret: false, signingSecretMasked: null });
      const { body: audit } = await env.gw.api('audit.list', { action: 'replay.targets.save' });
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    it('writes every replay to the audit log with the target name and URL and the outcome', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const attempt = await replay(env.gw, { deliveryId: id, targetId: target.id });
      const { body } = await env.gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'replay.send', subject: id });
      expect(body.items).toHaveLength(1);
      expect(body.items[0]!.summary).toBe(`Replayed ${id} to "Local staging" (${env.staging.url('/ok')}): HTTP 202 in ${attempt.durationMs} ms`);
      expect(body.items[0]!.details).toMatchObject({
        attemptId: attempt.id,
        target: { name: 'Local staging', url: env.staging.url('/ok') },
        status: 202,
        outcome: 'ok',
      });
    });

    it('lists attempts newest first', async () => {
      const id = await postDelivery(env.gw, 'paychant', paychantBody);
      const first = await replay(env.gw, { deliveryId: id, targetId: target.id });
      const second = await replay(env.gw, { deliveryId: id, targetId: target.id });
      const { body } = await env.gw.api<{ items: ReplayAttempt[] }>('replay.attempts', { deliveryId: id });
      expect(body.items.map((a) => a.id)).toEqual([second.id, first.id]);
    });
  });
});
