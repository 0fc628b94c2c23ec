import { describe, expect, it } from 'vitest';
import type { ReplayAttempt, ReplayJob } from '../../src-shared/contract/replay.js';
import type { PushEvent } from '../../src-shared/contract/events.js';
import { createReplayTimelineSource } from '../../src-main/replay/timeline-source.js';
import { consoleWithStaging, postDelivery, saveTarget, type ApiErrorReply } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const env = consoleWithStaging(backend);

  const paychant = (pid: string, event: string) => `{"event":"${event}","data":{"pid":"${pid}","fiatAmount":"170.00"}}`;

  /** Collects replay.progress pushes for one job until it stops. */
  function progressOf(jobId: () => string | undefined): { events: ReplayJob[]; stopped: Promise<ReplayJob> } {
    const events: ReplayJob[] = [];
    let resolve!: (job: ReplayJob) => void;
    const stopped = new Promise<ReplayJob>((r) => (resolve = r));
    const unsubscribe = env.gw.gatewatch.bus.subscribe((event: PushEvent) => {
      if (event.type !== 'replay.progress' || event.job.id !== jobId()) return;
      events.push(event.job);
      if (event.job.state === 'finished' || event.job.state === 'cancelled') {
        unsubscribe();
        resolve(event.job);
      }
    });
    return { events, stopped };
  }

  describe('bulk replay', () => {
    it('replays every delivery of one payment, in received order, once each, with progress pushed', async () => {
      const t = await saveTarget(env.gw, { name: 'bulk staging', url: env.staging.url('/ok') });
      const ids = [];
      for (const event of ['CREATED', 'AWAITING_PAYMENT', 'PAYMENT_CONFIRMED', 'PAYMENT_COMPLETED'])
        ids.push(await postDelivery(env.gw, 'paychant', paychant('pid-bulk-77', event)));
      await postDelivery(env.gw, 'paychant', paychant('pid-other-1', 'CREATED'));
      let jobId: string | undefined;
      const progress = progressOf(() => jobId);
      const before = env.staging.requests.length;
      const started = await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, filter: { provider: 'paychant', q: 'pid-bulk-77' }, confirm: true });
      expect(started.status).toBe(200);
      jobId = started.body.id;
      expect(started.body).toMatchObject({ total: 4, state: 'running', concurrency: 1 });
      const done = await progress.stopped;

      expect(done).toMatchObject({ state: 'finished', succeeded: 4, failed: 0, skipped: 0 });
      expect(env.staging.requests.slice(before).map((r) => r.header('X-Gatewatch-Replay'))).toEqual(ids);
      expect(progress.events.map((e) => e.succeeded)).toEqual([1, 2, 3, 4, 4]);
      const { body } = await env.gw.api<{ items: ReplayAttempt[] }>('replay.attempts', { jobId });
      expect(body.items.map((a) => a.deliveryId).reverse()).toEqual(ids);
      expect((await env.gw.api<ReplayJob>('replay.bulk.get', { id: jobId })).body.state).toBe('finished');
    });

    it('keeps to the concurrency limit', async () => {
      const t = await saveTarget(env.gw, { name: 'parallel staging', url: env.staging.url('/slow/80') });
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push(await postDelivery(env.gw, 'paychant', paychant(`pid-par-${i}`, 'CREATED')));
      let jobId: string | undefined;
      const progress = progressOf(() => jobId);
      const started = await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, deliveryIds: ids, concurrency: 3, confirm: true });
      jobId = started.body.id;
      const done = await progress.stopped;
      expect(done.succeeded).toBe(6);
      expect(env.staging.maxInFlight()).toBe(3);
    });

    it('can be cancelled: sends already on the wire finish and are recorded, the rest are skipped', async () => {
      const t = await saveTarget(env.gw, { name: 'slow staging', url: env.staging.url('/slow/150') });
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await postDelivery(env.gw, 'paychant', paychant(`pid-cancel-${i}`, 'CREATED')));
      let jobId: string | undefined;
      const progress = progressOf(() => jobId);
      const before = env.staging.requests.length;
      const started = await env.gw.api<ReplayJob>('replay.bulk.start', { targetId: t.id, deliveryIds: ids, confirm: true });
      jobId = started.body.id;
      await env.staging.waitFor(before + 1);
      const cancelling = await env.gw.api<ReplayJob>('replay.bulk.cancel', { id: jobId });
      expect(cancelling.body.state).toBe('cancelling');
      const done = await progress.stopped;
      expect(done).toMatchObject({ state: 'cancelled', succeeded: 1, failed: 0, skipped: 4, total: 5 });
      expect(env.staging.requests.length - before).toBe(1);
      const { body } = await env.gw.api<{ items: ReplayAttempt[] }>('replay.attempts', { jobId });
      expect(body.items).toHaveLength(1);
    });

    it('asks for confirmation and refuses an empty selection before sending anything', async () => {
      const t = await saveTarget(env.gw, { name: 'unconfirmed bulk', url: env.staging.url('/ok') });
      const id = await postDelivery(env.gw, 'paychant', paychant('pid-x', 'CREATED'));
      const refused = await env.gw.api<ApiErrorReply>('replay.bulk.start', { targetId: t.id, deliveryIds: [id] });
      expect(refused.status).toBe(409);
      const empty = await env.gw.api<ApiErrorReply>('replay.bulk.start', { targetId: t.id, filter: { q: 'no-such-payment-anywhere' }, confirm: true });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/nothing to replay/);
      const both = await env.gw.api<ApiErrorReply>('replay.bulk.start', { targetId: t.id, confirm: true });
      expect(both.status).toBe(400);
    });
  });

  describe('replay timeline source', () => {
    it('contributes one replay step per attempt, linked to its delivery, with the outcome', async () => {
      const ok = await saveTarget(env.gw, { name: 'timeline ok', url: env.staging.url('/ok') });
      const bad = await saveTarget(env.gw, { name: 'timeline 500', url: env.staging.url('/status/500') });
      const id = await postDelivery(env.gw, 'paychant', paychant('pid-tl', 'CREATED'));
      await env.gw.api('replay.send', { deliveryId: id, targetId: ok.id, confirm: true });
      await env.gw.api('replay.send', { deliveryId: id, targetId: bad.id, confirm: true });
      const source = createReplayTimelineSource(env.gw.gatewatch.store.replay);
      const steps = await source.stepsFor({ keys: ['pid-tl'], deliveryIds: [id] });
      expect(steps.map((s) => [s.kind, s.deliveryId, s.outcome, s.title])).toEqual([
        ['replay', id, 'ok', 'Replayed to timeline ok'],
        ['replay', id, 'failed', 'Replayed to timeline 500'],
      ]);
      expect(steps[1]!.detail).toMatch(/HTTP 500/);
      expect(await source.stepsFor({ keys: [], deliveryIds: [] })).toEqual([]);
    });
  });
});
