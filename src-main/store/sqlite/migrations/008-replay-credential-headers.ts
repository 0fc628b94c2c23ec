import type { Migration } from './types.js';

export const replayCredentialHeadersMigration: Migration = {
  version: 8,
  name: 'replay targets choose whether credential headers are forwarded',
  sql: `
    -- Off for every target, existing ones included: a replay no longer sends the provider's
    -- Authorization, Cookie… unless the user turns this on for that target.
    ALTER TABLE replay_targets ADD COLUMN forward_credential_headers INTEGER NOT NULL DEFAULT 0
      CHECK (forward_credential_headers IN (0, 1));
  `,
};
