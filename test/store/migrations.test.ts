import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { applyMigrations, openDatabase, StoreOpenError } from '../../src-main/store/sqlite/open.js';
import { migrations } from '../../src-main/store/sqlite/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
};

describe('store migrations', () => {
  it('opens in WAL mode with foreign keys and records every migration once', () => {
    const dir = fresh();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
    expect(versions).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    db.close();
    const again = openDatabase(dir);
    expect(applyMigrations(again, migrations)).toEqual([]);
    again.close();
  });

  it('refuses a store written by a newer version without touching it', () => {
    const dir = fresh();
    openDatabase(dir).close();
    const db = new Database(join(dir, 'gatewatch.db'));
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer Gatewatch/);
  });

  it('rolls a failing migration back whole and says so, keeping the data', () => {
    const dir = fresh();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO settings VALUES ('k', '1', 'now')").run();
    const broken = [...migrations, { version: 1000, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => applyMigrations(db, broken)).toThrow(StoreOpenError);
    expect(() => applyMigrations(db, broken)).toThrow(/no data was deleted/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    db.close();
  });
});
