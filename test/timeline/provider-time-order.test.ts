/**
 * Issue 13.11: events that arrived out of order by the provider's own clock: the provider's
 * event time goes backwards while the received time goes forwards.
 */
import { describe, expect, it } from 'vitest';
import { annotate, sortSteps } from '../../src-main/timeline/annotate.js';
import { deliveryStep } from '../../src-main/timeline/delivery-step.js';
import type { TimelineDeliveryRecord } from '../../src-main/store/timeline-types.js';
import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let seq = 0;
  function record(
    id: string,
    receivedAt: string,
    status: NormalizedStatus,
    providerTime: { received: string; at: string | null } | null,
    extra: Partial<TimelineDeliveryRecord> = {},
  ): TimelineDeliveryRecord {
    seq += 1;
    return {
      id,
      seq,
      provider: 'paychant',
      receivedAt,
      eventType: status,
      eventId: null,
      status,
      providerStatus: null,
      verification: 'valid',
      verificationDiagnosis: null,
      amounts: [],
      duplicateOf: null,
      rejected: false,
      keys: [],
      providerTime: providerTime ? { field: 'data.date', ...providerTime } : null,
      ...extra,
    };
  }

  const timeline = (records: TimelineDeliveryRecord[]) => annotate(sortSteps(records.map(deliveryStep)));

  describe('provider time going backwards', () => {
    it('flags the event the provider made earlier but that arrived later', () => {
      // Paychant's AWAITING_PAYMENT made at 01:47:10 arrived after PAYMENT_CONFIRMED made at 01:52:00.
      const { flags, steps } = timeline([
        record('a', '2026-11-05T12:00:00.000Z', 'created', { received: '30/03/2023 - 01:46:02', at: '2023-03-30T01:46:02.000Z' }),
        record('b', '2026-11-05T12:05:00.000Z', 'info', { received: '30/03/2023 - 01:52:00', at: '2023-03-30T01:52:00.000Z' }),
        record('c', '2026-11-05T12:06:00.000Z', 'info', { received: '30/03/2023 - 01:47:10', at: '2023-03-30T01:47:10.000Z' }),
      ]);
      expect(flags.map((f) => [f.kind, f.stepKey])).toEqual([['out_of_order', 'delivery:c']]);
      expect(flags[0]!.message).toBe(
        'The provider made this event at 30/03/2023 - 01:47:10, before the one received earlier (30/03/2023 - 01:52:00), but it arrived after it: delivered out of order.',
      );
      expect(steps[2]!.providerTime).toEqual({ field: 'data.date', received: '30/03/2023 - 01:47:10', at: '2023-03-30T01:47:10.000Z' });
    });

    it('says nothing when provider times go forwards, are unreadable or missing, or the late one is a retry', () => {
      expect(
        timeline([
          record('a', '2026-11-05T12:00:00.000Z', 'info', { received: 'x', at: '2023-03-30T01:46:02.000Z' }),
          record('b', '2026-11-05T12:01:00.000Z', 'info', { received: 'y', at: '2023-03-30T01:50:00.000Z' }),
          record('c', '2026-11-05T12:02:00.000Z', 'info', { received: 'unreadable', at: null }),
          record('d', '2026-11-05T12:03:00.000Z', 'info', null),
          record('e', '2026-11-05T12:04:00.000Z', 'info', { received: 'x', at: '2023-03-30T01:46:02.000Z' }, { duplicateOf: 'a' }),
        ]).flags.map((f) => f.kind),
      ).toEqual(['duplicate']);
    });

    it('compares times of one provider only (their clocks differ)', () => {
      expect(
        timeline([
          record('a', '2026-11-05T12:00:00.000Z', 'info', { received: 'x', at: '2023-03-30T02:00:00.000Z' }),
          record('b', '2026-11-05T12:01:00.000Z', 'info', { received: 'y', at: '2023-03-30T01:00:00.000Z' }, { provider: 'instap' }),
        ]).flags,
      ).toEqual([]);
    });

    it('flags a step once when its status is also out of order', () => {
      const { flags } = timeline([
        record('a', '2026-11-05T12:00:00.000Z', 'confirming', { received: 'x', at: '2023-03-30T02:00:00.000Z' }),
        record('b', '2026-11-05T12:01:00.000Z', 'pending', { received: 'y', at: '2023-03-30T01:00:00.000Z' }),
      ]);
      expect(flags.map((f) => f.kind)).toEqual(['out_of_order']);
    });
  });

  describe('provider time on a stored timeline', () => {
    it('reads Paychant data.date from stored deliveries and flags the late one', async () => {
      const { startTestConsole } = await import('../helpers/console.js');
      const { paychantEvent } = await import('../providers/fixtures.js');
      const gw = await startTestConsole({ backend });
      try {
        const send = (event: string, date: string) =>
          gw.post('/webhooks/paychant', JSON.stringify({ event, data: { ...paychantEvent.data, pid: '5550001', date } }));
        await send('WIDGET.PAYMENT_CONFIRMED', '30/03/2023 - 01:52:00');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await send('WIDGET.PROCESSING', '30/03/2023 - 01:47:10');
        await gw.gatewatch.worker.idle();
        const { body } = await gw.api<{ steps: Array<{ providerTime?: { received: string } | null }>; flags: Array<{ kind: string; message: string }> }>(
          'timeline.get',
          { key: '5550001' },
        );
        expect(body.steps.map((s) => s.providerTime?.received)).toEqual(['30/03/2023 - 01:52:00', '30/03/2023 - 01:47:10']);
        expect(body.flags.map((f) => f.kind)).toEqual(['out_of_order']);
        expect(body.flags[0]!.message).toContain('made this event at 30/03/2023 - 01:47:10');
      } finally {
        await gw.close();
      }
    });
  });
});
