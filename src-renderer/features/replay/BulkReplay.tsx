import { useId, useState } from 'react';
import type { ReplayJob, ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { providerIds } from '../../../src-shared/domain/provider.js';
import { ConsoleError } from '../../transport/types.js';
import { Empty, ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { ConfirmSend } from './ConfirmSend.js';
import { TargetSelect } from './TargetPicker.js';
import { bulkFormFromParams, bulkStartInput, hasCriterion, type BulkFormState } from './bulk-form.js';
import { useBulkJobs, useCancelBulk, useStartBulk } from './useReplay.js';

/** Replay a filtered set of deliveries (in received order) to one target. */
export function BulkReplayForm({ targets, params }: { targets: ReplayTargetView[]; params: URLSearchParams }) {
  const start = useStartBulk();
  const [form, setForm] = useState<BulkFormState>(() => ({ targetId: targets[0]!.id, ...bulkFormFromParams(params) }));
  const [confirming, setConfirming] = useState(false);
  const targetFieldId = useId();
  const set = (change: Partial<BulkFormState>) => setForm((f) => ({ ...f, ...change }));
  const target = targets.find((t) => t.id === form.targetId) ?? targets[0]!;
  const submit = (confirm: boolean) => {
    setConfirming(false);
    start.mutate(bulkStartInput({ ...form, targetId: target.id }, confirm), {
      onError: (error) => error instanceof ConsoleError && error.code === 'conflict' && setConfirming(true),
    });
  };
  return (
    <form
      className="stack"
      aria-label="Bulk replay"
      onSubmit={(event) => {
        event.preventDefault();
        if (target.needsConfirmation) setConfirming(true);
        else submit(false);
      }}
    >
      <div className="row">
        <label htmlFor={targetFieldId}>Target</label>
        <TargetSelect id={targetFieldId} label="Bulk target" targets={targets} value={target.id} onChange={(targetId) => set({ targetId })} />
        <label>
          Provider{' '}
          <select aria-label="Bulk provider" value={form.provider} onChange={(e) => set({ provider: e.target.value })}>
            <option value="">any</option>
            {providerIds.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <input aria-label="Bulk search" type="search" placeholder="search text, e.g. a payment id" value={form.q} onChange={(e) => set({ q: e.target.value })} />
        <input aria-label="Bulk event type" placeholder="event type" value={form.eventType} onChange={(e) => set({ eventType: e.target.value })} />
        <label>
          At most{' '}
          <input
            aria-label="Concurrency"
            type="number"
            min={1}
            max={8}
            value={form.concurrency}
            onChange={(e) => set({ concurrency: Math.min(8, Math.max(1, Number(e.target.value) || 1)) })}
          />{' '}
          at a time
        </label>
        <label className="row">
          <input type="checkbox" checked={form.resign} disabled={!target.hasSigningSecret} onChange={(e) => set({ resign: e.target.checked })} />
          Re-sign
        </label>
      </div>
      <p className="muted">Deliveries are sent once each, oldest first. With more than one at a time, later ones may finish before earlier ones.</p>
      <button type="submit" disabled={!hasCriterion(form) || start.isPending}>
        Replay matching deliveries
      </button>
      {!hasCriterion(form) ? <p className="muted">Choose a provider, a search or an event type first.</p> : null}
      {confirming ? <ConfirmSend target={target} onConfirm={() => submit(true)} onCancel={() => setConfirming(false)} /> : null}
      {start.isError && !(start.error instanceof ConsoleError && start.error.code === 'conflict') ? <ErrorState error={start.error} /> : null}
    </form>
  );
}

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

function JobRow({ job }: { job: ReplayJob }) {
  const cancel = useCancelBulk();
  const done = job.succeeded + job.failed + job.skipped;
  return (
    <li data-job-id={job.id} data-state={job.state}>
      <div className="row">
        <strong>{job.target.name}</strong> · {job.state} · <Time iso={job.startedAt} />
        {job.state === 'running' ? (
          <button type="button" onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending}>
            Cancel
          </button>
        ) : null}
      </div>
      <progress className="replay-progress" max={job.total} value={done} aria-label={`Progress of ${job.target.name}`} />
      <p className="muted">
        {done} of {job.total} · {job.succeeded} ok · {job.failed} failed · {job.skipped} skipped
        {job.lastError ? ` · last error: ${job.lastError}` : ''}
      </p>
      {cancel.isError ? <ErrorState error={cancel.error} /> : null}
    </li>
  );
}
