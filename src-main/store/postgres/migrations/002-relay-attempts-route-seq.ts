import type { PgMigration } from './types.js';

/**
 * relay_attempts_route gains seq, the tiebreak of RelayStore.listAttempts (newest first by
 * started_at, then seq): a route's page and its keyset cursor are then read off the index alone,
 * in its order, as SQLite's index (which carries the rowid seq) already allows. The index is
 * replaced, not added to: one index per attempt for the route, as before (issue 15 counts disk
 * per delivery), 8 bytes wider.
 */
export const relayAttemptsRouteSeqMigration: PgMigration = {
  version: 2,
  name: 'relay attempts by route, time and seq',
  sql: `
    CREATE INDEX relay_attempts_route_seq ON relay_attempts (route_id, started_at, seq);
    DROP INDEX relay_attempts_route;
    ALTER INDEX relay_attempts_route_seq RENAME TO relay_attempts_route;
  `,
};
