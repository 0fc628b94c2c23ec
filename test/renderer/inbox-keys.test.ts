import { describe, expect, it } from 'vitest';
import { moved, pageKeyAction, rowKeyAction, tabbableRow } from '../../src-renderer/features/inbox/inbox-keys.js';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; defaultPrevented: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...extra,
});

describe('inbox keys', () => {
  it('moves with j/k and the arrows and opens with Enter, anywhere but in a field or on a button', () => {
    expect(pageKeyAction(key('j'), 'BODY')).toEqual({ kind: 'move', move: 'next' });
    expect(pageKeyAction(key('ArrowUp'), 'DIV')).toEqual({ kind: 'move', move: 'previous' });
    expect(pageKeyAction(key('Enter'), undefined)).toEqual({ kind: 'open' });
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']) expect(pageKeyAction(key('j'), tag)).toBeNull();
    expect(pageKeyAction(key('j', { ctrlKey: true }), 'BODY')).toBeNull();
    // A row has handled it already.
    expect(pageKeyAction(key('Enter', { defaultPrevented: true }), 'DIV')).toBeNull();
    expect(pageKeyAction(key('Home'), 'BODY')).toBeNull();
    expect(pageKeyAction(key('toString'), 'BODY')).toBeNull();
  });

  it('closes the detail pane with Escape, also from a button, but leaves Escape to a field', () => {
    expect(pageKeyAction(key('Escape'), 'BODY')).toEqual({ kind: 'close' });
    expect(pageKeyAction(key('Escape'), 'BUTTON')).toEqual({ kind: 'close' });
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA']) expect(pageKeyAction(key('Escape'), tag)).toBeNull();
  });

  it('on a row: Enter opens it, Home and End go to the ends', () => {
    expect(rowKeyAction(key('Enter'))).toEqual({ kind: 'open' });
    expect(rowKeyAction(key('Home'))).toEqual({ kind: 'move', move: 'first' });
    expect(rowKeyAction(key('End'))).toEqual({ kind: 'move', move: 'last' });
    expect(rowKeyAction(key('End', { metaKey: true }))).toBeNull();
    expect(rowKeyAction(key('j'))).toBeNull();
  });

  it('keeps the selection within the loaded rows', () => {
    expect(moved(0, 'previous', 3)).toBe(0);
    expect(moved(2, 'next', 3)).toBe(2);
    expect(moved(1, 'next', 3)).toBe(2);
    expect(moved(1, 'last', 3)).toBe(2);
    expect(moved(2, 'first', 3)).toBe(0);
    expect(moved(0, 'next', 0)).toBe(0);
  });

  it('lets Tab reach the selected row, or the first rendered one when it is scrolled away', () => {
    expect(tabbableRow(5, [3, 4, 5, 6])).toBe(5);
    expect(tabbableRow(0, [40, 41, 42])).toBe(40);
    expect(tabbableRow(0, [])).toBeNull();
  });
});
