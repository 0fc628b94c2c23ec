/**
 * Every keyboard shortcut of the console, in one table: the handlers read their keys from it and
 * the `?` sheet lists it, so the sheet cannot promise a key nothing handles.
 */

export type ShortcutId =
  | 'palette'
  | 'shortcuts'
  | 'inbox.next'
  | 'inbox.previous'
  | 'inbox.open'
  | 'inbox.close'
  | 'inbox.search'
  | 'row.first'
  | 'row.last'
  | 'detail.back'
  | 'lookup.next'
  | 'lookup.previous'
  | 'lookup.open'
  | 'lookup.clear';

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values, any of which does it. */
  keys: readonly string[];
  /** Ctrl (Cmd on a Mac) is held with the key. */
  withMod?: boolean;
  does: string;
  where: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', keys: ['k', 'K'], withMod: true, does: 'Open the command palette: pages, saved views and actions', where: 'Everywhere' },
  { id: 'shortcuts', keys: ['?'], does: 'List these shortcuts', where: 'Everywhere' },
  { id: 'inbox.next', keys: ['j', 'ArrowDown'], does: 'Select the next delivery', where: 'Inbox' },
  { id: 'inbox.previous', keys: ['k', 'ArrowUp'], does: 'Select the previous delivery', where: 'Inbox' },
  { id: 'inbox.open', keys: ['Enter'], does: 'Open the selected delivery on its own page', where: 'Inbox' },
  { id: 'inbox.close', keys: ['Escape'], does: 'Close the delivery pane', where: 'Inbox' },
  { id: 'inbox.search', keys: ['/'], does: 'Search bodies and references', where: 'Inbox' },
  { id: 'row.first', keys: ['Home'], does: 'Go to the first loaded delivery', where: 'A focused inbox row' },
  { id: 'row.last', keys: ['End'], does: 'Go to the last loaded delivery', where: 'A focused inbox row' },
  { id: 'detail.back', keys: ['Escape'], does: 'Go back to where you came from', where: 'Delivery, timeline and session pages' },
  { id: 'lookup.next', keys: ['ArrowDown'], does: 'Choose the next id offered', where: 'Payments lookup' },
  { id: 'lookup.previous', keys: ['ArrowUp'], does: 'Choose the previous id offered', where: 'Payments lookup' },
  { id: 'lookup.open', keys: ['Enter'], does: 'Open the chosen id’s timeline, or the id as typed', where: 'Payments lookup' },
  { id: 'lookup.clear', keys: ['Escape'], does: 'Choose none (back to the typed id)', where: 'Payments lookup' },
];

const byId = new Map(SHORTCUTS.map((s) => [s.id, s]));

export function shortcut(id: ShortcutId): Shortcut {
  return byId.get(id)!;
}

/** The keys that do `id`. */
export function keysOf(id: ShortcutId): readonly string[] {
  return shortcut(id).keys;
}

export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Whether the event is this shortcut's key with exactly the modifiers it takes (Shift aside: `?` needs it). */
export function isShortcut(event: ShortcutKeyEvent, id: ShortcutId): boolean {
  const s = shortcut(id);
  if (!s.keys.includes(event.key) || event.altKey) return false;
  return s.withMod ? event.ctrlKey || event.metaKey : !event.ctrlKey && !event.metaKey;
}

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', Enter: 'Enter', Home: 'Home', End: 'End' };

/** How a shortcut's keys are written for a person: "Ctrl K" (or "⌘ K" on a Mac), "j or ↓". */
export function keyLabels(s: Shortcut, mac: boolean): string[] {
  const keys = [...new Set(s.keys.map((key) => KEY_NAMES[key] ?? (key.length === 1 ? key.toLowerCase() : key)))];
  return s.withMod ? keys.map((key) => `${mac ? '⌘' : 'Ctrl'} ${key.toUpperCase()}`) : keys;
}

/** Whether this looks like a Mac (⌘ instead of Ctrl in the labels). */
export const isMac = (platform: string): boolean => /mac|iphone|ipad/i.test(platform);
