import type pg from 'pg';
import type { SavedViewRecord, SavedViewStore } from '../views-types.js';

interface ViewRow {
  id: string;
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

const record = (row: ViewRow): SavedViewRecord => ({
  id: row.id,
  name: row.name,
  filter: JSON.parse(row.filter) as Record<string, string>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** SQLite's NOCASE (ASCII letters folded), as the unique index on names has it. */
const NOCASE_NAME = "translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

export class PgSavedViewStore implements SavedViewStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<SavedViewRecord[]> {
    return (await this.pool.query<ViewRow>(`SELECT * FROM saved_views ORDER BY ${NOCASE_NAME}, id`)).rows.map(record);
  }

  async get(id: string): Promise<SavedViewRecord | null> {
    const { rows } = await this.pool.query<ViewRow>('SELECT * FROM saved_views WHERE id = $1', [id]);
    return rows[0] ? record(rows[0]) : null;
  }

  async byName(name: string): Promise<SavedViewRecord | null> {
    const { rows } = await this.pool.query<ViewRow>(
      `SELECT * FROM saved_views WHERE ${NOCASE_NAME} = translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`,
      [name],
    );
    return rows[0] ? record(rows[0]) : null;
  }

  async put(v: SavedViewRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO saved_views (id, name, filter, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter = excluded.filter, updated_at = excluded.updated_at`,
      [v.id, v.name, JSON.stringify(v.filter), v.createdAt, v.updatedAt],
    );
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM saved_views WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}
