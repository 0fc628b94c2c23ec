import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { TimelineSource } from '../services/timeline-source.js';
import type { ReplayStore } from '../store/replay-types.js';
import { outcomeLine } from './attempt-record.js';

/** Replays in payment timelines: one `replay` step per attempt, linked to its delivery. */
export function createReplayTimelineSource(store: ReplayStore): TimelineSource {
  return {
    async stepsFor({ deliveryIds }) {
      if (deliveryIds.length === 0) return [];
      const attempts = await store.attemptsForDeliveries(deliveryIds);
      return attempts.map(
        (a): TimelineStep => ({
          kind: 'replay',
          id: a.id,
          at: a.startedAt,
          title: `Replayed to ${a.target.name}${a.bodyEdited ? ' (edited body)' : ''}${a.resigned ? ', re-signed' : ''}`,
          provider: a.provider,
          status: null,
          outcome: a.outcome === 'ok' ? 'ok' : 'failed',
          detail: `${a.target.url} · ${outcomeLine(a)}`,
          amount: null,
          deliveryId: a.deliveryId,
          sessionId: null,
        }),
      );
    },
  };
}
