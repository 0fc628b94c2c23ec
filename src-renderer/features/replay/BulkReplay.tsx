import { useId, useState } from 'react';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { DeliveryEnvironment } from '../../../src-shared/contract/deliveries.js';
import { NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import { VerificationStatus } from '../../../src-shared/domain/verification.js';
import { providerIds } from '../../../src-shared/domain/provider.js';
import { ErrorState } from '../../ui/States.js';
import { ConfirmBulk } from './ConfirmBulk.js';
import { TargetSelect } from './TargetPicker.js';
import { bulkFilter, bulkFormFromParams, bulkStartInput, filterWords, hasCriterion, type BulkFormState, type FilterName } from './bulk-form.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { useBulkCount, useStartBulk } from './useReplay.js';

const SELECTS: Array<{ name: FilterName; label: string; any: string; options: readonly string[] }> = [
  { name: 'provider', label: 'Provider', any: 'any provider', options: [...providerIds, 'unknown'] },
  { name: 'status', label: 'Status', any: 'any status', options: NormalizedStatus.options },
  { name: 'verification', label: 'Signature', any: 'any signature', options: [...VerificationStatus.options, 'pending'] },
  { name: 'environment', label: 'Environment', any: 'any environment', options: DeliveryEnvironment.options },
];

/**
 * Replay every delivery matching the inbox's filters (all of them, carried in the route) to one
 * target, oldest first. The count is shown as the filters change, and asked about every time.
 */
export function BulkReplayForm({ targets, params }: { targets: ReplayTargetView[]; params: URLSearchParams }) {
  const start = useStartBulk();
  const [form, setForm] = useState<BulkFormState>(() => ({ targetId: targets[0]!.id, ...bulkFormFromParams(params) }));
  const [confirming, setConfirming] = useState<number | null>(null);
  const ids = { target: useId(), concurrency: useId() };
  const target = targets.find((t) => t.id === form.targetId) ?? targets[0]!;
  const setFilter = (name: FilterName, value: string) => setForm((f) => ({ ...f, filter: { ...f.filter, [name]: value } }));
  const criterion = hasCriterion(form);
  const filter = bulkFilter(form);
  // Counted once typing stops (the key is text: a new filter object every render is the same filter).
  const filterKey = criterion ? JSON.stringify(filter) : null;
  const settledKey = useDebounced(filterKey);
  const count = useBulkCount(settledKey === null ? null : (JSON.parse(settledKey) as typeof filter));
  const known = count.data && !count.isPlaceholderData && settledKey === filterKey ? count.data : null;
  const sendable = known !== null && known.count > 0 && !known.tooMany;

  return (
    <form
      className="stack bulk-form"
      aria-label="Bulk replay"
      onSubmit={(event) => {
        event.preventDefault();
        // Asked every time, for the count as it is now.
        void count.refetch().then((fresh) => {
          if (fresh.data && fresh.data.count > 0 && !fresh.data.tooMany) setConfirming(fresh.data.count);
        });
      }}
    >
      <div className="row">
        <label htmlFor={ids.target}>Target</label>
        <TargetSelect id={ids.target} label="Bulk target" targets={targets} value={target.id} onChange={(targetId) => setForm((f) => ({ ...f, targetId }))} />
      </div>
      <fieldset className="bulk-filters">
        <legend>Deliveries</legend>
        {SELECTS.map((select) => (
          <label key={select.name}>
            {select.label}
            <select value={form.filter[select.name]} onChange={(e) => setFilter(select.name, e.target.value)}>
              <option value="">{select.any}</option>
              {select.options.map((option) => (
                <option key={option} value={option}>
                  {option.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Event type
          <input value={form.filter.eventType} placeholder="any" onChange={(e) => setFilter('eventType', e.target.value)} />
        </label>
        <label className="bulk-search">
          Search
          <input type="search" placeholder="text in the body, e.g. a payment id" value={form.filter.q} onChange={(e) => setFilter('q', e.target.value)} />
        </label>
        {form.filter.since || form.filter.until ? (
          <p className="bulk-time">
            {filterWords({ since: filter.since, until: filter.until })}{' '}
            <button
              type="button"
              onClick={() => {
                setFilter('since', '');
                setFilter('until', '');
              }}
            >
              Any time
            </button>
          </p>
        ) : null}
      </fieldset>
      <div className="row">
        <label htmlFor={ids.concurrency}>At most</label>
        <input
          id={ids.concurrency}
          className="bulk-concurrency"
          type="number"
          min={1}
          max={8}
          value={form.concurrency}
          onChange={(e) => setForm((f) => ({ ...f, concurrency: Math.min(8, Math.max(1, Number(e.target.value) || 1)) }))}
        />
        <span>at a time</span>
        <label className="row">
          <input
            type="checkbox"
            checked={form.resign}
            disabled={!target.hasSigningSecret}
            onChange={(e) => setForm((f) => ({ ...f, resign: e.target.checked }))}
          />
          Re-sign with the target's secret
        </label>
      </div>
      <p className="bulk-count" aria-live="polite" data-testid="bulk-count">
        {!criterion
          ? 'Choose at least one filter: a bulk replay of everything stored is never meant.'
          : known === null
            ? 'Counting…'
            : known.tooMany
              ? `More than ${known.limit.toLocaleString()} deliveries match: narrow the filter.`
              : known.count === 0
                ? 'No delivery matches.'
                : `${known.count.toLocaleString()} ${known.count === 1 ? 'delivery matches' : 'deliveries match'}: ${filterWords(filter)}.`}
      </p>
      <p className="muted">
        Sent once each, oldest first; with more than one at a time, later ones may finish first. If the target stops answering, the job pauses by itself.
      </p>
      <button type="submit" className="primary" disabled={!sendable || start.isPending}>
        {known && sendable ? `Replay ${known.count.toLocaleString()} matching…` : 'Replay matching…'}
      </button>
      {confirming !== null ? (
        <ConfirmBulk
          target={target}
          count={confirming}
          what={filterWords(filter)}
          concurrency={form.concurrency}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const expected = confirming;
            setConfirming(null);
            start.mutate(bulkStartInput({ ...form, targetId: target.id }, expected), { onError: () => void count.refetch() });
          }}
        />
      ) : null}
      {start.isError ? <ErrorState error={start.error} /> : null}
    </form>
  );
}
