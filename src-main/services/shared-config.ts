import type { InstanceCoordination } from '../store/coordination-types.js';

/**
 * The configuration each instance keeps in memory, because it is read on every request or
 * delivery rather than from the store: the relay's routes, the listener's settings, the providers'
 * webhook secrets (decrypted once) and the alert settings.
 */
export const SHARED_CONFIG_PARTS = ['relay-routes', 'listener-settings', 'providers', 'alert-settings'] as const;
export type SharedConfigPart = (typeof SHARED_CONFIG_PARTS)[number];

const PREFIX = 'configuration changed: ';

/**
 * Keeps that configuration the same on every instance of a shared store. Without it, a change made
 * through one instance's console (a route paused, a rate limit lowered) would reach the others
 * behind a load balancer only at their next start, and they would go on relaying a paused route
 * meanwhile. So whoever saves a part says so over the instances' channel ("configuration changed:
 * relay-routes", after the save is committed), and every other instance reads that part from the
 * store again. Messages can be lost (the channel is down while the database restarts): when the
 * channel listens again, every part is read again. A store of one process (SQLite) has no channel,
 * and then this does nothing.
 */
export class SharedConfig {
  private reloads: Record<SharedConfigPart, () => Promise<void>> | null = null;
  /** Per part, the reload under way, and whether another was asked for meanwhile (one more runs after it). */
  private readonly running = new Map<SharedConfigPart, Promise<void>>();
  private readonly again = new Set<SharedConfigPart>();
  private readonly stops: Array<() => void> = [];

  constructor(
    private readonly coordination: InstanceCoordination | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** This instance saved `part`: the others read it again. */
  changed(part: SharedConfigPart): void {
    this.coordination
      ?.broadcast(`${PREFIX}${part}`)
      .catch((error) => this.log(`could not tell the other instances that the ${part} changed: ${(error as Error).message}`));
  }

  /** Reads a part again (from the store) whenever another instance says it changed. */
  listen(reloads: Record<SharedConfigPart, () => Promise<void>>): void {
    const coordination = this.coordination;
    if (!coordination || this.reloads) return;
    this.reloads = reloads;
    this.stops.push(
      coordination.onMessage((message) => {
        if (!message.startsWith(PREFIX)) return;
        const part = message.slice(PREFIX.length) as SharedConfigPart;
        // A part a newer instance knows and this one does not: nothing of it is kept here.
        if (SHARED_CONFIG_PARTS.includes(part)) this.reload(part);
      }),
      coordination.onListeningAgain(() => {
        for (const part of SHARED_CONFIG_PARTS) this.reload(part);
      }),
    );
  }

  /** Stops listening and waits for the reloads under way. */
  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    this.reloads = null;
    this.again.clear();
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private reload(part: SharedConfigPart): void {
    const reloads = this.reloads;
    if (!reloads) return;
    // One at a time per part, so a slow read never lands after a newer one.
    if (this.running.has(part)) {
      this.again.add(part);
      return;
    }
    const run = reloads[part]()
      .catch((error) => this.log(`could not read the ${part} again after another instance changed them: ${(error as Error).message}`))
      .finally(() => {
        this.running.delete(part);
        if (this.again.delete(part)) this.reload(part);
      });
    this.running.set(part, run);
  }
}
