import { ErrorState, Loading } from '../../ui/States.js';
import { AttemptList } from './AttemptList.js';
import { BulkReplayForm } from './BulkReplay.js';
import { BulkJobs } from './BulkJobs.js';
import { useReplayAttempts, useReplayProgress } from './useReplay.js';
import { WithReplayTargets } from './TargetPicker.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import './replay.css';

/** Bulk replay of a filtered set, running jobs with progress, and the log of every attempt. */
export function ReplayPage({ params }: { params: URLSearchParams }) {
  useReplayProgress();
  const attempts = useReplayAttempts({ limit: 200 });
  const refusal = useRefusal('replay.bulk.start');
  return (
    <div className="replay-page">
      <section aria-label="Bulk replay">
        <h2>Bulk replay</h2>
        {refusal ? (
          <RoleNotice>{refusal}</RoleNotice>
        ) : (
          <WithReplayTargets>{(targets) => <BulkReplayForm targets={targets} params={params} />}</WithReplayTargets>
        )}
        <BulkJobs />
      </section>
      <section aria-label="Replay log">
        <h2>Replay log</h2>
        {attempts.isPending ? <Loading label="Loading replays…" /> : null}
        {attempts.isError ? <ErrorState error={attempts.error} /> : null}
        {attempts.data ? <AttemptList attempts={attempts.data.items} showDelivery /> : null}
      </section>
    </div>
  );
}
