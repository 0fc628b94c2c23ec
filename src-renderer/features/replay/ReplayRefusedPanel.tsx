import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import { AttemptList } from './AttemptList.js';
import { useReplayAttempts } from './useReplay.js';
import './replay.css';

/** The delivery's replay panel for a role that may not replay: why, in words, and the replays made so far. */
export function ReplayRefusedPanel({ delivery, refusal }: { delivery: DeliveryDetail; refusal: string }) {
  const attempts = useReplayAttempts({ deliveryId: delivery.id });
  return (
    <section className="panel replay-panel" aria-label="Replay">
      <h3>Replay</h3>
      <RoleNotice>{refusal}</RoleNotice>
      <h4>Past replays</h4>
      {attempts.isPending ? <Loading label="Loading replays…" /> : null}
      {attempts.isError ? <ErrorState error={attempts.error} /> : null}
      {attempts.data ? <AttemptList attempts={attempts.data.items} /> : null}
    </section>
  );
}
