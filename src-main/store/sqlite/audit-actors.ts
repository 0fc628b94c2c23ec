import type Database from 'better-sqlite3';
import type { AuditActorStore } from '../audit-actor-types.js';

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  summary: string;
  details: string;
}

export class SqliteAuditActorStore implements AuditActorStore {
  constructor(private readonly db: Database.Database) {}

  async listBy(name: string, query: { limit: number; beforeSeq?: number; subject?: string; action?: string }) {
    // substr, not LIKE: a name's "_" would be a wildcard there.
    const where = ['seq < @before', "(actor = @name OR substr(actor, 1, length(@name) + 2) = @name || ' (')"];
    if (query.subject) where.push('subject = @subject');
    if (query.action) where.push('action = @action');
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
      .all({ name, before: query.beforeSeq ?? Number.MAX_SAFE_INTEGER, subject: query.subject, action: query.action, limit: query.limit }) as AuditRow[];
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  }

  async actors() {
    return this.db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[];
  }
}
