import { useEffect, useRef, useState } from 'react';
import { providerIds } from '../../../src-shared/domain/provider.js';
import { VerificationStatus } from '../../../src-shared/domain/verification.js';
import type { InboxFilters as Filters } from './useDeliveries.js';

export function InboxFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [text, setText] = useState(filters.q ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const set = (key: keyof Filters, value: string) => onChange({ ...filters, [key]: value || undefined });
  return (
    <form
      className="filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        set('q', text.trim());
      }}
    >
      <input
        ref={searchRef}
        type="search"
        name="q"
        placeholder="Search bodies and references  ( / )"
        aria-label="Search deliveries"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <select aria-label="Provider" value={filters.provider ?? ''} onChange={(event) => set('provider', event.target.value)}>
        <option value="">All providers</option>
        {[...providerIds, 'unknown'].map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <select aria-label="Verification" value={filters.verification ?? ''} onChange={(event) => set('verification', event.target.value)}>
        <option value="">Any signature</option>
        {[...VerificationStatus.options, 'pending'].map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
      <button type="submit">Search</button>
    </form>
  );
}
