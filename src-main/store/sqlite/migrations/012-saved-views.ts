import type { Migration } from './types.js';

export const savedViewsMigration: Migration = {
  version: 12,
  name: 'saved inbox views, shared by the team',
  sql: `
    -- filter: the inbox filter as JSON ({provider, status, q, since…}), validated by the service.
    CREATE TABLE saved_views (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      filter TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX saved_views_name ON saved_views(name COLLATE NOCASE);
  `,
};
