/**
 * Simulate mode: the answer a route gives instead of forwarding ("fail the next 2 with 500",
 * "always 500", "time out"). Decided when the delivery arrives, before it is committed.
 */
import type { RelayRouteRecord, RelayStore } from '../store/relay-types.js';

export interface SimulatedAnswer {
  /** null: no answer at all (the connection is closed after the delay). */
  status: number | null;
  /** null: the listener's usual `{"id": …}`. */
  body: string | null;
  delayMs: number;
}

interface Counter {
  since: string;
  used: number;
}

/** How many of "the next N" each route has used, counted from the store at start so a restart does not reset them. */
export class SimulateCounters {
  private readonly counters = new Map<string, Counter>();

  async load(routes: readonly RelayRouteRecord[], store: RelayStore): Promise<void> {
    for (const route of routes) {
      const since = route.simulate?.since;
      if (since === undefined || this.counters.get(route.id)?.since === since) continue;
      this.counters.set(route.id, { since, used: await store.countSimulated(route.id, since) });
    }
  }

  decide(route: RelayRouteRecord): SimulatedAnswer {
    const s = route.simulate!;
    if (s.failNext !== null) {
      const counter = this.counter(route);
      counter.used += 1;
      // Past the N: accepted, as the listener accepts any stored delivery.
      if (counter.used > s.failNext) return { status: 200, body: null, delayMs: 0 };
    }
    if (s.noAnswer) return { status: null, body: null, delayMs: s.delayMs || route.timeoutMs };
    return { status: s.status, body: s.body, delayMs: s.delayMs };
  }

  /** The delivery was not stored after all: its simulated answer does not count. */
  undo(route: RelayRouteRecord): void {
    const counter = this.counters.get(route.id);
    if (counter && counter.since === route.simulate?.since && counter.used > 0) counter.used -= 1;
  }

  remaining(route: RelayRouteRecord): number | null {
    const s = route.simulate;
    if (!s || s.failNext === null) return null;
    return Math.max(0, s.failNext - this.counter(route).used);
  }

  private counter(route: RelayRouteRecord): Counter {
    const since = route.simulate!.since;
    let counter = this.counters.get(route.id);
    if (!counter || counter.since !== since) {
      counter = { since, used: 0 };
      this.counters.set(route.id, counter);
    }
    return counter;
  }
}
