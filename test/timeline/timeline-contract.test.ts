import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { hmacHex } from '../providers/helpers.js';
import type { DashboardGetOutput, TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const secret = 'paychant-whsec-timeline-1';
  const event = (code: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ event: code, data: { env: 'sandbox', pid: '5550001', fiat: 'NGN', fiatAmount: 149241.5, transactionRef: 'TL-REF-1', ...extra } });

  let gw: TestConsole;
  const ids: string[] = [];
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: secret }] });
    const post = async (body: string, signWith = secret) => {
      const response = await gw.post('/webhooks/paychant', body, {
        'content-type': 'application/json',
        'paychant-signature': hmacHex('sha512', signWith, body),
      });
      ids.push(((await response.json()) as { id: string }).id);
    };
    await post(event('WIDGET.CREATED'));
    await post(event('AWAITING_PAYMENT'));
    await post(event('PAYMENT_COMPLETED'), 'someone-else');
    await post(event('AWAITING_PAYMENT')); // the identical body again: a retry
    await gw.gatewatch.worker.idle();
  });
  afterAll(() => gw.close());

  describe('timeline.get and dashboard.get through the HTTP API', () => {
    it('returns the payment by its transaction ref, in order, with statuses and flags', async () => {
      const { status, body } = await gw.api<TimelineGetOutput>('timeline.get', { key: 'TL-REF-1' });
      expect(status).toBe(200);
      expect(body.steps.map((s) => s.deliveryId)).toEqual(ids);
      expect(body.steps.map((s) => s.title)).toEqual(['CREATED', 'AWAITING_PAYMENT', 'PAYMENT_COMPLETED', 'AWAITING_PAYMENT']);
      // The completion failed verification: it does not move the payment's status.
      expect(body.steps.map((s) => s.statusAfter)).toEqual(['created', 'pending', 'pending', 'pending']);
      expect(body.headline).toMatchObject({
        state: 'pending',
        verified: false,
        tone: 'warning',
        claimed: { status: 'completed', stepKey: `delivery:${ids[2]}`, verification: 'invalid' },
      });
      expect(body.headline!.summary).toBe(
        'Completed, unverified: the signature of PAYMENT_COMPLETED did not verify, so the backend probably still shows pending.',
      );
      expect(body.headline!.amount).toEqual({ value: '149241.5', currency: 'NGN', changedFrom: null });
      // The retry sits under its original.
      expect(body.steps.map((s) => s.retryOf ?? null)).toEqual([null, null, null, `delivery:${ids[1]}`]);
      expect(body.steps[2]!.amount).toEqual({ value: '149241.5', currency: 'NGN' });
      expect(body.flags.map((f) => [f.kind, f.stepKey])).toEqual([
        ['failed_signature', `delivery:${ids[2]}`],
        ['duplicate', `delivery:${ids[3]}`],
      ]);
      expect(body.keys).toContainEqual({ kind: 'pid', value: '5550001' });
      // The same payment from its other key.
      const byPid = await gw.api<TimelineGetOutput>('timeline.get', { key: '5550001' });
      expect(byPid.body.steps.map((s) => s.id)).toEqual(ids);
    });

    it('rejects an empty key with a clear error', async () => {
      const { status, body } = await gw.api<{ error: { code: string } }>('timeline.get', { key: '  ' });
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
    });

    it('counts the deliveries on the dashboard with the failure rate', async () => {
      const { status, body } = await gw.api<DashboardGetOutput>('dashboard.get', {});
      expect(status).toBe(200);
      expect(body.range).toBe('24h');
      expect(body.totals.byProvider).toEqual({ paychant: 4 });
      expect(body.buckets.at(-1)!.total).toBe(4);
      expect(body.verification.byStatus).toEqual({ valid: 3, invalid: 1 });
      expect(body.verification.failureRate).toBeCloseTo(0.25);
      const month = await gw.api<DashboardGetOutput>('dashboard.get', { range: '30d' });
      expect(month.body.bucketSeconds).toBe(6 * 3600); // 30 days in 6-hour bars
    });
  });
});
