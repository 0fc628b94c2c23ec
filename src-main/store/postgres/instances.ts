import type pg from 'pg';
import { newId } from '../ids.js';

export interface InstanceTiming {
  /** How often an instance says it is alive. */
  heartbeatMs: number;
  /** An instance not seen for this long is taken for dead: its claims go to the others. */
  staleAfterMs: number;
}

export const DEFAULT_INSTANCE_TIMING: InstanceTiming = { heartbeatMs: 5_000, staleAfterMs: 30_000 };

/**
 * SQL that is true when the instance named by `column` was seen lately (by the server's clock,
 * so instances' own clocks do not matter). Claims held by any other instance are left alone.
 */
export function aliveSql(column: string, timing: InstanceTiming): string {
  const seconds = Math.max(1, Math.round(timing.staleAfterMs / 1000));
  return `EXISTS (SELECT 1 FROM gatewatch_instances AS i WHERE i.id = ${column} AND i.seen_at > now() - interval '${seconds} seconds')`;
}

/**
 * This process's row in gatewatch_instances: written at start, its seen_at moved on every few
 * seconds, deleted at a clean stop (its claims are then free at once). A heartbeat that fails (the
 * server is restarting) is tried again at the next beat.
 */
export class InstanceHeartbeat {
  readonly id = newId('ins');
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<unknown> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly timing: InstanceTiming,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beating ??= this.beat()
        .catch((error) => this.log(`could not tell the database this instance is alive: ${(error as Error).message}`))
        .finally(() => (this.beating = null));
    }, this.timing.heartbeatMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
    await this.pool.query('DELETE FROM gatewatch_instances WHERE id = $1', [this.id]);
  }

  private async beat(): Promise<void> {
    await this.pool.query(`INSERT INTO gatewatch_instances (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET seen_at = now()`, [this.id]);
    // Rows of instances gone for a day keep nothing alive: dropped so the table stays small.
    await this.pool.query("DELETE FROM gatewatch_instances WHERE seen_at < now() - interval '1 day'");
  }
}
