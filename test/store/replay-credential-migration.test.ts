import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { applyMigrations, openDatabase } from '../../src-main/store/sqlite/open.js';
import { migrations } from '../../src-main/store/sqlite/migrations/index.js';
import { SqliteReplayStore } from '../../src-main/store/sqlite/replay.js';
import { tempDir } from '../helpers/temp.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('migration 8: forward credential headers per replay target', () => {
  it('turns the option off for targets saved before it, and keeps what a later save stores', async () => {
    const dir = tempDir();
    dirs.push(dir);
    openDatabase(dir.path).close();
    // Back to the schema before migration 8, with one target saved then.
    const old = new Database(join(dir.path, 'gatewatch.db'));
    old.exec('DELETE FROM schema_migrations WHERE version = 8; ALTER TABLE replay_targets DROP COLUMN forward_credential_headers;');
    old
      .prepare(
        `INSERT INTO replay_targets (id, name, url, provider, timeout_ms, confirmed_at, created_at, updated_at)
       VALUES ('rpt_old', 'Old staging', 'http://127.0.0.1:1/ok', NULL, 15000, NULL, 'then', 'then')`,
      )
      .run();
    expect(applyMigrations(old, migrations)).toEqual([8]);
    const store = new SqliteReplayStore(old);
    const target = (await store.getTarget('rpt_old'))!;
    expect(target.forwardCredentialHeaders).toBe(false);
    await store.putTarget({ ...target, forwardCredentialHeaders: true });
    expect((await store.getTarget('rpt_old'))!.forwardCredentialHeaders).toBe(true);
    old.close();
  });
});
