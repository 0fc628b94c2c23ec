import { PushEvent } from '../../src-shared/contract/events.js';
import type { InstanceCoordination } from '../store/coordination-types.js';
import type { PushBus } from './bus.js';

/**
 * Pushes that concern the shared store, carried to the other instances on it: a delivery received
 * (or derived, relayed, a view saved, a bulk replay progressing) on instance A shows live in a
 * console connected to instance B. What is about one instance only (its listener, its alerts,
 * which it works out for itself) stays local.
 */
const SHARED: ReadonlySet<PushEvent['type']> = new Set(['deliveries.received', 'deliveries.updated', 'relay.changed', 'views.changed', 'replay.progress']);

/** A NOTIFY payload is a few kilobytes at most: lists of ids are sent in parts of this many. */
const IDS_PER_MESSAGE = 100;
/** Messages kept waiting while one is sent. */
const MAX_WAITING = 1_000;

const bridged = new WeakMap<PushBus, () => void>();

/**
 * Joins this instance's push bus to the others' through the store's channel (LISTEN/NOTIFY on
 * PostgreSQL); a store of one process (no coordination) needs nothing. Events heard from the others
 * are published here and not sent back. Once per bus (a second call gets the first one's stop).
 */
export function bridgeInstancePushes(bus: PushBus, coordination: InstanceCoordination | undefined, log: (message: string) => void): () => void {
  if (!coordination) return () => {};
  const existing = bridged.get(bus);
  if (existing) return existing;
  const heard = new WeakSet<PushEvent>();
  // One message on its way at a time; what comes meanwhile waits, in order, id lists of one kind
  // merged: a burst's group commits cost a NOTIFY per round trip rather than one each.
  const outbox: PushEvent[] = [];
  let sending = false;
  const drain = async () => {
    sending = true;
    for (let event = outbox.shift(); event; event = outbox.shift()) {
      await coordination
        .broadcast(JSON.stringify(event))
        .catch((error) => log(`could not tell the other instances about ${event!.type}: ${(error as Error).message}`));
    }
    sending = false;
  };
  const send = (event: PushEvent) => {
    const last = outbox[outbox.length - 1];
    if (last && last.type === event.type && 'ids' in last && 'ids' in event && last.ids.length + event.ids.length <= IDS_PER_MESSAGE) {
      last.ids.push(...event.ids);
    } else if (outbox.length < MAX_WAITING) outbox.push(event);
    // Past that (the database out of reach for long), pushes are dropped: they are hints, a refresh shows the rest.
    if (!sending) void drain();
  };
  const unsubscribe = bus.subscribe((event) => {
    if (heard.has(event) || !SHARED.has(event.type)) return;
    if (event.type === 'deliveries.received' || event.type === 'deliveries.updated') {
      for (let i = 0; i < event.ids.length; i += IDS_PER_MESSAGE) send({ type: event.type, ids: event.ids.slice(i, i + IDS_PER_MESSAGE) });
    } else if (event.type === 'relay.changed') {
      for (let i = 0; i < event.deliveryIds.length || i === 0; i += IDS_PER_MESSAGE)
        send({ type: event.type, deliveryIds: event.deliveryIds.slice(i, i + IDS_PER_MESSAGE) });
    } else send(event);
  });
  const stopHearing = coordination.onMessage((message) => {
    let parsed: ReturnType<typeof PushEvent.safeParse>;
    try {
      parsed = PushEvent.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    // Another instance's message that is not a push (or of a newer version) is not ours to show.
    if (!parsed.success || !SHARED.has(parsed.data.type)) return;
    heard.add(parsed.data);
    bus.publish(parsed.data);
  });
  const stop = () => {
    unsubscribe();
    stopHearing();
    bridged.delete(bus);
  };
  bridged.set(bus, stop);
  return stop;
}
