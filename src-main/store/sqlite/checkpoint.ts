import type Database from 'better-sqlite3';

/**
 * Copies the write-ahead log into the database file without holding up writers (PASSIVE). Once
 * everything is copied, the next writer starts the log afresh. TRUNCATE would also cut the file
 * back, but it blocks writers while it copies what arrived meanwhile, syncs and truncates:
 * hundreds of milliseconds of unanswered webhooks after a burst. Returns the log's size in pages.
 */
export function checkpointLog(db: Database.Database): number {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return result?.log ?? 0;
}
