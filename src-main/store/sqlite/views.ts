import type Database from 'better-sqlite3';
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

export class SqliteSavedViewStore implements SavedViewStore {
  constructor(private readonly db: Database.Database) {}

  async list(): Promise<SavedViewRecord[]> {
    return (this.db.prepare('SELECT * FROM saved_views ORDER BY name COLLATE NOCASE, id').all() as ViewRow[]).map(record);
  }

  async get(id: string): Promise<SavedViewRecord | null> {
    const row = this.db.prepare('SELECT * FROM saved_views WHERE id = ?').get(id) as ViewRow | undefined;
    return row ? record(row) : null;
  }

  async byName(name: string): Promise<SavedViewRecord | null> {
    const row = this.db.prepare('SELECT * FROM saved_views WHERE name = ? COLLATE NOCASE').get(name) as ViewRow | undefined;
    return row ? record(row) : null;
  }

  async put(view: SavedViewRecord): Promise<void> {
    this.db
      .prepare(`INSERT INTO saved_views (id, name, filter, created_at, updated_at) VALUES (@id, @name, @filter, @createdAt, @updatedAt)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, filter = excluded.filter, updated_at = excluded.updated_at`)
      .run({ ...view, filter: JSON.stringify(view.filter) });
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
  }
}
