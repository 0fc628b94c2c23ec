import type { Migration } from './types.js';

export const deliveryEnvironmentMigration: Migration = {
  version: 9,
  name: 'deliveries carry the environment the event names; normalized meaning re-derived',
  sql: `
    -- The environment a delivery says it comes from (Paychant's data.env: production or
    -- sandbox), filterable in the inbox. Set when a row is derived; NULL for providers that
    -- do not say.
    ALTER TABLE deliveries ADD COLUMN environment TEXT;
    CREATE INDEX deliveries_environment ON deliveries(environment, seq) WHERE environment IS NOT NULL;
    -- The normalized meaning gained fields (environment, provider event time, status reason,
    -- balances, currency checks) and InstaXchange's fallback event id changed: derive existing
    -- rows again. The worker picks them up at start; bytes are untouched.
    UPDATE deliveries SET derived_at = NULL WHERE derived_at IS NOT NULL;
  `,
};
