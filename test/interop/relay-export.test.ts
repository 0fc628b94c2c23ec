/**
 * The relay's tries exported as HAR (`GET /api/export?what=relay-attempts`) from a real serve
 * mode relaying to a fake backend on 127.0.0.1: a timed-out try then a success, bodies exact,
 * credentials masked, filters by delivery and route, readable by a viewer, HAR only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';
import { harProblems } from '../helpers/har.js';
import { storeBackends } from '../helpers/store-backends.js';
import { configurePaychant, paychantWebhook, saveRoute, until } from '../relay/helpers.js';
import type { RelayAttempt, RelayRouteView } from '../../src-shared/contract/relay.js';

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    headers: Array<{ name: string; value: string }>;
    queryString: Array<{ name: string; value: string }>;
    postData?: { text: string; encoding?: string; mimeType: string };
    bodySize: number;
  };
  response: { status: number; headers: Array<{ name: string; value: string }>; content: { text?: string; size: number } };
  timings: { wait: number };
  comment?: string;
  _gatewatch: { kind: string; id: string; deliveryId: string; routeId: string; number: number; outcome: string };
}
interface Har {
  log: { entries: HarEntry[] };
}

const CREDENTIAL = 'Bearer merchant-credential-7f3a';
const binary = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x80, 0x0a]);

describe.each(storeBackends)('on $name', (storeBackend) => {
  let gw: TestConsole;
  let backend: FakeBackend;
  let main: RelayRouteView;
  let other: RelayRouteView;
  let viewerToken: string;
  const ids: Record<'retried' | 'binary' | 'other', string> = { retried: '', binary: '', other: '' };
  const sent: Record<string, string> = {};

  const attemptsOf = async (deliveryId: string) => (await gw.api<{ attempts: RelayAttempt[] }>('relay.attempts', { deliveryId })).body.attempts;

  async function post(path: string, body: string | Buffer, headers: Record<string, string>): Promise<string> {
    const answered = await gw.post(path, body, headers);
    expect(answered.status).toBe(200);
    return ((await answered.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    gw = await startTestConsole({ backend: storeBackend });
    backend = await startFakeBackend();
    await configurePaychant(gw);
    const schedule = { kind: 'custom' as const, delaysS: [1, 1, 1] };
    main = await saveRoute(gw, { provider: 'paychant', url: backend.url('/relay?x=1'), mode: 'queue', timeoutMs: 400, schedule });
    other = await saveRoute(gw, { provider: 'paychant', label: 'other', url: backend.url('/other'), mode: 'queue', schedule });
    // The first request for the retried delivery gets no answer (a timeout), every other one 200.
    let hung = false;
    backend.answer = (request) => {
      if (!hung && request.header('x-gatewatch-delivery-id') === ids.retried) {
        hung = true;
        return 'hang';
      }
      return {
        status: 200,
        body: '{"ok":true}',
        headers: { 'x-backend-token': 'backend-echo-token-9911', 'set-cookie': 'session=backend-session-cookie-4242; HttpOnly' },
      };
    };
    const retried = paychantWebhook('relay-export-1');
    sent.retried = retried.body;
    ids.retried = await post('/webhooks/paychant', retried.body, { ...retried.headers, authorization: CREDENTIAL });
    ids.binary = await post('/webhooks/paychant', binary, { 'content-type': 'application/octet-stream' });
    const third = paychantWebhook('relay-export-2');
    ids.other = await post('/webhooks/paychant/other', third.body, third.headers);
    await until(
      async () => [await attemptsOf(ids.retried), await attemptsOf(ids.binary), await attemptsOf(ids.other)],
      ([a, b, c]) => a!.at(-1)?.outcome === 'ok' && b!.at(-1)?.outcome === 'ok' && c!.at(-1)?.outcome === 'ok',
    );
    const name = 'relay-export-viewer';
    expect((await gw.api('users.add', { name, role: 'viewer', password: 'a long password for the viewer' })).status).toBe(200);
    viewerToken = (await gw.gatewatch.context.accounts.tokens.create({ kind: 'person', name, role: 'viewer', tokenLabel: null }, 'test')).token;
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });

  const get = (params: Record<string, string>, token = gw.token) =>
    fetch(`${gw.consoleOrigin}/api/export?${new URLSearchParams({ format: 'har', what: 'relay-attempts', ...params })}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const har = async (params: Record<string, string>, token?: string) => {
    const response = await get(params, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="gatewatch-relay-attempts-.*\.har"$/);
    const document = (await response.json()) as Har;
    // The validator's schema wants at least one entry; an empty export is checked by its shape alone.
    if (document.log.entries.length > 0) expect(await harProblems(document)).toEqual([]);
    else expect(document).toEqual({ log: { version: '1.2', creator: expect.any(Object), entries: [] } });
    return document.log.entries;
  };

  describe('GET /api/export?what=relay-attempts', () => {
    it("exports a delivery's tries, newest first: the success, then the timeout with no answer", async () => {
      const entries = await har({ deliveryId: ids.retried });
      expect(entries.map((e) => e._gatewatch.number)).toEqual([2, 1]);
      const [ok, timedOut] = entries as [HarEntry, HarEntry];
      const received = backend.requests.filter((r) => r.header('x-gatewatch-delivery-id') === ids.retried);
      expect(received).toHaveLength(2);
      for (const entry of entries) {
        expect(entry._gatewatch).toMatchObject({ kind: 'relay-attempt', deliveryId: ids.retried, routeId: main.id });
        expect(entry.request.method).toBe('POST');
        expect(entry.request.url).toBe(backend.url('/relay?x=1'));
        expect(entry.request.queryString).toEqual([{ name: 'x', value: '1' }]);
        // Byte-exact: what the backend received, and what the provider sent.
        expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: sent.retried });
        expect(Buffer.from(entry.request.postData!.text)).toEqual(received[0]!.body);
        expect(entry.request.bodySize).toBe(received[0]!.body.byteLength);
        const authorization = entry.request.headers.find((h) => h.name.toLowerCase() === 'authorization');
        expect(authorization?.value).toBe('Bearer ••••7f3a');
        expect(entry.request.headers).toContainEqual({ name: 'X-Gatewatch-Delivery-Id', value: ids.retried });
        expect(JSON.stringify(entry)).not.toContain('merchant-credential');
      }
      // The backend actually got the credential in clear: only the export masks it.
      expect(received[0]!.header('authorization')).toBe(CREDENTIAL);
      expect(ok.response.status).toBe(200);
      expect(ok.response.content.text).toBe('{"ok":true}');
      // The backend's own credentials in its answer are masked too.
      expect(ok.response.headers.find((h) => h.name.toLowerCase() === 'set-cookie')?.value).toMatch(/^••••/);
      expect(JSON.stringify(ok)).not.toContain('backend-session-cookie');
      expect(ok._gatewatch.outcome).toBe('ok');
      expect(ok.comment).toBeUndefined();
      expect(ok.time).toBe(ok.timings.wait);
      expect(timedOut._gatewatch.outcome).toBe('failed');
      expect(timedOut.response.status).toBe(0);
      expect(timedOut.response.content.text).toBeUndefined();
      expect(timedOut.comment).toMatch(/time/i);
      expect(timedOut.time).toBeGreaterThanOrEqual(300);
      expect(Date.parse(timedOut.startedDateTime)).toBeLessThan(Date.parse(ok.startedDateTime));
    });

    it('keeps a body that is not UTF-8 exact, as base64', async () => {
      const [entry, ...rest] = await har({ deliveryId: ids.binary });
      expect(rest).toEqual([]);
      expect(entry!.request.postData).toEqual({ mimeType: 'application/octet-stream', text: binary.toString('base64'), encoding: 'base64' });
      const received = backend.requests.find((r) => r.header('x-gatewatch-delivery-id') === ids.binary)!;
      expect(Buffer.from(entry!.request.postData!.text, 'base64')).toEqual(received.body);
    });

    it('filters by route, by route and delivery, or takes every try', async () => {
      const ofMain = await har({ routeId: main.id });
      expect(ofMain.map((e) => [e._gatewatch.deliveryId, e._gatewatch.number]).sort()).toEqual(
        [
          [ids.retried, 1],
          [ids.retried, 2],
          [ids.binary, 1],
        ].sort(),
      );
      const ofOther = await har({ routeId: other.id });
      expect(ofOther.map((e) => e._gatewatch.deliveryId)).toEqual([ids.other]);
      expect(ofOther[0]!.request.url).toBe(backend.url('/other'));
      expect(await har({ routeId: other.id, deliveryId: ids.retried })).toEqual([]);
      expect(await har({ routeId: 'no-such-route' })).toEqual([]);
      const all = await har({});
      expect(all).toHaveLength(4);
      // Newest first.
      const started = all.map((e) => Date.parse(e.startedDateTime));
      expect(started).toEqual([...started].sort((a, b) => b - a));
    });

    it('is readable by a viewer, as relay.attempts is', async () => {
      const entries = await har({ deliveryId: ids.retried }, viewerToken);
      expect(entries).toHaveLength(2);
      expect((await get({ deliveryId: ids.retried }, 'not-a-token')).status).toBe(401);
    });

    it('is HAR only', async () => {
      for (const format of ['csv', 'ndjson']) {
        const refused = await get({ format });
        expect(refused.status).toBe(400);
        const body = (await refused.json()) as { error: { issues: Array<{ path: string; message: string }> } };
        expect(body.error.issues).toEqual([expect.objectContaining({ path: 'format', message: 'relay attempts are exported as HAR only (format=har)' })]);
      }
    });
  });
});
