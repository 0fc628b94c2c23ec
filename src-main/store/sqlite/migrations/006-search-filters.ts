import type { Migration } from './types.js';

export const searchFiltersMigration: Migration = {
  version: 6,
  name: 'combined filter indexes, filter tokens in the search index',
  sql: `
    -- Inbox filters combined (provider + status, provider + verification, status +
    -- verification) walk one index in seq order instead of checking most of the table.
    -- Partial: a row enters them when it is derived, so the listener's insert (the path
    -- that holds the provider's request open) does not pay for them.
    CREATE INDEX deliveries_provider_status ON deliveries(provider, status, seq) WHERE status IS NOT NULL;
    CREATE INDEX deliveries_provider_verification ON deliveries(provider, verification_status, seq)
      WHERE verification_status IS NOT NULL;
    CREATE INDEX deliveries_status_verification ON deliveries(status, verification_status, seq) WHERE status IS NOT NULL;
    -- The single-filter indexes of 001 held an entry for every new row while its derived
    -- columns were still NULL: three index writes on the listener's path for nothing. Only
    -- derived rows have these values, so index only those. (Pending rows are found through
    -- deliveries_pending.)
    DROP INDEX deliveries_event_type;
    CREATE INDEX deliveries_event_type ON deliveries(event_type, seq) WHERE event_type IS NOT NULL;
    DROP INDEX deliveries_status;
    CREATE INDEX deliveries_status ON deliveries(status, seq) WHERE status IS NOT NULL;
    DROP INDEX deliveries_verification;
    CREATE INDEX deliveries_verification ON deliveries(verification_status, seq) WHERE verification_status IS NOT NULL;
    -- Search rows now carry filter tokens (see fts-query.ts): derive existing rows again so
    -- that text + filters finds them. The worker picks them up at start; bytes are untouched.
    UPDATE deliveries SET derived_at = NULL WHERE derived_at IS NOT NULL;
  `,
};
