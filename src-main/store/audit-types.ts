export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  /** What was done: session.create, replay.send, providers.configure… */
  action: string;
  /** The id of what it was done to (a session, a delivery). */
  subject: string | null;
  summary: string;
  /** Structured facts, never secret values. */
  details: Record<string, unknown>;
}

export interface AuditStore {
  append(record: AuditRecord): Promise<void>;
  list(query: { limit: number; beforeSeq?: number; subject?: string; action?: string }): Promise<Array<AuditRecord & { seq: number }>>;
}
