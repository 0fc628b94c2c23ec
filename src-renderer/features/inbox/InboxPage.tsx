import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { navigate } from '../../app/router.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { ListenerHint } from '../settings/ListenerHint.js';
import { DeliveryRow } from './DeliveryRow.js';
import { INBOX_COLUMNS } from './inbox-columns.js';
import { type InboxKeyAction, pageKeyAction, tabbableRow } from './inbox-keys.js';
import { InboxFilters } from './InboxFilters.js';
import { useInboxCursor } from './useInboxCursor.js';
import { filtersFromParams, paramsFromFilters, useDeliveries } from './useDeliveries.js';
import './inbox.css';

const ROW_HEIGHT = 40;

/**
 * The inbox: an ARIA grid of divs (virtualized, so not a <table>), one row per delivery. The
 * selected row is the one Tab reaches; j/k and the arrows move it, Enter opens it.
 */
export function InboxPage({ params }: { params: URLSearchParams }) {
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useDeliveries(filters);
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const first = query.data?.pages[0];
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const cursor = useInboxCursor(params.toString(), items.length);
  const { selected, move } = cursor;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? 0;
  const tabbable = tabbableRow(
    selected,
    virtualItems.map((row) => row.index),
  );

  useEffect(() => {
    if (lastVisible >= items.length - 20 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastVisible, items.length, query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = pageKeyAction(event, document.activeElement?.tagName);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'open') {
        if (items[selected]) navigate({ page: 'delivery', id: items[selected].id });
      } else move(action.move, gridRef.current?.contains(document.activeElement) ?? false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, move]);

  useEffect(() => virtualizer.scrollToIndex(selected, { align: 'auto' }), [selected, virtualizer]);

  const onRowKey = (action: InboxKeyAction) => {
    if (action.kind === 'move') move(action.move, true);
  };

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
      {/* biome-ignore lint/a11y/useSemanticElements: a virtualized grid of divs (see DeliveryRow); a <table> cannot hold absolutely positioned rows. */}
      <div
        ref={gridRef}
        className={`inbox-grid${items.length > 0 ? ' has-rows' : ''}`}
        role="grid"
        aria-label="Deliveries"
        aria-rowcount={first && !first.totalIsEstimate ? first.total + 1 : -1}
      >
        {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the header row of the div grid only names the columns; the rows below take the focus. */}
        <div className="inbox-header" role="row" aria-rowindex={1}>
          {INBOX_COLUMNS.map((column) => (
            // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a column header of the div grid; it does not sort, so it takes no focus.
            <span key={column.id} role="columnheader">
              {column.header}
            </span>
          ))}
        </div>
        {items.length > 0 ? (
          <div className="inbox-scroll" ref={scrollRef}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualItems.map((row) => {
                const delivery = items[row.index]!;
                return (
                  <DeliveryRow
                    key={delivery.id}
                    delivery={delivery}
                    rowIndex={row.index + 2}
                    selected={row.index === selected}
                    tabbable={row.index === tabbable}
                    focused={row.index === selected && cursor.focusSelected}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                    onOpen={() => {
                      cursor.select(row.index);
                      navigate({ page: 'delivery', id: delivery.id });
                    }}
                    onKey={onRowKey}
                  />
                );
              })}
            </div>
          </div>
        ) : null}
      </div>
      {query.isPending ? (
        <Loading label="Loading deliveries…" />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : items.length === 0 ? (
        <Empty>{Object.keys(filters).length > 0 ? 'No delivery matches these filters.' : <ListenerHint />}</Empty>
      ) : null}
    </section>
  );
}
