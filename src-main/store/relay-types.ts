import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { RelayAttempt, RelaySimulateSettings } from '../../src-shared/contract/relay.js';
import type { RelaySchedule } from '../../src-shared/relay/backoff.js';
import type { RelayJobState, RelayMode } from '../../src-shared/relay/states.js';

export interface RelayRouteRecord {
  id: string;
  provider: ProviderId;
  label: string | null;
  url: string | null;
  mode: RelayMode;
  timeoutMs: number;
  concurrency: number;
  schedule: RelaySchedule;
  /** With the time the settings were saved: "the next N" counts from then. */
  simulate: (RelaySimulateSettings & { since: string }) | null;
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The job a relayed delivery gets, committed with the delivery itself (NewDelivery.relay). */
export interface RelayJobSeed {
  jobId: string;
  routeId: string;
  mode: RelayMode;
  state: Extract<RelayJobState, 'sending' | 'pending' | 'simulated'>;
  runAt: string;
  maxAttempts: number;
  /**
   * The provider's answer when it is known before the commit: 200 once stored (queue), or the
   * simulated one (status null: no answer at all). Null for a passthrough: the backend's comes later.
   */
  answered: { status: number | null } | null;
}

export interface RelayJobRecord {
  id: string;
  deliveryId: string;
  routeId: string;
  mode: RelayMode;
  state: RelayJobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  lockedAt: string | null;
  lockedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  answeredStatus: number | null;
  answeredAt: string | null;
}

/** A job's new state after a try (or after the provider was answered). */
export interface RelayJobUpdate {
  jobId: string;
  state: RelayJobState;
  attempts: number;
  /** The next try's time (pending), else when it finished. */
  runAt: string;
  lastError: string | null;
  finishedAt: string | null;
  /** Passthrough and simulate: what the provider got, once it got it. */
  answered?: { status: number | null; at: string };
}

/** What one try leaves in the store: the attempt (none for a simulated answer) and the job's new state. */
export interface RelayRecord {
  attempt: RelayAttempt | null;
  update: RelayJobUpdate;
}

export interface RelayRetryQuery {
  deliveryId?: string;
  routeId?: string;
  provider?: ProviderId;
  since?: string;
  until?: string;
}

/** Where a page of listed attempts ends: the last row's time and seq; the next page starts after it. */
export interface RelayAttemptCursor {
  startedAt: string;
  seq: number;
}

/** An attempt as listed: with the store's seq, the tiebreak of equal times (and the cursor's second half). */
export type RelayAttemptListed = RelayAttempt & { seq: number };

export interface RelayAttemptQuery {
  deliveryId?: string;
  routeId?: string;
  limit: number;
  /** Only attempts after this one in the listing's order (older, or as old with a lower seq). */
  before?: RelayAttemptCursor;
}

export interface RelayRouteActivity {
  /** Tries since the window's start, newest first (at most a few thousand). */
  attempts: Array<{ outcome: 'ok' | 'failed'; durationMs: number; startedAt: string; error: string | null }>;
  queueDepth: number;
  oldestPendingAt: string | null;
  deadLetters: number;
}

/**
 * Relay routes, the relay queue and its attempts. Backend-neutral: a PostgreSQL store claims
 * with FOR UPDATE SKIP LOCKED where SQLite's one process claims with an UPDATE.
 */
export interface RelayStore {
  listRoutes(): Promise<RelayRouteRecord[]>;
  getRoute(id: string): Promise<RelayRouteRecord | null>;
  /** Inserts or replaces by id; refuses a second route on one path. */
  putRoute(route: RelayRouteRecord): Promise<void>;
  /** Deletes the route; its waiting deliveries become dead letters with `reason`, in the same transaction. */
  deleteRoute(id: string, reason: string, now: string): Promise<{ deleted: boolean; deadLettered: number }>;
  /** Stores attempts and job states in one transaction. */
  record(batch: readonly RelayRecord[]): Promise<void>;
  /** Locks up to `limit` of the route's due jobs for this worker, oldest first. */
  claimDue(routeId: string, now: string, limit: number, workerId: string): Promise<RelayJobRecord[]>;
  /** The earliest run_at among waiting, unlocked jobs of these routes. */
  nextRunAt(routeIds: readonly string[]): Promise<string | null>;
  /** Unlocks these claimed jobs without a try (their route was paused or deleted). */
  releaseClaims(jobIds: readonly string[]): Promise<void>;
  /** Releases locks held by any other worker (at start: a crashed process's). Returns how many. */
  releaseLocks(exceptWorker: string): Promise<number>;
  /** Passthroughs a previous process left waiting for the backend's answer: failed with `reason`. */
  failInterrupted(reason: string, now: string): Promise<number>;
  jobsForDeliveries(deliveryIds: readonly string[]): Promise<RelayJobRecord[]>;
  /**
   * Attempts of a delivery and/or a route (or all), newest first by startedAt then seq, keyset-paged:
   * pass the last row's { startedAt, seq } as `before` for the next page.
   */
  listAttempts(query: RelayAttemptQuery): Promise<RelayAttemptListed[]>;
  /** Oldest first. */
  attemptsForDeliveries(deliveryIds: readonly string[]): Promise<RelayAttempt[]>;
  /**
   * Failed jobs matching the query made due now with one more try: their delivery ids, and how
   * many matched but were left (their route is gone or has no destination).
   */
  retryFailed(query: RelayRetryQuery, now: string): Promise<{ retried: string[]; withoutRoute: number }>;
  routeActivity(routeId: string, since: string): Promise<RelayRouteActivity>;
  /** Simulated answers on a route since an instant ("the next N" already used). */
  countSimulated(routeId: string, since: string): Promise<number>;
}
