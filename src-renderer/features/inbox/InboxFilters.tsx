import { useEffect, useMemo, useRef, useState } from 'react';
import { providerIds, isProviderId } from '../../../src-shared/domain/provider.js';
import { VerificationStatus } from '../../../src-shared/domain/verification.js';
import { NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import { eventTypes } from '../../../src-shared/providers/event-types.js';
import { DeliveryEnvironment } from '../../../src-shared/contract/deliveries.js';
import type { InboxFilters as Filters } from './useDeliveries.js';
import { fromLocalInput, TIME_PRESETS, toLocalInput } from './time-range.js';
import { RelayStateSelect } from '../relay/RelayStateFilter.js';
import { isShortcut } from '../../ui/shortcuts.js';

const isTyping = (el: Element | null) => el?.tagName === 'INPUT' || el?.tagName === 'TEXTAREA' || el?.tagName === 'SELECT';

/** Every filter the inbox has; each change goes to the route, so the view can be shared and restored. */
export function InboxFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [text, setText] = useState(filters.q ?? '');
  const [eventType, setEventType] = useState(filters.eventType ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => setEventType(filters.eventType ?? ''), [filters.eventType]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isShortcut(event, 'inbox.search') && !isTyping(document.activeElement)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const knownTypes = useMemo(() => {
    const providers = filters.provider && isProviderId(filters.provider) ? [filters.provider] : providerIds;
    return [...new Set(providers.flatMap((p) => eventTypes[p].map((t) => t.type)))].sort();
  }, [filters.provider]);
  const set = (patch: Partial<Filters>) => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const key of Object.keys(next)) if (!next[key]) delete next[key];
    onChange(next as Filters);
  };
  const active = Object.keys(filters).length > 0;
  return (
    <search>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: text.trim() || undefined, eventType: eventType.trim() || undefined });
        }}
      >
        <div className="filters-row">
          <input
            ref={searchRef}
            type="search"
            name="q"
            placeholder="Search bodies and references  ( / )"
            aria-label="Search deliveries"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
            }}
          />
          <button type="submit">Search</button>
          {active ? (
            <button type="button" onClick={() => onChange({})}>
              Clear filters
            </button>
          ) : null}
        </div>
        <div className="filters-row">
          <select
            aria-label="Provider"
            value={filters.provider ?? ''}
            onChange={(event) => set({ provider: (event.target.value || undefined) as Filters['provider'] })}
          >
            <option value="">All providers</option>
            {[...providerIds, 'unknown'].map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
          <input
            className="event-type"
            aria-label="Event type"
            placeholder="Any event type"
            list="inbox-event-types"
            value={eventType}
            onChange={(event) => setEventType(event.target.value)}
            onBlur={() => {
              if ((eventType.trim() || undefined) !== filters.eventType) set({ eventType: eventType.trim() || undefined });
            }}
          />
          <datalist id="inbox-event-types">
            {knownTypes.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <select
            aria-label="Status"
            value={filters.status ?? ''}
            onChange={(event) => set({ status: (event.target.value || undefined) as Filters['status'] })}
          >
            <option value="">Any status</option>
            {NormalizedStatus.options.map((status) => (
              <option key={status} value={status}>
                {status.replace('_', ' ')}
              </option>
            ))}
          </select>
          <select
            aria-label="Verification"
            value={filters.verification ?? ''}
            onChange={(event) => set({ verification: (event.target.value || undefined) as Filters['verification'] })}
          >
            <option value="">Any signature</option>
            {[...VerificationStatus.options, 'pending'].map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
          <select
            aria-label="Environment"
            title="The environment the event names (Paychant's env)"
            value={filters.environment ?? ''}
            onChange={(event) => set({ environment: (event.target.value || undefined) as Filters['environment'] })}
          >
            <option value="">Any environment</option>
            {DeliveryEnvironment.options.map((environment) => (
              <option key={environment} value={environment}>
                {environment}
              </option>
            ))}
          </select>
          <RelayStateSelect value={filters.relay} onChange={(relay) => set({ relay })} />
          <select
            aria-label="Time range"
            value=""
            onChange={(event) => {
              const preset = TIME_PRESETS.find((p) => p.label === event.target.value);
              if (preset) set({ since: new Date(Date.now() - preset.ms).toISOString(), until: undefined });
            }}
          >
            <option value="">Time range…</option>
            {TIME_PRESETS.map((preset) => (
              <option key={preset.label} value={preset.label}>
                {preset.label}
              </option>
            ))}
          </select>
          <label className="time-input">
            from
            <input
              type="datetime-local"
              aria-label="Received from"
              value={toLocalInput(filters.since)}
              onChange={(event) => set({ since: fromLocalInput(event.target.value) })}
            />
          </label>
          <label className="time-input">
            to
            <input
              type="datetime-local"
              aria-label="Received until"
              value={toLocalInput(filters.until)}
              onChange={(event) => set({ until: fromLocalInput(event.target.value) })}
            />
          </label>
        </div>
      </form>
    </search>
  );
}
