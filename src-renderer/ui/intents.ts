import { useEffect, useRef } from 'react';

/**
 * An action asked for elsewhere (the command palette) that a panel carries out: "replay this
 * delivery" opens the replay editor of the delivery's panel, whether it is on screen already or
 * about to be. An intent not taken within a few seconds lapses, so it never fires by surprise later.
 */
export interface Intent {
  kind: 'replay';
  deliveryId: string;
}

const LAPSES_MS = 5_000;
let pending: { intent: Intent; at: number } | null = null;
const listeners = new Set<() => void>();

export function requestIntent(intent: Intent, now = Date.now()): void {
  pending = { intent, at: now };
  for (const listener of listeners) listener();
}

/** Takes the pending intent if it is this one and has not lapsed. */
export function takeIntent(kind: Intent['kind'], deliveryId: string, now = Date.now()): boolean {
  if (!pending || pending.intent.kind !== kind || pending.intent.deliveryId !== deliveryId) return false;
  const fresh = now - pending.at < LAPSES_MS;
  pending = null;
  return fresh;
}

/** Runs `onIntent` when this intent is asked for (now, or while mounted). */
export function useIntent(kind: Intent['kind'], deliveryId: string, onIntent: () => void): void {
  const latest = useRef(onIntent);
  latest.current = onIntent;
  useEffect(() => {
    const check = () => {
      if (takeIntent(kind, deliveryId)) latest.current();
    };
    check();
    listeners.add(check);
    return () => {
      listeners.delete(check);
    };
  }, [kind, deliveryId]);
}
