import type pg from 'pg';
import type { StoreMaintenance } from '../maintenance-types.js';
import { rewriteJson, type Rewrite } from '../sqlite/record-maintenance.js';
import { inTransaction } from './pool.js';

/** Rows rewritten per transaction. */
const PAGE = 500;

/** The tables holding records of outgoing calls: what rewriting touches and rebuilding rewrites. */
const RECORD_TABLES = ['sessions', 'session_keys', 'tx_lookups', 'audit_log', 'replay_attempts'];

/**
 * The PostgreSQL side of StoreMaintenance. PostgreSQL keeps a row's old version until VACUUM, so
 * "rebuilding" is VACUUM FULL of the record tables: they are written afresh without the text that
 * was replaced (deliveries are not touched). The server's write-ahead log keeps the old text until
 * it recycles its segments, which its own checkpoints do.
 */
export class PgRecordMaintenance implements StoreMaintenance {
  constructor(private readonly pool: pg.Pool) {}

  async rewriteRecordedText(rewrite: Rewrite): Promise<number> {
    return (
      (await this.sessions(rewrite)) +
      (await this.jsonColumn('tx_lookups', 'record', rewrite)) +
      (await this.audit(rewrite)) +
      (await this.jsonColumn('replay_attempts', 'attempt', rewrite))
    );
  }

  /** The record tables' size: what a rebuild rewrites. */
  async databaseBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: string }>(
      'SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS bytes FROM pg_class AS c WHERE c.oid = ANY($1::regclass[])',
      [RECORD_TABLES],
    );
    return Number(rows[0]!.bytes);
  }

  async rebuild(): Promise<void> {
    await this.onOwnConnection(async (client) => {
      for (const table of RECORD_TABLES) await client.query(`VACUUM FULL ${table}`);
    });
  }

  async dropFreePages(): Promise<void> {
    await this.onOwnConnection(async (client) => {
      for (const table of RECORD_TABLES) await client.query(`VACUUM ${table}`);
    });
  }

  /**
   * VACUUM may rightly take minutes: it runs on a connection of its own, outside the pool's
   * statement limit, which would give it up client-side (the server going on regardless) and take
   * the database for out of reach, answering the listener's traffic 503 meanwhile.
   */
  private async onOwnConnection(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    let reset = false;
    try {
      // VACUUM cannot run in a transaction (no SET LOCAL): lifted for the session, then put back.
      await client.query('SET statement_timeout = 0');
      await work(client);
      reset = await client.query('RESET statement_timeout').then(
        () => true,
        () => false,
      );
    } finally {
      // A connection whose limit could not be put back is closed rather than handed to others.
      client.release(!reset);
    }
  }

  /** Pages through a table by seq, one transaction a page. */
  private async eachPage<Row extends { seq: number }>(select: string, write: (client: pg.PoolClient, rows: Row[]) => Promise<number>): Promise<number> {
    let changed = 0;
    for (let after = 0; ; ) {
      const { rows } = await this.pool.query<Row>(`${select} WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [after]);
      if (rows.length === 0) return changed;
      changed += await inTransaction(this.pool, (client) => write(client, rows));
      after = rows[rows.length - 1]!.seq;
    }
  }

  private jsonColumn(table: 'tx_lookups' | 'replay_attempts', column: 'record' | 'attempt', rewrite: Rewrite): Promise<number> {
    return this.eachPage<{ seq: number; text: string }>(`SELECT seq, ${column} AS text FROM ${table}`, async (client, rows) => {
      let changed = 0;
      for (const row of rows) {
        const next = rewriteJson(row.text, rewrite);
        if (next !== null) changed += (await client.query(`UPDATE ${table} SET ${column} = $1 WHERE seq = $2`, [next, row.seq])).rowCount ?? 0;
      }
      return changed;
    });
  }

  /** The record, and the correlation keys kept beside it for lookups, stay alike. */
  private sessions(rewrite: Rewrite): Promise<number> {
    return this.eachPage<{ seq: number; record: string }>('SELECT seq, record FROM sessions', async (client, rows) => {
      let changed = 0;
      for (const row of rows) {
        const next = rewriteJson(row.record, rewrite);
        if (next === null) continue;
        changed += (await client.query('UPDATE sessions SET record = $1 WHERE seq = $2', [next, row.seq])).rowCount ?? 0;
        await client.query('DELETE FROM session_keys WHERE session_seq = $1', [row.seq]);
        const keys = (JSON.parse(next) as { correlationKeys?: Array<{ kind: string; value: string }> }).correlationKeys ?? [];
        await client.query(
          'INSERT INTO session_keys (session_seq, kind, value) SELECT $1, kind, value FROM unnest($2::text[], $3::text[]) AS k (kind, value) ON CONFLICT DO NOTHING',
          [row.seq, keys.map((k) => k.kind), keys.map((k) => k.value)],
        );
      }
      return changed;
    });
  }

  private audit(rewrite: Rewrite): Promise<number> {
    return this.eachPage<{ seq: number; summary: string; details: string }>('SELECT seq, summary, details FROM audit_log', async (client, rows) => {
      let changed = 0;
      for (const row of rows) {
        const summary = rewrite(row.summary);
        const details = rewriteJson(row.details, rewrite);
        if (summary !== row.summary || details !== null) {
          changed +=
            (await client.query('UPDATE audit_log SET summary = $1, details = $2 WHERE seq = $3', [summary, details ?? row.details, row.seq])).rowCount ?? 0;
        }
      }
      return changed;
    });
  }
}
