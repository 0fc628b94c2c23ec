/**
 * What a store shared by several running instances (PostgreSQL) gives them; a store only one
 * process opens (SQLite) has none. Backend-neutral: the services see an id, a way to take over
 * dead instances' work, and a channel to every other instance.
 */
export interface InstanceCoordination {
  /** This instance's name in the store: the claims it takes carry it. */
  readonly instanceId: string;
  /** How often to look for work instances left behind (and for work nobody has claimed yet). */
  readonly sweepEveryMs: number;
  /**
   * Frees what instances no longer alive held: queued relay claims are released (sent again by
   * whoever claims them next) and passthroughs they were waiting on are failed with `reason`.
   * Derivations they claimed are taken over by the next claim. Returns how many of each.
   */
  takeOver(reason: string, now: string): Promise<{ relayClaims: number; passthroughs: number }>;
  /** A message to every other instance (at most a few kilobytes; it is lost if none listens). */
  broadcast(message: string): Promise<void>;
  /** Messages from the other instances, never this one's own. */
  onMessage(listener: (message: string) => void): () => void;
  /**
   * Called when the channel listens again after it was lost (a database restart, a silent
   * connection): what the others said meanwhile was not heard, so read again what it would have said.
   */
  onListeningAgain(listener: () => void): () => void;
}
