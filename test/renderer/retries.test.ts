import { describe, expect, it } from 'vitest';
import { collapseRetries } from '../../src-renderer/ui/retries.js';
import { escapeLeaves } from '../../src-renderer/ui/escape-key.js';

interface Row {
  id: string;
  of: string | null;
}
const rows: Row[] = [
  { id: 'r3', of: 'a' },
  { id: 'b', of: null },
  { id: 'r2', of: 'a' },
  { id: 'orphan', of: 'gone' },
  { id: 'a', of: null },
];
const collapse = (show: boolean) =>
  collapseRetries(
    rows,
    (r) => r.id,
    (r) => r.of,
    show,
  ).map(({ item, retries }) => [item.id, retries]);

describe('retries under their original', () => {
  it('leaves out retries whose original is listed and counts them on it; keeps a retry whose original is not there', () => {
    expect(collapse(false)).toEqual([
      ['b', 0],
      ['orphan', 0],
      ['a', 2],
    ]);
  });

  it('shows every item when asked, the original still carrying its count', () => {
    expect(collapse(true)).toEqual([
      ['r3', 0],
      ['b', 0],
      ['r2', 0],
      ['orphan', 0],
      ['a', 2],
    ]);
  });
});

describe('Escape on a detail page', () => {
  const key = (extra: Partial<Parameters<typeof escapeLeaves>[0]> = {}) => ({
    key: 'Escape',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    ...extra,
  });
  it('leaves the page, except in a field, in an open dialog, with a modifier or when handled', () => {
    expect(escapeLeaves(key(), 'BODY', false)).toBe(true);
    expect(escapeLeaves(key(), 'A', false)).toBe(true);
    expect(escapeLeaves(key(), 'INPUT', false)).toBe(false);
    expect(escapeLeaves(key(), 'BODY', true)).toBe(false);
    expect(escapeLeaves(key({ ctrlKey: true }), 'BODY', false)).toBe(false);
    expect(escapeLeaves(key({ defaultPrevented: true }), 'BODY', false)).toBe(false);
    expect(escapeLeaves(key({ key: 'j' }), 'BODY', false)).toBe(false);
  });
});
