import type pg from 'pg';
import type { SettingsStore } from '../types.js';
import { inTransaction } from './pool.js';

export class PgSettingsStore implements SettingsStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0] === undefined ? undefined : JSON.parse(rows[0].value);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value), new Date().toISOString()],
    );
  }

  async setIfAbsent(key: string, value: unknown): Promise<unknown> {
    await this.pool.query('INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [
      key,
      JSON.stringify(value),
      new Date().toISOString(),
    ]);
    return this.get(key);
  }

  async update(key: string, change: (current: unknown) => unknown): Promise<unknown> {
    return inTransaction(this.pool, async (client) => {
      // A placeholder row when there is none, so that FOR UPDATE has a row to lock: a second
      // change waits here for the first one's commit, then reads what it wrote.
      const absent = await client.query("INSERT INTO settings (key, value, updated_at) VALUES ($1, 'null', $2) ON CONFLICT (key) DO NOTHING", [
        key,
        new Date().toISOString(),
      ]);
      const { rows } = await client.query<{ value: string }>('SELECT value FROM settings WHERE key = $1 FOR UPDATE', [key]);
      const next = change(absent.rowCount === 1 ? undefined : JSON.parse(rows[0]!.value));
      await client.query('UPDATE settings SET value = $2, updated_at = $3 WHERE key = $1', [key, JSON.stringify(next), new Date().toISOString()]);
      return next;
    });
  }
}
