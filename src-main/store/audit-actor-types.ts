import type { AuditRecord } from './audit-types.js';

/** The audit log read by who did it: a person's own entries and their tokens' are one name. */
export interface AuditActorStore {
  /**
   * Entries whose actor is `name`, or `name` followed by ` (` (how the log names a person's token,
   * "alice (token “deploy”)", and the console token, "owner (console token)"), newest first.
   */
  listBy(name: string, query: { limit: number; beforeSeq?: number; subject?: string; action?: string }): Promise<Array<AuditRecord & { seq: number }>>;
  /** Every distinct actor text in the log. */
  actors(): Promise<string[]>;
}
