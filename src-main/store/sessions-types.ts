/** Payment sessions created by hand, their calls, and withdraw tx hash lookups. */
import type { LinkedDelivery, Session, TxLookup } from '../../src-shared/sessions/domain.js';

export interface SessionStore {
  /** Inserts or replaces a session with its correlation keys. */
  save(session: Session): Promise<void>;
  get(id: string): Promise<Session | null>;
  /** Newest first; `beforeSeq` pages (keyset). */
  list(query: { provider?: string; limit: number; beforeSeq?: number }): Promise<Array<{ seq: number; session: Session }>>;
  /** Sessions with this fingerprint created at or after `since` (ISO time), newest first. */
  recentByFingerprint(fingerprint: string, since: string): Promise<Session[]>;
  /** Sessions whose correlation values include any of these. */
  findByKeyValues(values: readonly string[]): Promise<Session[]>;
  saveTxLookup(lookup: TxLookup): Promise<void>;
  txLookups(query: { sessionIds?: readonly string[]; deliveryIds?: readonly string[]; withdrawTxIds?: readonly string[] }): Promise<TxLookup[]>;
  /** Stored webhooks whose correlation keys carry any of these values, newest first. */
  deliveriesWithKeyValues(values: readonly string[], limit: number): Promise<LinkedDelivery[]>;
}
