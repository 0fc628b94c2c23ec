import type pg from 'pg';
import type { SessionStore } from '../sessions-types.js';
import { LinkedDelivery, Session, TxLookup } from '../../../src-shared/sessions/domain.js';
import { inTransaction } from './pool.js';

const parseSession = (record: string): Session => Session.parse(JSON.parse(record));
const parseLookup = (record: string): TxLookup => TxLookup.parse(JSON.parse(record));
const distinct = (values: readonly string[] | undefined) => [...new Set(values ?? [])];

export class PgSessionStore implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(s: Session): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ seq: number }>(
        `INSERT INTO sessions (id, provider, environment, created_at, outcome, status, fingerprint, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome, status = excluded.status, record = excluded.record
         RETURNING seq`,
        [s.id, s.provider, s.environment, s.createdAt, s.outcome, s.status, s.fingerprint, JSON.stringify(s)],
      );
      const seq = rows[0]!.seq;
      await client.query('DELETE FROM session_keys WHERE session_seq = $1', [seq]);
      await client.query(
        `INSERT INTO session_keys (session_seq, kind, value) SELECT $1, kind, value FROM unnest($2::text[], $3::text[]) AS k(kind, value)
         ON CONFLICT DO NOTHING`,
        [seq, s.correlationKeys.map((k) => k.kind), s.correlationKeys.map((k) => k.value)],
      );
    });
  }

  async get(id: string): Promise<Session | null> {
    const { rows } = await this.pool.query<{ record: string }>('SELECT record FROM sessions WHERE id = $1', [id]);
    return rows[0] ? parseSession(rows[0].record) : null;
  }

  async list(query: { provider?: string; limit: number; beforeSeq?: number }) {
    const { rows } = await this.pool.query<{ seq: number; record: string }>(
      `SELECT seq, record FROM sessions WHERE seq < $1 AND ($2::text IS NULL OR provider = $2) ORDER BY seq DESC LIMIT $3`,
      [query.beforeSeq ?? Number.MAX_SAFE_INTEGER, query.provider || null, query.limit],
    );
    return rows.map((r) => ({ seq: r.seq, session: parseSession(r.record) }));
  }

  async recentByFingerprint(fingerprint: string, since: string): Promise<Session[]> {
    const { rows } = await this.pool.query<{ record: string }>(
      'SELECT record FROM sessions WHERE fingerprint = $1 AND created_at >= $2 ORDER BY seq DESC LIMIT 20',
      [fingerprint, since],
    );
    return rows.map((r) => parseSession(r.record));
  }

  async findByKeyValues(values: readonly string[]): Promise<Session[]> {
    const { rows } = await this.pool.query<{ seq: number; record: string }>(
      `SELECT s.seq, s.record FROM sessions s WHERE s.seq IN (SELECT session_seq FROM session_keys WHERE value = ANY($1::text[])) ORDER BY s.seq`,
      [distinct(values)],
    );
    return rows.map((r) => parseSession(r.record));
  }

  async saveTxLookup(l: TxLookup): Promise<void> {
    await this.pool.query('INSERT INTO tx_lookups (id, at, withdraw_tx_id, session_id, delivery_id, record) VALUES ($1, $2, $3, $4, $5, $6)', [
      l.id,
      l.at,
      l.withdrawTxId,
      l.sessionId,
      l.deliveryId,
      JSON.stringify(l),
    ]);
  }

  async txLookups(query: { sessionIds?: readonly string[]; deliveryIds?: readonly string[]; withdrawTxIds?: readonly string[] }): Promise<TxLookup[]> {
    const { rows } = await this.pool.query<{ record: string }>(
      `SELECT record FROM tx_lookups WHERE session_id = ANY($1::text[]) OR delivery_id = ANY($2::text[]) OR withdraw_tx_id = ANY($3::text[])
       ORDER BY seq DESC`,
      [distinct(query.sessionIds), distinct(query.deliveryIds), distinct(query.withdrawTxIds)],
    );
    return rows.map((r) => parseLookup(r.record));
  }

  async deliveriesWithKeyValues(values: readonly string[], limit: number): Promise<LinkedDelivery[]> {
    // Each delivery once, with the first of its keys that matched (as the SQLite store reads them).
    const { rows } = await this.pool.query<{
      id: string;
      provider: string;
      received_at: string;
      event_type: string | null;
      status: string | null;
      kind: string;
      value: string;
    }>(
      `SELECT DISTINCT ON (d.seq) d.seq, d.id, d.provider, d.received_at, d.event_type, d.status, k.kind, k.value
       FROM correlation_keys k JOIN deliveries d ON d.seq = k.delivery_seq
       WHERE k.value = ANY($1::text[]) ORDER BY d.seq DESC, k.value, k.kind LIMIT $2`,
      [distinct(values), limit],
    );
    return rows.map((r) =>
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
