import type { Migration } from './types.js';

export const derivedOnlyIndexesMigration: Migration = {
  version: 7,
  name: 'dedupe and dashboard indexes hold derived rows only',
  sql: `
    -- The listener's insert holds a provider's request open: every index it touches is on
    -- that path. Dedupe by body and the dashboard's counts only ever read derived rows, so
    -- those indexes take a row when it is derived, after the answer.
    DROP INDEX deliveries_body_sha;
    CREATE INDEX deliveries_body_sha ON deliveries(provider, body_sha256, seq)
      WHERE body_sha256 IS NOT NULL AND derived_at IS NOT NULL;
    DROP INDEX deliveries_stats;
    CREATE INDEX deliveries_stats ON deliveries(received_at, provider, status, verification_status)
      WHERE derived_at IS NOT NULL;
  `,
};
