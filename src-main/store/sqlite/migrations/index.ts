import type { Migration } from './types.js';
import { deliveriesMigration } from './001-deliveries.js';
import { secretsAuditMigration } from './002-secrets-audit.js';
import { dashboardStatsMigration } from './005-dashboard-stats.js';
import { replayMigration } from './004-replay.js';
import { sessionsMigration } from './003-sessions.js';
import { searchFiltersMigration } from './006-search-filters.js';
import { derivedOnlyIndexesMigration } from './007-derived-only-indexes.js';
import { replayCredentialHeadersMigration } from './008-replay-credential-headers.js';
import { deliveryEnvironmentMigration } from './009-delivery-environment.js';
import { deliveryOriginMigration } from './010-delivery-origin.js';
import { accountsMigration } from './011-accounts.js';
import { savedViewsMigration } from './012-saved-views.js';
import { leanDeliveryFormsMigration } from './013-lean-delivery-forms.js';
import { relayMigration } from './014-relay.js';
import { keyTrigramsMigration } from './015-key-trigrams.js';

export type { Migration } from './types.js';

/**
 * Forward-only schema migrations, one file each. Append new ones; never edit or reorder an
 * applied one. Each runs in its own transaction and is recorded in schema_migrations; any
 * version not yet recorded is applied, in version order.
 */
export const migrations: readonly Migration[] = [
  deliveriesMigration,
  secretsAuditMigration,
  sessionsMigration,
  replayMigration,
  dashboardStatsMigration,
  searchFiltersMigration,
  derivedOnlyIndexesMigration,
  replayCredentialHeadersMigration,
  deliveryEnvironmentMigration,
  deliveryOriginMigration,
  accountsMigration,
  savedViewsMigration,
  leanDeliveryFormsMigration,
  relayMigration,
  keyTrigramsMigration,
];
