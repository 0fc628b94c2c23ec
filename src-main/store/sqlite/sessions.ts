import type Database from 'better-sqlite3';
import type { SessionStore } from '../sessions-types.js';

export class SqliteSessionStore implements SessionStore {
  constructor(private readonly db: Database.Database) {}
}
