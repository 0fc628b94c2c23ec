/**
 * One sender must not be able to block the listener or fill the disk (issue 12, items 4 and 5).
 * Real SQLite stores, real sockets from several loopback addresses (Linux routes all of 127/8).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { IngestQueue } from '../../src-main/listener/ingest-queue.js';
import { WebhookListener, type ListenerOptions } from '../../src-main/listener/server.js';
import type { Store } from '../../src-main/store/types.js';
import type { ListenerStatus } from '../../src-shared/contract/listener.js';
import { startTestConsole } from '../helpers/console.js';
import { sqliteBackend, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import { post } from './raw-http.js';
import { bodyOf, headerOf, openIdleSockets, rawFrom } from './sockets.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A listener on a store of its own: SQLite unless a backend is named (the connection limits do not depend on it). */
async function startListener(
  options: Partial<ListenerOptions> = {},
  backend: StoreBackend = sqliteBackend,
): Promise<{ port: number; store: Store; listener: WebhookListener }> {
  const opened = await backend.open();
  const store = opened.store;
  const listener = new WebhookListener(
    { host: '127.0.0.1', port: 0, bodyLimitBytes: 1024 * 1024, trustForwardedHeaders: () => false, ...options },
    new IngestQueue(store.deliveries, () => {}),
  );
  const port = (await listener.start()).port;
  cleanups.push(async () => {
    await listener.stop();
    await store.close();
    await opened.remove();
  });
  return { port, store, listener };
}

const delivery = (path = '/webhooks/paychant', body = '{"event":"PAYMENT_COMPLETED"}') => post(path, body);

