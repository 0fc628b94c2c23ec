import type Database from 'better-sqlite3';
import type { SettingsStore } from '../types.js';

export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly db: Database.Database) {}

  async get(key: string): Promise<unknown> {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.db
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(key, JSON.stringify(value), new Date().toISOString());
  }

  async setIfAbsent(key: string, value: unknown): Promise<unknown> {
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING')
      .run(key, JSON.stringify(value), new Date().toISOString());
    return this.get(key);
  }

  async update(key: string, change: (current: unknown) => unknown): Promise<unknown> {
    // Synchronous, in one transaction: nothing else runs between the read and the write.
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      const next = change(row === undefined ? undefined : JSON.parse(row.value));
      this.db
        .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
          ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
        .run(key, JSON.stringify(next), new Date().toISOString());
      return next;
    })();
  }
}
