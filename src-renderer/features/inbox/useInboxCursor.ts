import { useState } from 'react';
import { type InboxMove, moved } from './inbox-keys.js';

interface Cursor {
  /** The list the selection belongs to: a new list (new filters) starts at its first row. */
  listKey: string;
  /** The selected delivery; null: none chosen, the first row is the current one. */
  id: string | null;
  /** Whether the detail pane shows the selected delivery. */
  open: boolean;
  /** Whether the selected row should have the focus: the move came from the grid itself. */
  focus: boolean;
  /** The route's selection at the last render, and the one this hook last wrote there. */
  routeSeen: string | null;
  written: string | null;
}

/**
 * The selected inbox row, by delivery id (deliveries arriving on top do not move it onto another
 * one). It starts from the route's selection, reports each change through `onSelect` so the route
 * keeps it, and adopts a selection the route gets from elsewhere (back, forward, a link).
 */
export function useInboxCursor(listKey: string, routeSelected: string | null, ids: readonly string[], onSelect: (id: string | null) => void) {
  const fromRoute = (): Cursor => ({
    listKey,
    id: routeSelected,
    open: routeSelected !== null,
    focus: false,
    routeSeen: routeSelected,
    written: routeSelected,
  });
  const [cursor, setCursor] = useState<Cursor>(fromRoute);
  let current = cursor;
  if (cursor.listKey !== listKey || cursor.routeSeen !== routeSelected) {
    // Our own write coming back through the route keeps the cursor (and its focus); anything else is adopted.
    const ours = cursor.listKey === listKey && routeSelected === cursor.written;
    current = ours ? { ...cursor, routeSeen: routeSelected } : fromRoute();
    setCursor(current);
  }
  const index = current.id === null ? 0 : ids.indexOf(current.id);
  const choose = (id: string | null, open: boolean, focus: boolean) => {
    const written = open ? id : null;
    setCursor({ ...current, id, open, focus, written });
    onSelect(written);
  };
  return {
    /** Index of the current row among `ids`; -1 when the selected delivery is not loaded. */
    selected: index,
    /** The delivery the detail pane shows; null when it is closed. */
    opened: current.open ? current.id : null,
    focusSelected: current.focus,
    move(to: InboxMove, fromGrid: boolean) {
      const id = ids[moved(index, to, ids.length)] ?? null;
      if (id !== null) choose(id, true, fromGrid);
    },
    select(id: string) {
      choose(id, true, false);
    },
    /** Closes the detail pane; the row stays the current one. */
    close() {
      choose(current.id ?? ids[0] ?? null, false, false);
    },
  };
}
