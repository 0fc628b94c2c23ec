/**
 * Whether the console's main process answers. The HTTP transport reports every call and the
 * event stream's (re)connections; a page shows a "disconnected" banner while it is down rather
 * than each panel saying "Failed to fetch". The desktop's IPC never goes down.
 */
export type ConnectionState = 'up' | 'down';

export interface ConnectionMonitor {
  state(): ConnectionState;
  /** When the event stream tries again by itself (ms since epoch); null while up or not known. */
  nextAttemptAt(): number | null;
  subscribe(listener: () => void): () => void;
  /** Asks now whether the console answers; resolves to the state found. */
  retry(): Promise<ConnectionState>;
}

export interface ConnectionReporter {
  reached(): void;
  lost(nextAttemptAt?: number | null): void;
}

/** A monitor fed by the transport (`reporter`), with `probe` to ask the console by hand. */
export function createConnectionMonitor(probe: () => Promise<boolean>): { monitor: ConnectionMonitor; reporter: ConnectionReporter } {
  let current: ConnectionState = 'up';
  let next: number | null = null;
  const listeners = new Set<() => void>();
  const set = (state: ConnectionState, nextAttemptAt: number | null) => {
    if (state === current && nextAttemptAt === next) return;
    current = state;
    next = state === 'up' ? null : nextAttemptAt;
    for (const listener of listeners) listener();
  };
  const reporter: ConnectionReporter = {
    reached: () => set('up', null),
    lost: (nextAttemptAt = null) => set('down', nextAttemptAt ?? next),
  };
  const monitor: ConnectionMonitor = {
    state: () => current,
    nextAttemptAt: () => next,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async retry() {
      const ok = await probe().catch(() => false);
      if (ok) reporter.reached();
      else reporter.lost();
      return current;
    },
  };
  return { monitor, reporter };
}

/** What a failed fetch (no answer at all) is called in the console, instead of the browser's "Failed to fetch". */
export const NOT_ANSWERING = 'The console is not answering: Gatewatch may have stopped, or the connection dropped.';

/** The banner's line while the console does not answer. */
export function disconnectedWords(nextAttemptAt: number | null, now: number): string {
  const seconds = nextAttemptAt === null ? null : Math.max(0, Math.ceil((nextAttemptAt - now) / 1000));
  const when = seconds === null ? '' : seconds === 0 ? ' Trying again now…' : ` Trying again in ${seconds} s.`;
  return `Gatewatch is not answering: it may have stopped, or the connection dropped. What is on screen may be out of date.${when}`;
}
