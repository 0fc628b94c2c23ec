import type { QueryKey } from '@tanstack/react-query';

/**
 * Collects query keys to refresh and hands them over at most once per interval: during a burst
 * of deliveries the console refetches a few times a second, not once per commit (each refetch
 * competes with the listener for the main process). The first key after a quiet spell goes at once.
 */
export function coalesceKeys(run: (keys: QueryKey[]) => void, intervalMs = 750): (key: QueryKey) => void {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = -Infinity;
  return (key) => {
    pending.set(JSON.stringify(key), key);
    if (timer !== null) return;
    timer = setTimeout(
      () => {
        timer = null;
        lastRun = Date.now();
        const keys = [...pending.values()];
        pending.clear();
        run(keys);
      },
      Math.max(0, lastRun + intervalMs - Date.now()),
    );
  };
}
