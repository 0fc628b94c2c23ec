import { useState } from 'react';
import { type InboxMove, moved } from './inbox-keys.js';

interface Cursor {
  /** The filters the index belongs to: a new filter is a new list, which starts at its first row. */
  listKey: string;
  index: number;
  /** Whether the selected row should have the focus: the move came from the grid itself. */
  focus: boolean;
}

/** The selected inbox row, reset to the first one whenever the list (its filters) changes. */
export function useInboxCursor(listKey: string, count: number) {
  const [cursor, setCursor] = useState<Cursor>({ listKey, index: 0, focus: false });
  const current = cursor.listKey === listKey ? cursor : { listKey, index: 0, focus: false };
  return {
    selected: current.index,
    focusSelected: current.focus,
    move(to: InboxMove, fromGrid: boolean) {
      setCursor((c) => ({ listKey, index: moved(c.listKey === listKey ? c.index : 0, to, count), focus: fromGrid }));
    },
    select(index: number) {
      setCursor({ listKey, index, focus: false });
    },
  };
}
