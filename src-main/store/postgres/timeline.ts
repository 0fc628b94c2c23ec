import type pg from 'pg';
import type { TimelineDeliveryRecord, TimelineStore } from '../timeline-types.js';
import { timelineRecord, type TimelineRow } from '../sqlite/timeline.js';

export class PgTimelineStore implements TimelineStore {
  constructor(private readonly pool: pg.Pool) {}

  async deliverySeqsByValues(values: readonly string[], limit: number): Promise<number[]> {
    // correlation_keys is keyed (value, delivery_seq, kind): each value is one range of it.
    const { rows } = await this.pool.query<{ delivery_seq: number }>(
      'SELECT DISTINCT delivery_seq FROM correlation_keys WHERE value = ANY($1::text[]) ORDER BY delivery_seq DESC LIMIT $2',
      [[...new Set(values)], limit + 1],
    );
    return rows.map((r) => r.delivery_seq);
  }

  async deliveriesBySeqs(seqs: readonly number[]): Promise<TimelineDeliveryRecord[]> {
    const { rows } = await this.pool.query<TimelineRow>(
      `SELECT d.seq, d.id, d.provider, d.received_at, d.event_type, d.event_id, d.status, d.verification_status, k.form, d.duplicate_of, d.rejected
       FROM deliveries AS d LEFT JOIN delivery_contents AS k ON k.seq = d.seq WHERE d.seq = ANY($1::bigint[]) ORDER BY d.seq`,
      [[...new Set(seqs)]],
    );
    return rows.map(timelineRecord);
  }

  async seqOfDelivery(id: string): Promise<number | null> {
    return (await this.pool.query<{ seq: number }>('SELECT seq FROM deliveries WHERE id = $1', [id])).rows[0]?.seq ?? null;
  }
}
