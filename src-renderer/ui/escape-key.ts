import { keysOf } from './shortcuts.js';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** Where Escape belongs to what has the focus (it clears or leaves a field, closes a list). */
const OWN_ESCAPE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Whether Escape pressed on a detail page leaves it: not while typing in a field, not while a
 * dialog is open (Escape closes the dialog), not with a modifier, not when something handled it.
 */
export function escapeLeaves(event: KeyLike, focusedTag: string | undefined, dialogOpen: boolean): boolean {
  if (!keysOf('detail.back').includes(event.key) || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !dialogOpen && !(focusedTag !== undefined && OWN_ESCAPE.has(focusedTag));
}
