import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceKeys } from '../../src-renderer/transport/coalesce.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('coalesceKeys', () => {
  it('refreshes at once after a quiet spell, then at most once per interval with each key once', () => {
    const runs: unknown[][] = [];
    const refresh = coalesceKeys((keys) => runs.push(keys), 500);
    refresh(['deliveries', 'list']);
    vi.advanceTimersByTime(0);
    expect(runs).toEqual([[['deliveries', 'list']]]);
    for (let i = 0; i < 100; i++) {
      refresh(['deliveries', 'list']);
      refresh(['deliveries', 'detail', `d${i % 3}`]);
    }
    vi.advanceTimersByTime(499);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toHaveLength(4);
  });
});
