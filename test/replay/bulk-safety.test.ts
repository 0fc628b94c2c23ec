/**
 * Bulk replay with safety rails: confirmed every time for the count that was seen, every inbox
 * filter carried, a pause when the target stops answering, "retry failed only", deliveries named
 * by event and reference, and one audit entry per job.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ReplayAttemptListed, ReplayBulkCount, ReplayJob } from '../../src-shared/contract/replay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { consoleWithStaging, postDelivery, saveTarget, type ApiErrorReply } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const env = consoleWithStaging(backend);

  /** Written by hand: Paychant's env and reference, so the environment filter and the log's names have something to read. */
  const paychant = (ref: string, event: string, env = 'sandbox') =>
    `{"event":"${event}","data":{"env":"${env}","pid":"pid-${ref}","transactionRef":"${ref}","fiatAmount":"170.00"}}`;

  /** A port nothing listens on: connections are refused at once. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** Resolves with the job once a pushed update satisfies `until`. */
  function progressUntil(until: (job: ReplayJob) => boolean, id: () => string | undefined): Promise<ReplayJob> {
    return new Promise((resolve) => {
      const unsubscribe = env.gw.gatewatch.bus.subscribe((event: PushEvent) => {
        if (event.type === 'replay.progress' && event.job.id === id() && until(event.job)) {
          unsubscribe();
          resolve(event.job);
        }
      });
    });
  }

  const stopped = (job: ReplayJob) => job.state === 'finished' || job.state === 'cancelled';

  describe('bulk replay safety rails', () => {
    it('counts what a filter matches with every inbox filter, and sends only once confirmed for that count', async () => {
      const t = await saveTarget(env.gw, { name: 'rails staging', url: env.staging.url('/ok') });
      // A target confirmed before: a bulk replay still asks.
      await env.gw.api('replay.send', { deliveryId: await postDelivery(env.gw, 'paychant', paychant('RAIL-0', 'CREATED')), targetId: t.id, confirm: true });
      for (const [ref, event, environment] of [
        ['RAIL-1', 'PAYMENT_COMPLETED', 'sandbox'],
        ['RAIL-2', 'PAYMENT_COMPLETED', 'sandbox'],
        ['RAIL-3', 'PAYMENT_COMPLETED', 'production'],
        ['RAIL-4', 'AWAITING_PAYMENT', 'sandbox'],
      ] as const) {
        await postDelivery(env.gw, 'paychant', paychant(ref, event, environment));
      }
      const filter = { provider: 'paychant', q: 'RAIL', status: 'completed', environment: 'sandbox' } as const;
      const counted = await env.gw.api<ReplayBulkCount>('replay.bulk.count', { filter });
      expect(counted.body).toEqual({ count: 2, limit: 1000, tooMany: false });

      const before = env.staging.requests.length;
      const unconfirmed = await env.gw.api<ApiErrorReply>('replay.bulk.start', { targetId: t.id, filter });
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.error.message).toMatch(/Confirm replaying 2 deliveries/);
      const stale = await env.gw.api<ApiErrorReply>('replay.bulk.start', { targetId: t.id, filter, confirm: true, expectedCount: 3 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/2 deliveries match now, not the 3 confirmed/);
      expect(env.staging.requests.length).toBe(before);

      let id: string | undefined;
      const done = progressUntil(stopped, () => id);
      const started = await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, filter, confirm: true, expectedCount: 2 });
      expect(started.status).toBe(200);
      id = started.body.id;
      expect(await done).toMatchObject({ state: 'finished', succeeded: 2, total: 2, retryOf: null, pausedReason: null });
      const refs = env.staging.requests.slice(before).map((r) => JSON.parse(r.body.toString()).data.transactionRef);
      expect(refs).toEqual(['RAIL-1', 'RAIL-2']);

      // One audit entry for the job, with its count; none per send.
      const audit = (await env.gw.api<{ items: AuditEntry[] }>('audit.list', { subject: id })).body.items;
      expect(audit.map((a) => a.action)).toEqual(['replay.bulk']);
      expect(audit[0]!.summary).toContain('2 deliveries');
      expect(audit[0]!.details.count).toBe(2);
      const sends = (await env.gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'replay.send', limit: 500 })).body.items;
      expect(sends.some((a) => a.details.jobId === id)).toBe(false);

      // The log names each delivery by its event and reference.
      const log = (await env.gw.api<{ items: ReplayAttemptListed[] }>('replay.attempts', { jobId: id })).body.items;
      expect(log.map((a) => a.delivery)).toEqual([
        { eventType: 'PAYMENT_COMPLETED', reference: 'RAIL-2' },
        { eventType: 'PAYMENT_COMPLETED', reference: 'RAIL-1' },
      ]);
    });

    it('pauses by itself after sends in a row get no answer, and goes on when resumed', async () => {
      const port = await closedPort();
      const t = await saveTarget(env.gw, { name: 'down staging', url: `http://127.0.0.1:${port}/hook`, timeoutMs: 1000 });
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push(await postDelivery(env.gw, 'paychant', paychant(`DOWN-${i}`, 'CREATED')));
      let id: string | undefined;
      const paused = progressUntil(
        (job) => job.state === 'paused',
        () => id,
      );
      const started = await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, deliveryIds: ids, confirm: true, expectedCount: 6 });
      id = started.body.id;
      const atPause = await paused;
      expect(atPause).toMatchObject({ failed: 3, succeeded: 0 });
      expect(atPause.pausedReason).toMatch(/3 sends in a row got no answer from "down staging"/);
      expect(atPause.lastError).toMatch(/^CREATED · DOWN-2: /);
      // Paused means paused: nothing more is tried meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await env.gw.api<ReplayJob>('replay.bulk.get', { id })).body).toMatchObject({ state: 'paused', failed: 3 });

      const pausedAgain = progressUntil(
        (job) => job.state === 'paused' && job.failed === 6,
        () => id,
      );
      expect((await env.gw.api<ReplayJob>('replay.bulk.resume', { id })).body.state).toBe('running');
      await pausedAgain;
      // Nothing left to send once the last three failed: it finishes rather than waiting.
      const final = await env.gw.gatewatch.dispatcher.call('replay.bulk.get', { id });
      expect(final).toMatchObject({ failed: 6 });
    });

    it('a paused job can be cancelled: the rest are skipped', async () => {
      const port = await closedPort();
      const t = await saveTarget(env.gw, { name: 'down again', url: `http://127.0.0.1:${port}/hook` });
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await postDelivery(env.gw, 'paychant', paychant(`STOP-${i}`, 'CREATED')));
      let id: string | undefined;
      const paused = progressUntil(
        (job) => job.state === 'paused',
        () => id,
      );
      id = (await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, deliveryIds: ids, confirm: true })).body.id;
      await paused;
      const done = progressUntil(stopped, () => id);
      await env.gw.api('replay.bulk.cancel', { id });
      expect(await done).toMatchObject({ state: 'cancelled', failed: 3, skipped: 2 });
    });

    it('retries only the failed deliveries, confirmed again, as a new job', async () => {
      const t = await saveTarget(env.gw, { name: 'flaky staging', url: env.staging.url('/status/500') });
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await postDelivery(env.gw, 'paychant', paychant(`FLAKY-${i}`, 'CREATED')));
      let id: string | undefined;
      const first = progressUntil(stopped, () => id);
      id = (await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, deliveryIds: ids, confirm: true })).body.id;
      const failedJob = await first;
      expect(failedJob).toMatchObject({ failed: 3, state: 'finished' });
      expect(failedJob.lastError).toMatch(/^CREATED · FLAKY-2: .*500/);
      // Answers (HTTP 500) are not "no answer": the job did not pause.
      expect(failedJob.pausedReason).toBeNull();

      await saveTarget(env.gw, { id: t.id, name: 'flaky staging', url: env.staging.url('/ok') });
      expect((await env.gw.api<ApiErrorReply>('replay.bulk.retryFailed', { id })).status).toBe(409);
      const before = env.staging.requests.length;
      let retryId: string | undefined;
      const second = progressUntil(stopped, () => retryId);
      const retry = await env.gw.api<ReplayJob>('replay.bulk.retryFailed', { id, confirm: true, expectedCount: 3 });
      expect(retry.status).toBe(200);
      retryId = retry.body.id;
      expect(retry.body).toMatchObject({ retryOf: id, total: 3 });
      expect(await second).toMatchObject({ succeeded: 3, failed: 0 });
      expect(env.staging.requests.slice(before).map((r) => r.header('X-Gatewatch-Replay'))).toEqual(ids);
      const nothing = await env.gw.api<ApiErrorReply>('replay.bulk.retryFailed', { id: retryId, confirm: true });
      expect(nothing.status).toBe(400);
      expect(nothing.body.error.message).toMatch(/Nothing failed/);
    });
  });
});
