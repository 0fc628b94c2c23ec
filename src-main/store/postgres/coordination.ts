import type pg from 'pg';
import type { InstanceCoordination } from '../coordination-types.js';
import { aliveSql, type InstanceTiming } from './instances.js';
import type { NotifyChannel } from './notify-channel.js';

/** Several instances on one PostgreSQL store: takeover of dead instances' relay work, and the event channel. */
export function pgCoordination(pool: pg.Pool, instanceId: string, timing: InstanceTiming, channel: NotifyChannel): InstanceCoordination {
  return {
    instanceId,
    sweepEveryMs: timing.heartbeatMs,
    async takeOver(reason, now) {
      const claims = await pool.query(
        `UPDATE relay_jobs SET locked_at = NULL, locked_by = NULL
         WHERE state = 'pending' AND locked_by IS NOT NULL AND locked_by <> $1 AND NOT ${aliveSql('locked_by', timing)}`,
        [instanceId],
      );
      const passthroughs = await pool.query(
        `UPDATE relay_jobs SET state = 'failed', last_error = $2, finished_at = $3, locked_by = NULL
         WHERE state = 'sending' AND locked_by IS NOT NULL AND locked_by <> $1 AND NOT ${aliveSql('locked_by', timing)}`,
        [instanceId, reason, now],
      );
      return { relayClaims: claims.rowCount ?? 0, passthroughs: passthroughs.rowCount ?? 0 };
    },
    broadcast: (message) => channel.broadcast(message),
    onMessage: (listener) => channel.onMessage(listener),
    onListeningAgain: (listener) => channel.onListeningAgain(listener),
  };
}
