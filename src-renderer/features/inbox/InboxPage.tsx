import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { navigate } from '../../app/router.js';
import { collapseRetries } from '../../ui/retries.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { ListenerHint } from '../settings/ListenerHint.js';
import { DeliveryRow } from './DeliveryRow.js';
import { columnClass, INBOX_COLUMNS, type InboxRow } from './inbox-columns.js';
import { type InboxKeyAction, pageKeyAction, tabbableRow } from './inbox-keys.js';
import { InboxDetailPane } from './InboxDetailPane.js';
import { InboxFilters } from './InboxFilters.js';
import { listKeyOf, retriesShown, selectedIn, withFilters, withRetries, withSelected } from './inbox-view.js';
import { rememberedScroll, rememberScroll } from './scroll-memory.js';
import { useInboxCursor } from './useInboxCursor.js';
import { filtersFromParams, paramsFromFilters, useDeliveries } from './useDeliveries.js';
import { ReplayMatchingLink } from '../replay/ReplayMatchingLink.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { ExportLinks } from '../interop/ExportLinks.js';
import { IdMatchNote } from './IdMatchNote.js';
import './inbox.css';

const ROW_HEIGHT = 40;
/** The sticky header row inside the scrolled grid (see inbox.css). */
const HEADER_HEIGHT = 30;

/**
 * The inbox: an ARIA grid of divs (virtualized, so not a <table>), one row per delivery, retries
 * collapsed under their original unless shown, and the selected delivery in a pane beside the
 * list. The selected row is the one Tab reaches; j/k and the arrows move it (the pane follows),
 * Enter opens it on its own page, Escape closes the pane. Filters, selection and the retries
 * toggle are in the route; the scroll position is remembered per list.
 */
export function InboxPage({ params }: { params: URLSearchParams }) {
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const showRetries = retriesShown(params);
  const listKey = listKeyOf(params);
  const listParams = useMemo(() => withSelected(params, null), [params]);
  const query = useDeliveries(filters);
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const rows: InboxRow[] = useMemo(
    () =>
      collapseRetries(
        items,
        (d) => d.id,
        (d) => d.duplicateOf,
        showRetries,
      ).map(({ item, retries }) => ({ delivery: item, retries })),
    [items, showRetries],
  );
  const ids = useMemo(() => rows.map((r) => r.delivery.id), [rows]);
  const hidden = items.length - rows.length;
  const first = query.data?.pages[0];
  const gridRef = useRef<HTMLDivElement>(null);
  const cursor = useInboxCursor(listKey, selectedIn(params), ids, (id) => navigate({ page: 'inbox', params: withSelected(params, id) }, true));
  const { selected, move } = cursor;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => rememberedScroll(listKey),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? 0;
  const tabbable = tabbableRow(
    selected,
    virtualItems.map((row) => row.index),
  );
  const open = (id: string) => navigate({ page: 'delivery', id, params: listParams });

  useEffect(() => {
    if (lastVisible >= rows.length - 20 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastVisible, rows.length, query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = pageKeyAction(event, document.activeElement?.tagName);
      if (!action || document.querySelector('dialog[open]')) return;
      if (action.kind === 'close') {
        if (!cursor.opened) return;
        event.preventDefault();
        cursor.close();
        return;
      }
      event.preventDefault();
      if (action.kind === 'open') {
        // The selected id from the route opens even before its list has loaded again.
        const id = ids[selected] ?? selectedIn(params);
        if (id) open(id);
      } else move(action.move, gridRef.current?.contains(document.activeElement) ?? false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  const onRowKey = (action: InboxKeyAction) => {
    if (action.kind === 'move') move(action.move, true);
  };

  return (
    <section className={`inbox${cursor.opened ? ' with-pane' : ''}`} aria-label="Inbox">
      <InboxFilters filters={filters} onChange={(next) => navigate({ page: 'inbox', params: withFilters(paramsFromFilters(next), params) }, true)} />
      {/* Not from the previous search's page while this one loads. */}
      <IdMatchNote q={filters.q?.trim() ?? ''} answer={filters.q && !query.isPlaceholderData ? first : null} inbox={listParams} />
      <div className="inbox-meta">
        {first ? (
          <span data-testid="inbox-total">
            {first.totalIsEstimate ? 'about ' : ''}
            {first.total.toLocaleString()} {first.total === 1 ? 'delivery' : 'deliveries'}
          </span>
        ) : null}
        <ReplayMatchingLink params={params} total={first?.total ?? null} />
        <CopyLinkButton />
        <ExportLinks filter={filters} />
        <label className="show-retries">
          <input
            type="checkbox"
            checked={showRetries}
            onChange={(event) => navigate({ page: 'inbox', params: withRetries(params, event.target.checked) }, true)}
          />
          Show retries
          {hidden > 0 ? <span data-testid="retries-hidden"> ({hidden.toLocaleString()} collapsed)</span> : null}
        </label>
        {query.isFetching && !query.isPending ? <span>updating…</span> : null}
        <span className="keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · <kbd>/</kbd> search
        </span>
      </div>
      <div className="inbox-body">
        <div className="inbox-list">
          {/* biome-ignore lint/a11y/useSemanticElements: a virtualized grid of divs (see DeliveryRow); a <table> cannot hold absolutely positioned rows. */}
          <div
            ref={gridRef}
            className={`inbox-grid${rows.length > 0 ? ' has-rows' : ''}`}
            role="grid"
            aria-label="Deliveries"
            aria-rowcount={first && !first.totalIsEstimate && hidden === 0 ? first.total + 1 : -1}
            onScroll={(event) => rememberScroll(listKey, event.currentTarget.scrollTop)}
          >
            {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the header row of the div grid only names the columns; the rows below take the focus. */}
            <div className="inbox-header" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {INBOX_COLUMNS.map((column) => (
                // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a column header of the div grid; it does not sort, so it takes no focus.
                <span key={column.id} role="columnheader" className={columnClass(column)}>
                  {column.header}
                </span>
              ))}
            </div>
            {rows.length > 0 ? (
              <div className="inbox-rows" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
                {virtualItems.map((item) => {
                  const row = rows[item.index]!;
                  const id = row.delivery.id;
                  return (
                    <DeliveryRow
                      key={id}
                      row={row}
                      rowIndex={item.index + 2}
                      selected={item.index === selected}
                      tabbable={item.index === tabbable}
                      focused={item.index === selected && cursor.focusSelected}
                      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                      onSelect={() => cursor.select(id)}
                      onOpen={() => open(id)}
                      onKey={onRowKey}
                    />
                  );
                })}
              </div>
            ) : null}
          </div>
          {query.isPending ? (
            <Loading label="Loading deliveries…" />
          ) : query.isError ? (
            <ErrorState error={query.error} />
          ) : rows.length === 0 ? (
            <Empty>{Object.keys(filters).length > 0 ? 'No delivery matches these filters.' : <ListenerHint />}</Empty>
          ) : null}
        </div>
        {cursor.opened ? <InboxDetailPane id={cursor.opened} listParams={listParams} onClose={cursor.close} /> : null}
      </div>
    </section>
  );
}
