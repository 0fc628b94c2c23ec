import { describe, expect, it } from 'vitest';
import { isShortcut, keyLabels, keysOf, SHORTCUTS, shortcut } from '../../src-renderer/ui/shortcuts.js';
import { pageKeyAction, rowKeyAction } from '../../src-renderer/features/inbox/inbox-keys.js';
import { escapeLeaves } from '../../src-renderer/ui/escape-key.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...mods,
});

describe('the shortcuts table', () => {
  it('is what the inbox and detail pages handle: every key it lists for them does what it says', () => {
    for (const k of keysOf('inbox.next')) expect(pageKeyAction(key(k), undefined)).toEqual({ kind: 'move', move: 'next' });
    for (const k of keysOf('inbox.previous')) expect(pageKeyAction(key(k), undefined)).toEqual({ kind: 'move', move: 'previous' });
    for (const k of keysOf('inbox.open')) expect(pageKeyAction(key(k), undefined)).toEqual({ kind: 'open' });
    for (const k of keysOf('inbox.close')) expect(pageKeyAction(key(k), undefined)).toEqual({ kind: 'close' });
    for (const k of keysOf('row.first')) expect(rowKeyAction(key(k))).toEqual({ kind: 'move', move: 'first' });
    for (const k of keysOf('row.last')) expect(rowKeyAction(key(k))).toEqual({ kind: 'move', move: 'last' });
    for (const k of keysOf('detail.back')) expect(escapeLeaves(key(k), undefined, false)).toBe(true);
    // And nothing it does not list.
    expect(pageKeyAction(key('x'), undefined)).toBeNull();
  });

  it('has one entry per id, each saying what it does and where', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(s.does.length > 0 && s.where.length > 0 && s.keys.length > 0).toBe(true);
  });

  it('takes Ctrl or Cmd for the palette, and none for the others', () => {
    expect(isShortcut(key('k', { ctrlKey: true }), 'palette')).toBe(true);
    expect(isShortcut(key('k', { metaKey: true }), 'palette')).toBe(true);
    expect(isShortcut(key('k'), 'palette')).toBe(false);
    expect(isShortcut(key('?'), 'shortcuts')).toBe(true);
    expect(isShortcut(key('?', { ctrlKey: true }), 'shortcuts')).toBe(false);
    expect(isShortcut(key('/', { altKey: true }), 'inbox.search')).toBe(false);
  });

  it('writes keys as a person reads them, ⌘ on a Mac', () => {
    expect(keyLabels(shortcut('palette'), false)).toEqual(['Ctrl K']);
    expect(keyLabels(shortcut('palette'), true)).toEqual(['⌘ K']);
    expect(keyLabels(shortcut('inbox.next'), false)).toEqual(['j', '↓']);
    expect(keyLabels(shortcut('inbox.close'), false)).toEqual(['Esc']);
  });
});
