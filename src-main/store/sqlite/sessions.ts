import type Database from 'better-sqlite3';
import type { SessionStore } from '../sessions-types.js';
import { LinkedDelivery, Session, TxLookup } from '../../../src-shared/sessions/domain.js';
import type { NormalizedStatus } from '../../../src-shared/domain/normalized.js';

// SQLite's default limit on bound parameters is far above this; larger key sets are chunked.
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');
const parseSession = (record: string): Session => Session.parse(JSON.parse(record));
const parseLookup = (record: string): TxLookup => TxLookup.parse(JSON.parse(record));

export class SqliteSessionStore implements SessionStore {
  constructor(private readonly db: Database.Database) {}

  async save(session: Session): Promise<void> {
    const write = this.db.transaction((s: Session) => {
      const row = this.db
        .prepare(`INSERT INTO sessions (id, provider, environment, created_at, outcome, status, fingerprint, record)
          VALUES (@id, @provider, @environment, @createdAt, @outcome, @status, @fingerprint, @record)
          ON CONFLICT(id) DO UPDATE SET outcome = excluded.outcome, status = excluded.status, record = excluded.record
          RETURNING seq`)
        .get({ ...s, record: JSON.stringify(s) }) as { seq: number };
      this.db.prepare('DELETE FROM session_keys WHERE session_seq = ?').run(row.seq);
      const insertKey = this.db.prepare('INSERT OR IGNORE INTO session_keys (session_seq, kind, value) VALUES (?, ?, ?)');
      for (const key of s.correlationKeys) insertKey.run(row.seq, key.kind, key.value);
    });
    write(session);
  }

  async get(id: string): Promise<Session | null> {
    const row = this.db.prepare('SELECT record FROM sessions WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? parseSession(row.record) : null;
  }

  async list(query: { provider?: string; limit: number; beforeSeq?: number }) {
    const where = ['seq < @before'];
    if (query.provider) where.push('provider = @provider');
    const rows = this.db
      .prepare(`SELECT seq, record FROM sessions WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
      .all({ before: query.beforeSeq ?? Number.MAX_SAFE_INTEGER, provider: query.provider, limit: query.limit }) as Array<{
      seq: number;
      record: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, session: parseSession(r.record) }));
  }

  async recentByFingerprint(fingerprint: string, since: string): Promise<Session[]> {
    const rows = this.db
      .prepare('SELECT record FROM sessions WHERE fingerprint = ? AND created_at >= ? ORDER BY seq DESC LIMIT 20')
      .all(fingerprint, since) as Array<{ record: string }>;
    return rows.map((r) => parseSession(r.record));
  }

  async findByKeyValues(values: readonly string[]): Promise<Session[]> {
    const found = new Map<number, Session>();
    for (const part of chunks([...new Set(values)])) {
      const rows = this.db
        .prepare(`SELECT DISTINCT s.seq, s.record FROM session_keys k JOIN sessions s ON s.seq = k.session_seq
          WHERE k.value IN (${placeholders(part.length)})`)
        .all(...part) as Array<{ seq: number; record: string }>;
      for (const r of rows) found.set(r.seq, parseSession(r.record));
    }
    return [...found.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
  }

  async saveTxLookup(lookup: TxLookup): Promise<void> {
    this.db
      .prepare(`INSERT INTO tx_lookups (id, at, withdraw_tx_id, session_id, delivery_id, record)
        VALUES (@id, @at, @withdrawTxId, @sessionId, @deliveryId, @record)`)
      .run({ ...lookup, record: JSON.stringify(lookup) });
  }

  async txLookups(query: { sessionIds?: readonly string[]; deliveryIds?: readonly string[]; withdrawTxIds?: readonly string[] }): Promise<TxLookup[]> {
    const found = new Map<number, TxLookup>();
    const by = (column: string, values: readonly string[] | undefined) => {
      for (const part of chunks([...new Set(values ?? [])])) {
        const rows = this.db.prepare(`SELECT seq, record FROM tx_lookups WHERE ${column} IN (${placeholders(part.length)})`).all(...part) as Array<{
          seq: number;
          record: string;
        }>;
        for (const r of rows) found.set(r.seq, parseLookup(r.record));
      }
    };
    by('session_id', query.sessionIds);
    by('delivery_id', query.deliveryIds);
    by('withdraw_tx_id', query.withdrawTxIds);
    return [...found.entries()].sort(([a], [b]) => b - a).map(([, l]) => l);
  }

  async deliveriesWithKeyValues(values: readonly string[], limit: number): Promise<LinkedDelivery[]> {
    const found = new Map<number, LinkedDelivery>();
    for (const part of chunks([...new Set(values)])) {
      const rows = this.db
        .prepare(`SELECT d.seq, d.id, d.provider, d.received_at, d.event_type, d.status, k.kind, k.value
          FROM correlation_keys k JOIN deliveries d ON d.seq = k.delivery_seq
          WHERE k.value IN (${placeholders(part.length)}) ORDER BY d.seq DESC LIMIT ?`)
        .all(...part, limit) as Array<{
        seq: number;
        id: string;
        provider: string;
        received_at: string;
        event_type: string | null;
        status: NormalizedStatus | null;
        kind: string;
        value: string;
      }>;
      for (const r of rows) {
        if (found.has(r.seq)) continue;
        found.set(
          r.seq,
          LinkedDelivery.parse({
            id: r.id,
            provider: r.provider,
            receivedAt: r.received_at,
            eventType: r.event_type,
            status: r.status,
            key: { kind: r.kind, value: r.value },
          }),
        );
      }
    }
    return [...found.entries()]
      .sort(([a], [b]) => b - a)
      .slice(0, limit)
      .map(([, d]) => d);
  }
}
