import type pg from 'pg';
import { decodeDelivery } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';
import { unlistUnusedKeyValues } from './key-values.js';
import { inTransaction } from './pool.js';

/** Retention on PostgreSQL: the oldest deliveries deleted with everything kept beside them. */
export class PgDeliveryMaintenance {
  constructor(private readonly pool: pg.Pool) {}

  async countReceivedBefore(cutoff: string): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM deliveries WHERE received_at < $1', [cutoff])).rows[0]!.n;
  }

  /**
   * Deletes the oldest deliveries received before the cutoff (rows another instance is pruning
   * are skipped). A later copy of a pruned delivery (a provider retry) becomes the original its
   * other copies point to, so no link dangles.
   */
  async pruneReceivedBefore(cutoff: string, limit: number): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ seq: number; id: string }>(
        'SELECT seq, id FROM deliveries WHERE received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED',
        [cutoff, limit],
      );
      if (rows.length === 0) return 0;
      const seqs = rows.map((r) => r.seq);
      for (const row of rows) {
        const copy = await client.query<{ id: string }>('SELECT id FROM deliveries WHERE duplicate_of = $1 ORDER BY seq LIMIT 1', [row.id]);
        const first = copy.rows[0]?.id;
        if (first === undefined) continue;
        await client.query('UPDATE deliveries SET duplicate_of = NULL WHERE id = $1', [first]);
        await client.query('UPDATE deliveries SET duplicate_of = $1 WHERE duplicate_of = $2', [first, row.id]);
      }
      // Keys are indexed by value only: the ones to delete are read from the stored forms.
      const forms = await client.query<{ seq: number; form: Buffer }>('SELECT seq, form FROM delivery_contents WHERE seq = ANY($1::bigint[])', [seqs]);
      const keys = forms.rows.flatMap((r) => (decodeDelivery<StoredDetail>(r.form).detail?.correlationKeys ?? []).map((k) => ({ ...k, seq: r.seq })));
      await client.query(
        'DELETE FROM correlation_keys AS k USING unnest($1::text[], $2::bigint[], $3::text[]) AS o (value, seq, kind) WHERE k.value = o.value AND k.delivery_seq = o.seq AND k.kind = o.kind',
        [keys.map((k) => k.value), keys.map((k) => k.seq), keys.map((k) => k.kind)],
      );
      await unlistUnusedKeyValues(
        client,
        keys.map((k) => k.value),
      );
      for (const table of ['delivery_search', 'delivery_captures', 'derivation_claims']) {
        await client.query(`DELETE FROM ${table} WHERE seq = ANY($1::bigint[])`, [seqs]);
      }
      // The stored form, relay job and attempts go with the row (foreign keys, ON DELETE CASCADE).
      await client.query('DELETE FROM deliveries WHERE seq = ANY($1::bigint[])', [seqs]);
      return rows.length;
    });
  }
}
