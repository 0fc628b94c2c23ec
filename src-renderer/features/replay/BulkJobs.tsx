import { useState } from 'react';
import type { ReplayJob } from '../../../src-shared/contract/replay.js';
import { Empty, ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { ConfirmBulk } from './ConfirmBulk.js';
import { canRetryFailed, doneCount, progressLine, progressSegments } from './bulk-progress.js';
import { useBulkJobs, useCancelBulk, useResumeBulk, useRetryFailed } from './useReplay.js';
import { useRefusal } from '../../app/identity.js';

export function BulkJobs() {
  const jobs = useBulkJobs();
  if (jobs.isPending || jobs.isError || jobs.data.jobs.length === 0) {
    return jobs.isError ? <ErrorState error={jobs.error} /> : <Empty>No bulk replays since the console started.</Empty>;
  }
  return (
    <ul className="replay-jobs" aria-label="Bulk replays">
      {jobs.data.jobs.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
    </ul>
  );
}

/** Sent ok in green, failed in red, skipped in grey; the rest of the track is still to go. */
function ProgressBar({ job }: { job: ReplayJob }) {
  return (
    <div
      className="bulk-progress"
      role="progressbar"
      aria-label={`Progress of the replay to ${job.target.name}`}
      aria-valuemin={0}
      aria-valuemax={job.total}
      aria-valuenow={doneCount(job)}
      aria-valuetext={progressLine(job)}
    >
      {progressSegments(job).map((segment) => (
        <span key={segment.kind} className={`bulk-progress-${segment.kind}`} style={{ width: `${segment.percent}%` }} data-count={segment.count} />
      ))}
    </div>
  );
}

function JobRow({ job }: { job: ReplayJob }) {
  const cancel = useCancelBulk();
  const resume = useResumeBulk();
  const retry = useRetryFailed();
  const [confirmingRetry, setConfirmingRetry] = useState(false);
  const error = cancel.error ?? resume.error ?? retry.error;
  // A viewer follows jobs; only an operator steers them (the page says so above).
  const steers = useRefusal('replay.bulk.cancel') === null;
  return (
    <li data-job-id={job.id} data-state={job.state}>
      <div className="row">
        <strong>{job.target.name}</strong>
        <span className={`badge job-${job.state}`}>{job.state}</span>
        <Time iso={job.startedAt} />
        {job.retryOf ? <span className="muted">retry of the failures of an earlier job</span> : null}
        {steers && job.state === 'paused' ? (
          <button type="button" onClick={() => resume.mutate(job.id)} disabled={resume.isPending}>
            Resume
          </button>
        ) : null}
        {steers && (job.state === 'running' || job.state === 'paused') ? (
          <button type="button" onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending}>
            Cancel
          </button>
        ) : null}
        {steers && canRetryFailed(job) ? (
          <button type="button" onClick={() => setConfirmingRetry(true)} disabled={retry.isPending}>
            Retry {job.failed.toLocaleString()} failed only
          </button>
        ) : null}
      </div>
      <ProgressBar job={job} />
      <p className="muted">{progressLine(job)}</p>
      {job.pausedReason ? (
        <p className="state-warning" role="status">
          {job.pausedReason}
        </p>
      ) : null}
      {job.lastError ? <p className="bulk-last-error">Last failure: {job.lastError}</p> : null}
      {confirmingRetry ? (
        <ConfirmBulk
          target={job.target}
          count={job.failed}
          what={`The ${job.failed === 1 ? 'delivery' : `${job.failed.toLocaleString()} deliveries`} that failed in this job, and nothing else.`}
          concurrency={job.concurrency}
          onCancel={() => setConfirmingRetry(false)}
          onConfirm={() => {
            setConfirmingRetry(false);
            retry.mutate({ id: job.id, confirm: true, expectedCount: job.failed });
          }}
        />
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </li>
  );
}
