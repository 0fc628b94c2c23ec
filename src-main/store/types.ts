import type { DeliveryProvider } from '../../src-shared/domain/provider.js';
import type { ForwardedInfo, HeaderPair } from '../../src-shared/domain/delivery.js';
import type { VerificationResult, VerificationStatus } from '../../src-shared/domain/verification.js';
import type { CorrelationKey, NormalizedEvent, NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { SecretStore } from './secrets-types.js';
import type { AuditStore } from './audit-types.js';
import type { SessionStore } from './sessions-types.js';
import type { ReplayStore } from './replay-types.js';
import type { StatsStore, TimelineStore } from './timeline-types.js';
import type { StoreMaintenance } from './maintenance-types.js';
import type { DeliveryOrigin } from '../../src-shared/domain/origin.js';
import type { RelayJobSeed, RelayStore } from './relay-types.js';
import type { RelayStateFilter } from '../../src-shared/relay/states.js';
import type { SavedViewStore } from './views-types.js';
import type { AccountStore } from './accounts-types.js';
import type { AuditActorStore } from './audit-actor-types.js';
import type { InstanceCoordination } from './coordination-types.js';

/** A delivery as the listener captured it, before anything is derived from it. */
export interface NewDelivery {
  id: string;
  provider: DeliveryProvider;
  label: string | null;
  receivedAt: string;
  method: string;
  path: string;
  query: string;
  headers: HeaderPair[];
  /** Exact bytes; null when the body was not kept (over the size limit). */
  body: Uint8Array | null;
  size: number;
  bodySha256: string | null;
  remoteAddress: string | null;
  forwarded: ForwardedInfo | null;
  rejected: { httpStatus: number; reason: string } | null;
  /** Set for a delivery imported from a HAR file or a cURL command; absent/null for one the listener received. */
  origin?: DeliveryOrigin | null;
  /** Set when a relay route covers the path: its job is committed in the same transaction. */
  relay?: RelayJobSeed | null;
}

/** What the pipeline works out from a delivery just after it is acknowledged. */
export interface DerivedFields {
  eventType: string | null;
  eventId: string | null;
  parseError: string | null;
  verification: VerificationResult;
  normalized: NormalizedEvent | null;
  correlationKeys: CorrelationKey[];
  schemaIssues: string[];
  /** The inbox's reference column: the most useful correlation key for a person. */
  reference: string | null;
  /** The inbox's amount column. */
  amount: { value: string; currency: string | null } | null;
  /** Text indexed for full-text search (body text, references). */
  searchText: string;
  /**
   * The delivery's stored form (src-main/store/codec: request and derived JSON, deflated), when
   * the derivation thread worked it out; the store packs it itself otherwise. Never read back.
   */
  packed?: Uint8Array;
}

/** What derivation reads of a delivery waiting for it: no more than it needs, since it reads every row. */
export type PendingDelivery = Pick<StoredDelivery, 'seq' | 'id' | 'provider' | 'label' | 'headers' | 'body' | 'rejected'>;

export interface StoredDelivery extends NewDelivery {
  seq: number;
  derived: DerivedFields | null;
  duplicateOf: string | null;
}

export interface DeliverySummaryRecord {
  id: string;
  seq: number;
  provider: DeliveryProvider;
  label: string | null;
  receivedAt: string;
  method: string;
  path: string;
  size: number;
  eventType: string | null;
  verification: VerificationStatus | null;
  /** The label of the secret that matched, read from the stored verification. */
  secretLabel?: string | null;
  status: NormalizedStatus | null;
  amountValue: string | null;
  amountCurrency: string | null;
  reference: string | null;
  parseError: string | null;
  duplicateOf: string | null;
  rejected: { httpStatus: number; reason: string } | null;
}

export interface DeliveryQuery {
  provider?: DeliveryProvider;
  eventType?: string;
  status?: NormalizedStatus;
  verification?: VerificationStatus | 'pending';
  /** The environment the event names (Paychant data.env), lower case. */
  environment?: string;
  /** Where relaying stands (relayed deliveries only). */
  relayState?: RelayStateFilter;
  text?: string;
  since?: string;
  until?: string;
  limit: number;
  /** Return rows with seq below this one (keyset pagination, newest first). */
  beforeSeq?: number;
}

export interface DeliveryPage {
  items: DeliverySummaryRecord[];
  total: number;
  totalIsEstimate: boolean;
  hasMore: boolean;
  /**
   * The correlation key a one-word text names exactly (README "Search", search-semantics.ts):
   * as typed, else in upper, else in lower case; its kind on the earliest delivery that has it.
   * Null (or absent) when there is none.
   */
  matchedKey?: CorrelationKey | null;
  /**
   * For a one-word text of 6+ characters: the key values that start with it (same three forms),
   * then those that hold it elsewhere (`containing` of them, ASCII case aside), whose deliveries
   * the search includes, each with its kind on its earliest delivery; `tooMany` (and no keys)
   * past KEY_PREFIX_LIMIT starting with it, `moreContaining` (and none of those) past the room
   * left. Null (or absent) for any other text. See KeyPrefixAnswer in search-semantics.ts.
   */
  keyPrefix?: { keys: CorrelationKey[]; tooMany: boolean; containing: number; moreContaining: boolean } | null;
}

export interface DeliveryCounts {
  total: number;
  byProvider: Record<string, number>;
}

/** What a saveDerived changed besides its batch's own derived fields. */
export interface DerivedSaveResult {
  /**
   * Stored copies (in the batch or not) whose dedupe link the save re-pointed to an original
   * derived after them: their duplicateOf changed, so a console showing them has to be told.
   * Ids may repeat.
   */
  repointed: string[];
}

/** Deliveries: written by the listener and the pipeline, read by the console. */
export interface DeliveryStore {
  /** Inserts a batch in one transaction (group commit); resolves once it is durable. */
  insertBatch(batch: readonly NewDelivery[]): Promise<void>;
  /**
   * How many insertBatch calls the listener may have under way at once: absent (1) where the
   * store has a single writer (SQLite); a server's store says how many its connections can take.
   */
  readonly concurrentInserts?: number;
  /**
   * Deliveries whose derived fields are missing (just acknowledged, or interrupted by a crash),
   * oldest first, from after `afterSeq` (so a batch still being derived is not read again).
   */
  pendingDerivation(limit: number, afterSeq?: number): Promise<PendingDelivery[]>;
  saveDerived(items: ReadonlyArray<{ id: string; derived: DerivedFields }>): Promise<DerivedSaveResult>;
  /** Clears derived fields so the pipeline works them out again (after a secret changes). Returns how many. */
  markForRederive(filter: { provider?: string; id?: string }): Promise<number>;
  list(query: DeliveryQuery): Promise<DeliveryPage>;
  get(id: string): Promise<StoredDelivery | null>;
  duplicatesOf(id: string): Promise<string[]>;
  counts(): Promise<DeliveryCounts>;
  /** Retention: how many deliveries were received before `cutoff` (ISO time). */
  countReceivedBefore(cutoff: string): Promise<number>;
  /** Retention: deletes up to `limit` of the oldest deliveries received before `cutoff`, with their keys and search rows. */
  pruneReceivedBefore(cutoff: string, limit: number): Promise<number>;
  /** Share of the store file that deleted rows left free (0–1), and a VACUUM that gives it back. */
  freeFraction(): Promise<number>;
  /**
   * Housekeeping for quiet moments: moves the write-ahead log into the database file. Returns
   * the log's size in pages before (so the caller can force it when the log grows too large).
   */
  checkpoint(): Promise<number>;
  /** Gives free space back a step at a time; resolves true while more remains. */
  compact(): Promise<boolean>;
}

/** Small JSON settings, by key. */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Stores the value only when the key has none, in one statement; answers what is stored then:
   * this value, or the one another writer (another instance) stored first.
   */
  setIfAbsent(key: string, value: unknown): Promise<unknown>;
  /**
   * Reads, changes and writes one value as one step (the key's row locked meanwhile): two changes
   * at once, from this instance or another, both apply. `change` gets undefined when none is
   * stored, and must be pure (it may run again). Answers the value written.
   */
  update(key: string, change: (current: unknown) => unknown): Promise<unknown>;
}

/**
 * The typed store every service uses. Asynchronous on purpose: SQLite answers synchronously,
 * a shared PostgreSQL backend for a team server (store/postgres) does not.
 */
export interface Store {
  readonly deliveries: DeliveryStore;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly audit: AuditStore;
  readonly sessions: SessionStore;
  readonly replay: ReplayStore;
  readonly timeline: TimelineStore;
  readonly stats: StatsStore;
  readonly maintenance: StoreMaintenance;
  readonly relay: RelayStore;
  /** Saved inbox views, shared by the team. */
  readonly views: SavedViewStore;
  /** People, API tokens and sign-in sessions (serve mode's accounts). */
  readonly accounts: AccountStore;
  /** The audit log read by who did it. */
  readonly auditActors: AuditActorStore;
  /** Present when several instances share the store (PostgreSQL): takeover of dead ones' work, and a channel between them. */
  readonly coordination?: InstanceCoordination;
  /** Bytes the store takes on disk (the listener's storage quota is checked against it). */
  sizeOnDisk(): Promise<number>;
  close(): Promise<void>;
}
