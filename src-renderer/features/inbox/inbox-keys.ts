/**
 * The inbox keyboard: j/k and the arrows move the selection anywhere on the page (not while
 * typing in a field or on a button), Enter opens it on its own page, Escape closes the detail
 * pane; on a focused row, Enter opens that row and Home/End go to the first and last loaded row.
 * The keys come from the shortcuts table (ui/shortcuts.ts), which the `?` sheet lists.
 */
import { keysOf, type ShortcutId } from '../../ui/shortcuts.js';

export type InboxMove = 'next' | 'previous' | 'first' | 'last';
export type InboxKeyAction = { kind: 'move'; move: InboxMove } | { kind: 'open' } | { kind: 'close' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

const move = (to: InboxMove): InboxKeyAction => ({ kind: 'move', move: to });
const OPEN: InboxKeyAction = { kind: 'open' };
const CLOSE: InboxKeyAction = { kind: 'close' };

/** A key table from shortcut ids: each of a shortcut's keys does its action. */
const keyTable = (entries: Array<[ShortcutId, InboxKeyAction]>): Record<string, InboxKeyAction> =>
  Object.fromEntries(entries.flatMap(([id, action]) => keysOf(id).map((key) => [key, action])));

const PAGE_KEYS = keyTable([
  ['inbox.next', move('next')],
  ['inbox.previous', move('previous')],
  ['inbox.open', OPEN],
  ['inbox.close', CLOSE],
]);
const ROW_KEYS = keyTable([
  ['inbox.open', OPEN],
  ['row.first', move('first')],
  ['row.last', move('last')],
]);
/** Where a key belongs to what has the focus. */
const OWN_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

const plain = (event: KeyLike) => !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey;

/** Fields keep Escape (it leaves the field); a button does not. */
const OWN_ESCAPE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** A key pressed anywhere on the inbox page; `focusedTag` is the tag name of the focused element. */
export function pageKeyAction(event: KeyLike, focusedTag: string | undefined): InboxKeyAction | null {
  const own = keysOf('inbox.close').includes(event.key) ? OWN_ESCAPE : OWN_KEYS;
  if (!plain(event) || (focusedTag !== undefined && own.has(focusedTag))) return null;
  return Object.hasOwn(PAGE_KEYS, event.key) ? PAGE_KEYS[event.key]! : null;
}

/** A key pressed on a focused row (before the page sees it). */
export function rowKeyAction(event: KeyLike): InboxKeyAction | null {
  if (!plain(event)) return null;
  return Object.hasOwn(ROW_KEYS, event.key) ? ROW_KEYS[event.key]! : null;
}

/** The selected index after a move, within the `count` loaded rows. */
export function moved(index: number, to: InboxMove, count: number): number {
  if (count === 0) return 0;
  const last = count - 1;
  if (to === 'first') return 0;
  if (to === 'last') return last;
  return Math.min(Math.max(index + (to === 'next' ? 1 : -1), 0), last);
}

/**
 * The one row Tab reaches (roving tabindex): the selected row while it is rendered, otherwise
 * the first rendered one (the list is virtualized, so the selected row may be scrolled away).
 */
export function tabbableRow(selected: number, rendered: readonly number[]): number | null {
  return rendered.includes(selected) ? selected : (rendered[0] ?? null);
}
