import type { Migration } from './types.js';

export const deliveryOriginMigration: Migration = {
  version: 10,
  name: 'deliveries imported from a HAR file or a cURL command say so',
  sql: `
    -- JSON {kind: 'imported', format: 'har'|'curl', source, url, importedAt}; NULL for every
    -- delivery the listener received. One additive column: existing rows are untouched.
    ALTER TABLE deliveries ADD COLUMN origin TEXT;
  `,
};
