import type Database from 'better-sqlite3';
import type { ReplayAttemptQuery, ReplayAttemptRecord, ReplayStore, ReplayTargetRecord } from '../replay-types.js';
import type { ProviderId } from '../../../src-shared/domain/provider.js';

interface TargetRow {
  id: string;
  name: string;
  url: string;
  provider: string | null;
  timeout_ms: number;
  forward_credential_headers: number;
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
  forwardCredentialHeaders: r.forward_credential_headers === 1,
  confirmedAt: r.confirmed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAttempt = (row: { attempt: string }): ReplayAttemptRecord => JSON.parse(row.attempt) as ReplayAttemptRecord;

/** SQLite's limit on bound parameters is far above this; chunks keep statements small. */
const CHUNK = 500;

export class SqliteReplayStore implements ReplayStore {
  constructor(private readonly db: Database.Database) {}

  async listTargets(): Promise<ReplayTargetRecord[]> {
    return (this.db.prepare('SELECT * FROM replay_targets ORDER BY name COLLATE NOCASE, id').all() as TargetRow[]).map(toTarget);
  }

  async getTarget(id: string): Promise<ReplayTargetRecord | null> {
    const row = this.db.prepare('SELECT * FROM replay_targets WHERE id = ?').get(id) as TargetRow | undefined;
    return row ? toTarget(row) : null;
  }

  async putTarget(t: ReplayTargetRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO replay_targets
           (id, name, url, provider, timeout_ms, forward_credential_headers, confirmed_at, created_at, updated_at)
         VALUES (@id, @name, @url, @provider, @timeoutMs, @forwardCredentialHeaders, @confirmedAt, @createdAt, @updatedAt)`,
      )
      .run({ ...t, forwardCredentialHeaders: t.forwardCredentialHeaders ? 1 : 0 });
  }

  async removeTarget(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM replay_targets WHERE id = ?').run(id).changes > 0;
  }

  async insertAttempt(a: ReplayAttemptRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO replay_attempts (id, delivery_id, target_id, job_id, started_at, attempt)
         VALUES (@id, @deliveryId, @targetId, @jobId, @startedAt, @attempt)`,
      )
      .run({ id: a.id, deliveryId: a.deliveryId, targetId: a.targetId, jobId: a.jobId, startedAt: a.startedAt, attempt: JSON.stringify(a) });
  }

  async listAttempts(query: ReplayAttemptQuery): Promise<ReplayAttemptRecord[]> {
    const where: string[] = [];
    if (query.deliveryId !== undefined) where.push('delivery_id = @deliveryId');
    if (query.targetId !== undefined) where.push('target_id = @targetId');
    if (query.jobId !== undefined) where.push('job_id = @jobId');
    const sql = `SELECT attempt FROM replay_attempts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return (this.db.prepare(sql).all({ ...query }) as Array<{ attempt: string }>).map(toAttempt);
  }

  async attemptsForDeliveries(deliveryIds: readonly string[]): Promise<ReplayAttemptRecord[]> {
    const out: ReplayAttemptRecord[] = [];
    for (let i = 0; i < deliveryIds.length; i += CHUNK) {
      const chunk = deliveryIds.slice(i, i + CHUNK);
      const rows = this.db
        .prepare(`SELECT seq, attempt FROM replay_attempts WHERE delivery_id IN (${chunk.map(() => '?').join(',')}) ORDER BY seq`)
        .all(...chunk) as Array<{ seq: number; attempt: string }>;
      out.push(...rows.map(toAttempt));
    }
    return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}
