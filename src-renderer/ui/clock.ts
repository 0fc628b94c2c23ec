import { useSyncExternalStore } from 'react';

/** Relative times ("5 min ago") are redrawn this often: finer than the minutes they show. */
export const TICK_MS = 30_000;

/**
 * One timer for every relative time on the page: it runs while something shows one, and each
 * tick re-renders only the components that read it (the times), not the lists around them.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const snapshot = () => now;
const still = () => () => {};

/** The current time in milliseconds; while `live`, the component renders again every TICK_MS. */
export function useNow(live: boolean): number {
  useSyncExternalStore(live ? subscribe : still, snapshot);
  return Date.now();
}
