import type pg from 'pg';
import type { ReplayAttemptQuery, ReplayAttemptRecord, ReplayStore, ReplayTargetRecord } from '../replay-types.js';
import type { ProviderId } from '../../../src-shared/domain/provider.js';

interface TargetRow {
  id: string;
  name: string;
  url: string;
  provider: string | null;
  timeout_ms: number;
  forward_credential_headers: boolean;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

const toTarget = (r: TargetRow): ReplayTargetRecord => ({
  id: r.id,
  name: r.name,
  url: r.url,
  provider: r.provider as ProviderId | null,
  timeoutMs: r.timeout_ms,
  forwardCredentialHeaders: r.forward_credential_headers,
  confirmedAt: r.confirmed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAttempt = (row: { attempt: string }): ReplayAttemptRecord => JSON.parse(row.attempt) as ReplayAttemptRecord;

/** SQLite's NOCASE: ASCII letters folded, nothing else. */
const nocase = (column: string) => `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

export class PgReplayStore implements ReplayStore {
  constructor(private readonly pool: pg.Pool) {}

  async listTargets(): Promise<ReplayTargetRecord[]> {
    return (await this.pool.query<TargetRow>(`SELECT * FROM replay_targets ORDER BY ${nocase('name')}, id`)).rows.map(toTarget);
  }

  async getTarget(id: string): Promise<ReplayTargetRecord | null> {
    const { rows } = await this.pool.query<TargetRow>('SELECT * FROM replay_targets WHERE id = $1', [id]);
    return rows[0] ? toTarget(rows[0]) : null;
  }

  async putTarget(t: ReplayTargetRecord): Promise<void> {
    // INSERT OR REPLACE: every column from the record, when it was made included.
    await this.pool.query(
      `INSERT INTO replay_targets (id, name, url, provider, timeout_ms, forward_credential_headers, confirmed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, provider = excluded.provider, timeout_ms = excluded.timeout_ms,
         forward_credential_headers = excluded.forward_credential_headers, confirmed_at = excluded.confirmed_at,
         created_at = excluded.created_at, updated_at = excluded.updated_at`,
      [t.id, t.name, t.url, t.provider, t.timeoutMs, t.forwardCredentialHeaders, t.confirmedAt, t.createdAt, t.updatedAt],
    );
  }

  async removeTarget(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM replay_targets WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async insertAttempt(a: ReplayAttemptRecord): Promise<void> {
    await this.pool.query('INSERT INTO replay_attempts (id, delivery_id, target_id, job_id, started_at, attempt) VALUES ($1, $2, $3, $4, $5, $6)', [
      a.id,
      a.deliveryId,
      a.targetId,
      a.jobId,
      a.startedAt,
      JSON.stringify(a),
    ]);
  }

  async listAttempts(query: ReplayAttemptQuery): Promise<ReplayAttemptRecord[]> {
    const { rows } = await this.pool.query<{ attempt: string }>(
      `SELECT attempt FROM replay_attempts WHERE ($1::text IS NULL OR delivery_id = $1) AND ($2::text IS NULL OR target_id = $2)
         AND ($3::text IS NULL OR job_id = $3) ORDER BY seq DESC LIMIT $4`,
      [query.deliveryId ?? null, query.targetId ?? null, query.jobId ?? null, query.limit],
    );
    return rows.map(toAttempt);
  }

  async attemptsForDeliveries(deliveryIds: readonly string[]): Promise<ReplayAttemptRecord[]> {
    const { rows } = await this.pool.query<{ attempt: string }>('SELECT attempt FROM replay_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY seq', [
      [...deliveryIds],
    ]);
    return rows.map(toAttempt).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}
