import type Database from 'better-sqlite3';
import type { ReplayStore } from '../replay-types.js';

export class SqliteReplayStore implements ReplayStore {
  constructor(private readonly db: Database.Database) {}
}
