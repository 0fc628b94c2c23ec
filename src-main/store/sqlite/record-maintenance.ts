import type Database from 'better-sqlite3';
import type { StoreMaintenance } from '../maintenance-types.js';

/** Rows rewritten per transaction. */
const PAGE = 500;

export type Rewrite = (text: string) => string;

/** `value` with every string rewritten; `changed` says whether any string came out different. */
function rewriteStrings(value: unknown, rewrite: Rewrite, changed: { any: boolean }): unknown {
  if (typeof value === 'string') {
    const next = rewrite(value);
    if (next !== value) changed.any = true;
    return next;
  }
  if (Array.isArray(value)) return value.map((item) => rewriteStrings(item, rewrite, changed));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewriteStrings(item, rewrite, changed)]));
  }
  return value;
}

/** The JSON text rewritten, or null when nothing in it changed (it is then left byte for byte). */
export function rewriteJson(text: string, rewrite: Rewrite): string | null {
  const changed = { any: false };
  const next = rewriteStrings(JSON.parse(text), rewrite, changed);
  return changed.any ? JSON.stringify(next) : null;
}

/** The SQLite side of StoreMaintenance: the records' JSON columns, VACUUM and the log. */
export class SqliteRecordMaintenance implements StoreMaintenance {
  constructor(private readonly db: Database.Database) {}

  async rewriteRecordedText(rewrite: Rewrite): Promise<number> {
    const secureDelete = this.db.pragma('secure_delete', { simple: true }) as number;
    this.db.pragma('secure_delete = ON');
    try {
      return (
        this.sessions(rewrite) + this.jsonColumn('tx_lookups', 'record', rewrite) + this.audit(rewrite) + this.jsonColumn('replay_attempts', 'attempt', rewrite)
      );
    } finally {
      this.db.pragma(`secure_delete = ${secureDelete}`);
    }
  }

  async databaseBytes(): Promise<number> {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    return pages * (this.db.pragma('page_size', { simple: true }) as number);
  }

  async rebuild(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async dropFreePages(): Promise<void> {
    if ((this.db.pragma('auto_vacuum', { simple: true }) as number) === 2) this.db.pragma('incremental_vacuum');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Pages through a table by seq, one transaction a page. */
  private eachPage<Row extends { seq: number }>(select: string, write: (rows: Row[]) => number): number {
    const statement = this.db.prepare(`${select} WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`);
    let changed = 0;
    for (let after = 0; ; ) {
      const rows = statement.all(after) as Row[];
      if (rows.length === 0) return changed;
      changed += this.db.transaction(() => write(rows))();
      after = rows[rows.length - 1]!.seq;
    }
  }

  private jsonColumn(table: 'tx_lookups' | 'replay_attempts', column: 'record' | 'attempt', rewrite: Rewrite): number {
    const update = this.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE seq = ?`);
    return this.eachPage<{ seq: number; text: string }>(`SELECT seq, ${column} AS text FROM ${table}`, (rows) => {
      let changed = 0;
      for (const row of rows) {
        const next = rewriteJson(row.text, rewrite);
        if (next !== null) changed += update.run(next, row.seq).changes;
      }
      return changed;
    });
  }

  /** The record, and the correlation keys kept beside it for lookups, stay alike. */
  private sessions(rewrite: Rewrite): number {
    const update = this.db.prepare('UPDATE sessions SET record = ? WHERE seq = ?');
    const dropKeys = this.db.prepare('DELETE FROM session_keys WHERE session_seq = ?');
    const insertKey = this.db.prepare('INSERT OR IGNORE INTO session_keys (session_seq, kind, value) VALUES (?, ?, ?)');
    return this.eachPage<{ seq: number; record: string }>('SELECT seq, record FROM sessions', (rows) => {
      let changed = 0;
      for (const row of rows) {
        const next = rewriteJson(row.record, rewrite);
        if (next === null) continue;
        changed += update.run(next, row.seq).changes;
        dropKeys.run(row.seq);
        const keys = (JSON.parse(next) as { correlationKeys?: Array<{ kind: string; value: string }> }).correlationKeys ?? [];
        for (const key of keys) insertKey.run(row.seq, key.kind, key.value);
      }
      return changed;
    });
  }

  private audit(rewrite: Rewrite): number {
    const update = this.db.prepare('UPDATE audit_log SET summary = ?, details = ? WHERE seq = ?');
    return this.eachPage<{ seq: number; summary: string; details: string }>('SELECT seq, summary, details FROM audit_log', (rows) => {
      let changed = 0;
      for (const row of rows) {
        const summary = rewrite(row.summary);
        const details = rewriteJson(row.details, rewrite);
        if (summary !== row.summary || details !== null) changed += update.run(summary, details ?? row.details, row.seq).changes;
      }
      return changed;
    });
  }
}
