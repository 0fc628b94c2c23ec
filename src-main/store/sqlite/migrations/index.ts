import type { Migration } from './types.js';
import { deliveriesMigration } from './001-deliveries.js';
import { secretsAuditMigration } from './002-secrets-audit.js';

export type { Migration } from './types.js';

/**
 * Forward-only schema migrations, one file each. Append new ones; never edit or reorder an
 * applied one. Each runs in its own transaction and is recorded in schema_migrations; any
 * version not yet recorded is applied, in version order.
 */
export const migrations: readonly Migration[] = [deliveriesMigration, secretsAuditMigration];
