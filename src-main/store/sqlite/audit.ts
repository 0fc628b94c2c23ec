import type Database from 'better-sqlite3';
import type { AuditRecord, AuditStore } from '../audit-types.js';

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

export class SqliteAuditStore implements AuditStore {
  constructor(private readonly db: Database.Database) {}

  async append(record: AuditRecord): Promise<void> {
    this.db
      .prepare(`INSERT INTO audit_log (id, at, actor, action, subject, summary, details)
        VALUES (@id, @at, @actor, @action, @subject, @summary, @details)`)
      .run({ ...record, details: JSON.stringify(record.details) });
  }

  async list(query: { limit: number; beforeSeq?: number; subject?: string; action?: string }) {
    const where = ['seq < @before'];
    if (query.subject) where.push('subject = @subject');
    if (query.action) where.push('action = @action');
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
      .all({ before: query.beforeSeq ?? Number.MAX_SAFE_INTEGER, subject: query.subject, action: query.action, limit: query.limit }) as AuditRow[];
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  }
}
