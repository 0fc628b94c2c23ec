import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrations, type Migration } from './migrations/index.js';
import { ensurePrivateDir, ensurePrivateStoreFiles } from './file-modes.js';
import { DEFAULT_LOG_BOUND_BYTES, keptLogBytes } from './log-bound.js';
import { StoreOpenError } from '../open-error.js';

export { StoreOpenError };

export interface OpenOptions {
  /** A prebuilt native module (the desktop app passes the one built for Electron's ABI). */
  nativeBinding?: string;
  /** Where to say that loose file modes were tightened (stderr by default). */
  log?: (message: string) => void;
  /** The size the write-ahead log is kept under (see LogBound); 64 MiB by default. */
  logBoundBytes?: number;
}

const logToStderr = (message: string) => console.error(`gatewatch: ${message}`);

/** Opens (or creates) gatewatch.db in dataDir: WAL, foreign keys, busy timeout, migrated. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Database.Database {
  const log = options.log ?? logToStderr;
  const file = join(dataDir, 'gatewatch.db');
  let db: Database.Database;
  try {
    ensurePrivateDir(dataDir, log);
    ensurePrivateStoreFiles(file, log);
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StoreOpenError(`Cannot open the store at ${file}: ${(error as Error).message}`, { cause: error });
  }
  // Must precede the first table: lets retention give space back in small steps, not one long VACUUM.
  if (isEmpty(db)) db.pragma('auto_vacuum = INCREMENTAL');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    db.close();
    throw new StoreOpenError(`The store at ${file} could not switch to WAL mode (got "${String(mode)}"); is it on a network filesystem?`);
  }
  // NORMAL in WAL mode: a committed transaction survives a process crash (only an OS crash
  // or power loss can lose the last commits), at a fraction of FULL's fsync cost.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoints are run beside the writes when the log grows (LogBound) and by the derivation
  // worker when the listener is quiet (DeliveryStore.checkpoint), not inside whichever commit
  // happens to cross the WAL threshold, which is usually a batch of deliveries waiting for their answer.
  db.pragma('wal_autocheckpoint = 0');
  // When the log starts afresh, its file is cut back to this size. Cutting back a log of hundreds
  // of megabytes held the listener for ~300 ms; LogBound keeps it to a few, so this costs little.
  db.pragma(`journal_size_limit = ${keptLogBytes(options.logBoundBytes ?? DEFAULT_LOG_BOUND_BYTES)}`);
  try {
    applyMigrations(db, migrations, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function isEmpty(db: Database.Database): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() === 0;
}

export function applyMigrations(db: Database.Database, all: readonly Migration[], file = 'the store'): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...all.map((m) => m.version));
  if (newest > known) {
    throw new StoreOpenError(
      `${file} was written by a newer Gatewatch (schema version ${newest}, this build knows ${known}). ` + 'Nothing was changed: update Gatewatch to open it.',
    );
  }
  const ran: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    const run = db.transaction(() => {
      db.exec(migration.sql);
      migration.data?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    });
    try {
      run();
    } catch (error) {
      // The transaction rolled back: the store is as it was before this migration.
      throw new StoreOpenError(
        `Migration ${migration.version} (${migration.name}) failed on ${file}: ${(error as Error).message}. ` +
          'The store was left unchanged; no data was deleted.',
        { cause: error },
      );
    }
    ran.push(migration.version);
  }
  return ran;
}
