import type { PgMigration } from './types.js';
import { schemaMigration } from './001-schema.js';
import { relayAttemptsRouteSeqMigration } from './002-relay-attempts-route-seq.js';
import { keyValuesTrigramsMigration } from './003-key-values-trigrams.js';

export type { PgMigration } from './types.js';

/**
 * Forward-only migrations of the PostgreSQL store, one file each, numbered on their own (they
 * are not SQLite's). Append new ones; never edit or reorder an applied one. Each runs in its own
 * transaction and is recorded in schema_migrations, all under one advisory lock, so instances
 * starting together migrate once.
 */
export const pgMigrations: readonly PgMigration[] = [schemaMigration, relayAttemptsRouteSeqMigration, keyValuesTrigramsMigration];
