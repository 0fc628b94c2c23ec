import { type CSSProperties, useEffect, useRef } from 'react';
import { columnClass, INBOX_COLUMNS, type InboxRow } from './inbox-columns.js';
import { type InboxKeyAction, rowKeyAction } from './inbox-keys.js';

/**
 * One row of the inbox grid. Only the tabbable row is in the Tab order (roving tabindex); the
 * row takes the focus when a move made from the grid selects it. A click selects the row (the
 * detail pane shows it); Enter opens the delivery's own page.
 */
export function DeliveryRow({
  row,
  rowIndex,
  selected,
  tabbable,
  focused,
  style,
  onSelect,
  onOpen,
  onKey,
}: {
  row: InboxRow;
  /** aria-rowindex: 1-based, the header row is 1. */
  rowIndex: number;
  selected: boolean;
  tabbable: boolean;
  focused: boolean;
  style: CSSProperties;
  onSelect(): void;
  onOpen(): void;
  onKey(action: InboxKeyAction): void;
}) {
  const { delivery } = row;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused && document.activeElement !== ref.current) ref.current?.focus({ preventScroll: true });
  }, [focused]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the list is virtualized: rows are absolutely positioned divs, which <tr> cannot be.
    <div
      ref={ref}
      className={`inbox-row${selected ? ' selected' : ''}`}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-delivery-id={delivery.id}
      style={style}
      onClick={onSelect}
      onKeyDown={(event) => {
        const action = rowKeyAction(event);
        if (!action) return;
        event.preventDefault();
        if (action.kind === 'open') onOpen();
        else onKey(action);
      }}
    >
      {INBOX_COLUMNS.map((column) => (
        // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a cell of the div grid (see the row); the row, not the cell, takes the focus.
        <span key={column.id} className={columnClass(column)} title={column.title?.(row)} role="gridcell">
          {column.cell(row)}
        </span>
      ))}
    </div>
  );
}
