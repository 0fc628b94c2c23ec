import type Database from 'better-sqlite3';

/**
 * Copies the write-ahead log into the database file. PASSIVE never holds up writers: once
 * everything is copied, the next writer starts the log afresh (and journal_size_limit cuts the
 * file back). TRUNCATE also empties the file, but it blocks writers while it copies what is left
 * and syncs: only for a log known to be small, or a quiet listener. Returns the log's size in pages.
 */
export function checkpointLog(db: Database.Database, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): number {
  const [result] = db.pragma(`wal_checkpoint(${mode})`) as Array<{ busy: number; log: number; checkpointed: number }>;
  return result?.log ?? 0;
}
