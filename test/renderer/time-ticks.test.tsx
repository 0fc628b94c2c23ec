// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Time } from '../../src-renderer/ui/Time.js';
import { TICK_MS } from '../../src-renderer/ui/clock.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

let parentRenders = 0;
function Row() {
  parentRenders++;
  return <Time iso="2026-11-05T11:59:40.000Z" />;
}

describe('relative times', () => {
  it('update by themselves while shown, without the page re-rendering', () => {
    vi.useFakeTimers({ now: new Date('2026-11-05T12:00:00.000Z') });
    parentRenders = 0;
    render(<Row />);
    expect(screen.getByText('20 s ago')).toBeTruthy();
    act(() => vi.advanceTimersByTime(TICK_MS * 2));
    expect(screen.getByText('1 min ago')).toBeTruthy();
    act(() => vi.advanceTimersByTime(TICK_MS * 10));
    expect(screen.getByText('6 min ago')).toBeTruthy();
    expect(parentRenders).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    cleanup();
    // Nothing shows a relative time: the one timer stops.
    expect(vi.getTimerCount()).toBe(0);
  });
});