describe('one sender cannot block the listener', () => {
  it('1,100 idle sockets from 127.0.0.2 do not stop a webhook from 127.0.0.1 being stored and answered 200 within a second', async () => {
    const gw = await startTestConsole(); // the defaults, as shipped
    cleanups.push(() => gw.close());
    const port = Number(new URL(gw.webhookBaseUrl).port);
    const flood = await openIdleSockets(port, 1_100, '127.0.0.2');
    cleanups.push(() => flood.destroy());

    const started = performance.now();
    const answer = await rawFrom('127.0.0.1', port, [delivery()], 5_000);
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(elapsed).toBeLessThan(1_000);
    expect(await gw.gatewatch.store.deliveries.get(bodyOf(answer).id!)).not.toBeNull();

    // Past its 64 sockets, the flooding address is cut off at once, not after a deadline.
    expect(await flood.untilClosed(1_100 - 64, 2_000)).toBeGreaterThanOrEqual(1_100 - 64);
    const status = (await gw.api<ListenerStatus>('listener.status')).body;
    expect(status.protection.maxConnectionsPerAddress).toBe(64);
    expect(status.protection.connectionsRefused).toBeGreaterThanOrEqual(1_100 - 64);
  }, 20_000);

  it('closes a socket that sends nothing at the first-byte deadline, and slow headers at the headers deadline', async () => {
    const { port, store } = await startListener({
      timeouts: { firstByteMs: 300, headersMs: 1_500, requestMs: 3_000, keepAliveMs: 1_000, checkEveryMs: 100 },
    });
    const dribble = Array.from({ length: 20 }, (_, i) => ['POST /webhooks/paychant HTTP/1.1\r\n'[i] ?? 'X', { pauseMs: 150 }]).flat();
    const [silent, slowHeaders] = await Promise.all([rawFrom('127.0.0.2', port, [], 4_000), rawFrom('127.0.0.2', port, dribble, 4_000)]);
    expect(silent.status).toBeNull();
    expect(silent.closedAfterMs).not.toBeNull();
    expect(silent.closedAfterMs!).toBeLessThan(1_000); // long before the 1.5 s headers deadline
    // A byte every 150 ms keeps the socket from looking silent, but the headers deadline still ends it.
    expect(slowHeaders.closedAfterMs).not.toBeNull();
    expect(slowHeaders.closedAfterMs!).toBeGreaterThan(1_000);
    expect(slowHeaders.closedAfterMs!).toBeLessThan(2_800);
    expect((await store.deliveries.counts()).total).toBe(0);
  });

  it('keeps ordinary keep-alive and a body that follows its headers late', async () => {
    const { port } = await startListener({
      timeouts: { firstByteMs: 300, headersMs: 1_500, requestMs: 3_000, keepAliveMs: 1_000, checkEveryMs: 100 },
    });
    const late = await rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '', { 'Content-Length': '2' }), { pauseMs: 600 }, '{}'], 3_000);
    expect(late.status).toBe(200);

    // Two requests on one socket, 600 ms apart: past the first-byte deadline, within keep-alive.
    const text = await new Promise<string>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      const request = 'POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        const answers = received.split('HTTP/1.1 ').length - 1;
        if (answers === 1 && !received.includes('#sent')) {
          received += '#sent';
          setTimeout(() => socket.write(request), 600);
        }
        if (answers === 2) socket.end();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', () => resolve(received));
      socket.write(request);
    });
    expect(text.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
  });

  it('answers 503 with Retry-After past the bytes in flight, per sender and in all, and records the refusal without the body', async () => {
    const { port, store, listener } = await startListener({ limits: { inFlightBytes: 64 * 1024, inFlightBytesPerAddress: 40 * 1024 } });
    const head = (length: number) => `POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const inFlightAtLeast = async (bytes: number) => {
      for (let i = 0; i < 100 && listener.protection().inFlightBytes < bytes; i++) await sleep(20);
      expect(listener.protection().inFlightBytes).toBeGreaterThanOrEqual(bytes);
    };
    // 127.0.0.2 holds 25 kB of an unfinished 30 kB body.
    const held = [rawFrom('127.0.0.2', port, [head(30_000), Buffer.alloc(25_000, 0x61), { pauseMs: 5_000 }], 2_500)];
    await inFlightAtLeast(25_000);
    // Its next 30 kB body would take it past its 40 KiB share: refused before it is read.
    const sameSender = await rawFrom('127.0.0.2', port, [head(30_000), Buffer.alloc(30_000, 0x61)]);
    expect(sameSender.status).toBe(503);
    expect(headerOf(sameSender, 'retry-after')).toBe('5');

    // 127.0.0.3 holds 25 kB more; a chunked body from 127.0.0.4 crosses the 64 KiB total midway.
    held.push(rawFrom('127.0.0.3', port, [head(30_000), Buffer.alloc(25_000, 0x62), { pauseMs: 5_000 }], 2_500));
    await inFlightAtLeast(50_000);
    const chunked = await rawFrom('127.0.0.4', port, [
      'POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      `${(20_000).toString(16)}\r\n${'c'.repeat(20_000)}\r\n`,
      { pauseMs: 2_000 },
    ]);
    expect(chunked.status).toBe(503);
    expect(headerOf(chunked, 'retry-after')).toBe('5');

    // A small delivery still fits, and is stored.
    const small = await rawFrom('127.0.0.1', port, [delivery()]);
    expect(small.status).toBe(200);

    for (const refused of [sameSender, chunked]) {
      const record = await store.deliveries.get(bodyOf(refused).id!);
      expect(record!.body).toBeNull();
      expect(record!.rejected?.httpStatus).toBe(503);
      expect(record!.rejected?.reason).toMatch(/too many request bodies/);
    }
    await Promise.all(held);
    // Every byte held by a finished or abandoned request is given back.
    await sleep(50);
    expect(listener.protection().inFlightBytes).toBe(0);
  });

  it('limits requests per sender (429 with Retry-After), recording at most one refusal a second with a count of the rest', async () => {
    const { port, store } = await startListener({ rateLimit: () => ({ perSecond: 2, burst: 5 }) });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await rawFrom('127.0.0.2', port, [delivery('/webhooks/paychant', `{"n":${i}}`)]));
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    for (const a of limited) expect(Number(headerOf(a, 'retry-after'))).toBeGreaterThanOrEqual(1);
    // Within one second only the first refusal is recorded; the rest are answered, not written.
    const recorded = limited.filter((a) => bodyOf(a).id !== undefined);
    expect(recorded).toHaveLength(1);
    expect((await store.deliveries.get(bodyOf(recorded[0]!).id!))!.rejected?.httpStatus).toBe(429);

    // Another sender is not held back by the first.
    expect((await rawFrom('127.0.0.3', port, [delivery()])).status).toBe(200);

    // A second later the next refusal is recorded, with how many went unrecorded meanwhile.
    await sleep(1_100);
    let next = null;
    for (let i = 0; i < 10 && !next; i++) {
      const a = await rawFrom('127.0.0.2', port, [delivery()]);
      if (a.status === 429) next = a;
    }
    const record = await store.deliveries.get(bodyOf(next!).id!);
    expect(record!.rejected!.reason).toContain(`${limited.length - 1} more refused from this sender`);
    expect(record!.body).toBeNull();
  });

  it('behind a tunnel, exempts the tunnel agent from the socket cap and charges requests to the last forwarded hop', async () => {
    let trust = false;
    const { port } = await startListener({
      trustForwardedHeaders: () => trust,
      rateLimit: () => ({ perSecond: 0.5, burst: 2 }),
      limits: { maxConnectionsPerAddress: 4 },
    });
    const direct = await openIdleSockets(port, 10, '127.0.0.1');
    cleanups.push(() => direct.destroy());
    expect(await direct.untilClosed(6, 2_000)).toBe(6);
    direct.destroy();

    trust = true;
    const tunnel = await openIdleSockets(port, 10, '127.0.0.1');
    cleanups.push(() => tunnel.destroy());
    await sleep(300);
    expect(tunnel.closed()).toBe(0);
    // Only the tunnel agent's own address is exempt: another loopback address is a sender like any other.
    const flood = await openIdleSockets(port, 10, '127.0.0.2');
    cleanups.push(() => flood.destroy());
    expect(await flood.untilClosed(6, 2_000)).toBe(6);
    flood.destroy();

    const via = (xff: string) => rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '{}', { 'X-Forwarded-For': xff })]);
    // A sender that makes up first hops is still charged to the hop the tunnel appended.
    expect((await via('198.51.100.1, 203.0.113.7')).status).toBe(200);
    expect((await via('198.51.100.2, 203.0.113.7')).status).toBe(200);
    expect((await via('198.51.100.3, 203.0.113.7')).status).toBe(429);
    // Another sender through the same tunnel is not.
    expect((await via('203.0.113.8')).status).toBe(200);
  });
});

describe('behind a tunnel, one forwarded sender cannot take the tunnel', () => {
  it('caps the requests in progress per forwarded sender (503 with Retry-After, recorded once a second)', async () => {
    const { port, store } = await startListener({ trustForwardedHeaders: () => true, limits: { maxConnectionsPerAddress: 4 } });
    const head = (xff: string) =>
      `POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: ${xff}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`;
    // Four unfinished bodies from one sender, through the tunnel agent's sockets on 127.0.0.1.
    const held = Array.from({ length: 4 }, () => rawFrom('127.0.0.1', port, [head('198.51.100.9, 203.0.113.9'), { pauseMs: 3_000 }], 1_500));
    await sleep(300);
    const refused = await Promise.all(
      [0, 1, 2].map(() => rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '{}', { 'X-Forwarded-For': '203.0.113.9' })])),
    );
    expect(refused.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(headerOf(refused[0]!, 'retry-after')).toBe('5');
    expect(bodyOf(refused[0]!).error).toMatch(/Too many requests from this sender in progress at once \(at most 4\)/);
    const recorded = refused.filter((a) => bodyOf(a).id !== undefined);
    expect(recorded).toHaveLength(1);
    const record = await store.deliveries.get(bodyOf(recorded[0]!).id!);
    expect(record!.rejected?.httpStatus).toBe(503);
    expect(record!.body).toBeNull();

    // Another sender through the same tunnel is served.
    expect((await rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '{}', { 'X-Forwarded-For': '203.0.113.10' })])).status).toBe(200);
    // Once the held requests are gone, the first sender is served again.
    await Promise.all(held);
    await sleep(100);
    expect((await rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '{}', { 'X-Forwarded-For': '203.0.113.9' })])).status).toBe(200);
  });

  it('says, in the status, when requests on loopback carry X-Forwarded-For that is not trusted', async () => {
    const gw = await startTestConsole();
    cleanups.push(() => gw.close());
    const port = Number(new URL(gw.webhookBaseUrl).port);
    const flag = async () => (await gw.api<ListenerStatus>('listener.status')).body.protection.untrustedForwardedFor;
    expect((await rawFrom('127.0.0.1', port, [delivery()])).status).toBe(200);
    expect(await flag()).toBe(false);
    expect((await rawFrom('127.0.0.1', port, [post('/webhooks/paychant', '{}', { 'X-Forwarded-For': '203.0.113.7' })])).status).toBe(200);
    expect(await flag()).toBe(true);
    // Ticked, there is nothing to suggest.
    expect((await gw.api<ListenerStatus>('listener.configure', { trustForwardedHeaders: true })).body.protection.untrustedForwardedFor).toBe(false);
  });
});

describe.each(storeBackends)('one sender cannot fill the disk, on $name', (backend) => {
  it('keeps only the request line and headers for unknown paths, still answering 404', async () => {
    const { port, store, listener } = await startListener({}, backend);
    const answer = await rawFrom('127.0.0.1', port, [delivery('/webhooks/stripe', '{"card":"4242"}')]);
    expect(answer.status).toBe(404);
    expect(bodyOf(answer).error).toMatch(/No provider at \/webhooks\/stripe/);
    const record = await store.deliveries.get(bodyOf(answer).id!);
    expect(record!.provider).toBe('unknown');
    expect(record!.body).toBeNull();
    expect(record!.size).toBe(15);
    expect(record!.rejected?.httpStatus).toBe(404);
    expect(record!.headers.length).toBeGreaterThan(0);

    // Fifty 1 MB posts to unknown paths add next to nothing to the store.
    const before = await store.sizeOnDisk();
    const big = Buffer.alloc(1_000_000, 0x61);
    for (let i = 0; i < 50; i++) expect((await rawFrom('127.0.0.1', port, [post(`/x/${i}`, big)])).status).toBe(404);
    expect((await store.sizeOnDisk()) - before).toBeLessThan(2_000_000);
    // Each one answered; recorded at most once a second (the rest counted).
    expect((await store.deliveries.counts()).total + listener.protection().refusalsNotRecorded).toBe(51);
  });

  it('records 404, 405 and 413 refusals at most once a second per sender and kind, the first of each always', async () => {
    const { port, store, listener } = await startListener({}, backend);
    const pad = 'p'.repeat(15_000); // near the 16 KB header limit: what each record would cost
    const get = `GET /webhooks/paychant HTTP/1.1\r\nHost: x\r\nX-Pad: ${pad}\r\nConnection: close\r\n\r\n`;
    const tooLarge = post('/webhooks/paychant', '', { 'Content-Length': String(2 * 1024 * 1024), 'X-Pad': pad });
    const started = performance.now();
    const answers = [];
    for (let i = 0; i < 40; i++) {
      answers.push(await rawFrom('127.0.0.2', port, [post(`/nowhere/${i}`, '{}', { 'X-Pad': pad })]));
      answers.push(await rawFrom('127.0.0.2', port, [get]));
      answers.push(await rawFrom('127.0.0.2', port, [tooLarge]));
    }
    const seconds = Math.ceil((performance.now() - started) / 1000);
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => [404, 405, 413]).flat());
    for (const status of [404, 405, 413]) {
      const recorded = answers.filter((a) => a.status === status && bodyOf(a).id !== undefined);
      expect(recorded.length, `${status} recorded`).toBeGreaterThanOrEqual(1);
      expect(recorded.length, `${status} recorded`).toBeLessThanOrEqual(seconds + 1);
      // The first of each kind is the one recorded: a misconfigured provider shows up at once.
      expect(bodyOf(answers.find((a) => a.status === status)!).id).toBeDefined();
      for (const a of answers.filter((x) => x.status === status)) expect(bodyOf(a).error).toBeDefined();
    }
    const total = (await store.deliveries.counts()).total;
    expect(total).toBeLessThanOrEqual(3 * (seconds + 1));
    expect(total + listener.protection().refusalsNotRecorded).toBe(120);
    expect(headerOf(answers[1]!, 'allow')).toBe('POST');

    // Another sender's first refusal is recorded all the same.
    expect(bodyOf(await rawFrom('127.0.0.3', port, [post('/nowhere', '{}')])).id).toBeDefined();
  });

  it('with the default settings, bounds the bytes one sender gets stored a second (429 with Retry-After past them)', async () => {
    const gw = await startTestConsole({ backend }); // the defaults, as shipped
    cleanups.push(() => gw.close());
    const port = Number(new URL(gw.webhookBaseUrl).port);
    const MiB = 1024 * 1024;
    const body = Buffer.from(JSON.stringify({ event: 'PAYMENT_COMPLETED', pad: 'a'.repeat(1_000_000 - 40) }));
    const before = await gw.gatewatch.store.sizeOnDisk();
    const started = performance.now();
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await rawFrom('127.0.0.2', port, [post('/webhooks/paychant', body)], 10_000));
    const seconds = (performance.now() - started) / 1000;
    const stored = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(stored + limited.length).toBe(200);
    // 16 MiB at once, then 2 MiB a second (plus the one body that may cross): far from 200 MB in seconds.
    expect(stored * body.length).toBeLessThanOrEqual(16 * MiB + 2 * MiB * seconds + body.length);
    expect(stored).toBeGreaterThanOrEqual(15);
    for (const a of limited) expect(Number(headerOf(a, 'retry-after'))).toBeGreaterThanOrEqual(1);
    expect(bodyOf(limited[0]!).error).toMatch(/Too many bytes from this sender: the limit is 2\.0 MiB stored a second \(bursts of 16\.0 MiB\)/);
    // Refusals are coalesced like the others: a handful recorded, not 180 rows of headers.
    expect(limited.filter((a) => bodyOf(a).id !== undefined).length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    // On disk each body also takes its search index entry and write-ahead log frames: a few times its size, no more.
    await gw.gatewatch.worker.idle();
    expect((await gw.gatewatch.store.sizeOnDisk()) - before).toBeLessThan(4 * (16 * MiB + 2 * MiB * seconds + body.length));

    // Another sender is not held back by the first, and a small delivery from it is stored.
    expect((await rawFrom('127.0.0.3', port, [delivery()])).status).toBe(200);
  }, 60_000);

  it('warns near the storage quota, then answers 507 (recorded once a second, without the body) and says so in the status', async () => {
    const gw = await startTestConsole({ backend });
    cleanups.push(() => gw.close());
    const port = Number(new URL(gw.webhookBaseUrl).port);
    for (let i = 0; i < 3; i++) expect((await gw.post('/webhooks/paychant', JSON.stringify({ pad: 'x'.repeat(900_000), i }))).status).toBe(200);
    const status = async () => (await gw.api<ListenerStatus>('listener.status')).body;
    await gw.gatewatch.worker.idle(); // derivation (search index…) writes too
    // Saving the setting reads the store's size at once: the status then has it exactly.
    const used = (await gw.api<ListenerStatus>('listener.configure', { storageQuotaBytes: null })).body.storage!.usedBytes!;
    expect(used).toBeGreaterThan(2_000_000);

    // 85% of the quota: still stored, but the status says it is getting near.
    const near = await gw.api<ListenerStatus>('listener.configure', { storageQuotaBytes: Math.ceil(used / 0.85) });
    expect(near.status).toBe(200);
    expect(near.body.storage).toMatchObject({ level: 'near', refusing: null, quotaBytes: Math.ceil(used / 0.85) });
    expect((await gw.post('/webhooks/paychant', '{"event":"x"}')).status).toBe(200);

    // Under what the store already takes: refused with 507 at once, not at the next periodic read.
    const full = await gw.api<ListenerStatus>('listener.configure', { storageQuotaBytes: 1024 * 1024 });
    expect(full.body.storage!.level).toBe('full');
    expect(full.body.storage!.refusing).toMatch(/Storage quota reached/);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await rawFrom('127.0.0.1', port, [delivery()]));
    expect(answers.map((a) => a.status)).toEqual([507, 507, 507, 507, 507]);
    expect(headerOf(answers[0]!, 'retry-after')).not.toBeNull();
    const recorded = answers.filter((a) => bodyOf(a).id !== undefined);
    expect(recorded).toHaveLength(1);
    const record = await gw.gatewatch.store.deliveries.get(bodyOf(recorded[0]!).id!);
    expect(record!.body).toBeNull();
    expect(record!.rejected?.httpStatus).toBe(507);
    expect((await status()).protection.refusalsNotRecorded).toBe(4);

    // Lifting the quota lifts the refusal.
    expect((await gw.api('listener.configure', { storageQuotaBytes: null })).status).toBe(200);
    expect((await gw.post('/webhooks/paychant', '{"event":"y"}')).status).toBe(200);
  });

  it('refuses a quota or rate limit that makes no sense, in words, and keeps the settings', async () => {
    const gw = await startTestConsole({ backend });
    cleanups.push(() => gw.close());
    const tiny = await gw.api<{ error: { message: string; issues: Array<{ path: string; message: string }> } }>('listener.configure', {
      storageQuotaBytes: 10,
    });
    expect(tiny.status).toBe(400);
    expect(tiny.body.error.issues[0]).toEqual({ path: 'storageQuotaBytes', message: 'a quota under 1 MiB would refuse everything' });
    const zero = await gw.api<{ error: { issues: Array<{ path: string; message: string }> } }>('listener.configure', { rateLimit: { perSecond: 0, burst: 1 } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.issues[0]!.path).toBe('rateLimit.perSecond');
    const after = (await gw.api<ListenerStatus>('listener.status')).body;
    expect(after.rateLimit).toEqual({ perSecond: 50, burst: 200 });
    expect(after.storage!.quotaBytes).toBeNull();
  });
});
