import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { navigate } from '../../app/router.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { DeliveryRow } from './DeliveryRow.js';
import { InboxFilters } from './InboxFilters.js';
import { filtersFromParams, paramsFromFilters, useDeliveries } from './useDeliveries.js';
import { ListenerHint } from '../settings/ListenerHint.js';
import './inbox.css';

const ROW_HEIGHT = 40;

export function InboxPage({ params }: { params: URLSearchParams }) {
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useDeliveries(filters);
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const first = query.data?.pages[0];
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  // A new filter is a new list: start again at its first row.
  const filterKey = params.toString();
  useEffect(() => setSelected(0), [filterKey]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastVisible >= items.length - 20 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastVisible, items.length, query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const focused = document.activeElement?.tagName;
      if (focused === 'INPUT' || focused === 'SELECT' || focused === 'TEXTAREA' || focused === 'BUTTON') return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, items.length - 1));
      else if (event.key === 'k' || event.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
      else if (event.key === 'Enter' && items[selected]) navigate({ page: 'delivery', id: items[selected].id });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected]);

  useEffect(() => virtualizer.scrollToIndex(selected, { align: 'auto' }), [selected, virtualizer]);

  return (
    <section className="inbox" aria-label="Inbox">
      <InboxFilters filters={filters} onChange={(next) => navigate({ page: 'inbox', params: paramsFromFilters(next) }, true)} />
      <div className="inbox-meta">
        {first ? (
          <span data-testid="inbox-total">
            {first.totalIsEstimate ? 'about ' : ''}
            {first.total.toLocaleString()} {first.total === 1 ? 'delivery' : 'deliveries'}
          </span>
        ) : null}
        {query.isFetching && !query.isPending ? <span>updating…</span> : null}
        <span className="keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
        </span>
      </div>
      <div className="inbox-header" role="row">
        <span>Provider</span>
        <span>Event</span>
        <span>Status</span>
        <span>Amount</span>
        <span>Reference</span>
        <span>Received</span>
        <span>Size</span>
        <span>Signature</span>
      </div>
      {query.isPending ? (
        <Loading label="Loading deliveries…" />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : items.length === 0 ? (
        <Empty>
          {Object.keys(filters).length > 0 ? 'No delivery matches these filters.' : <ListenerHint />}
        </Empty>
      ) : (
        <div className="inbox-scroll" ref={scrollRef} role="table" aria-rowcount={items.length}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((row) => {
              const delivery = items[row.index]!;
              return (
                <div
                  key={delivery.id}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                >
                  <DeliveryRow
                    delivery={delivery}
                    selected={row.index === selected}
                    onOpen={() => {
                      setSelected(row.index);
                      navigate({ page: 'delivery', id: delivery.id });
                    }}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
