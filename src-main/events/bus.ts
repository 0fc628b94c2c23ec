import type { PushEvent } from '../../src-shared/contract/events.js';

export type PushListener = (event: PushEvent) => void;

/** Fan-out of push events to whoever shows them (IPC windows, SSE clients). */
export class PushBus {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: PushEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window, a dropped stream) must not stop the others.
      }
    }
  }
}
