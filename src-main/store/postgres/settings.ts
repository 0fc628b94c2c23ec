import type pg from 'pg';
import type { SettingsStore } from '../types.js';

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
}
