/**
 * The data dir holds customer data (webhook bodies, audit entries): owner-only, whatever the
 * process umask. SQLite gives its -wal and -shm files the database file's own mode, so a 0600
 * database keeps its logs 0600 too (test/store/file-modes.test.ts checks that claim).
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Creates the dir 0700, or tightens an existing one that others can read or enter. */
export function ensurePrivateDir(dir: string, log: (message: string) => void): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return;
  const mode = statSync(dir).mode;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(dir, PRIVATE_DIR);
    log(`The data folder ${dir} was open to other users; changed its mode from ${octal(mode)} to 0700.`);
  } catch (error) {
    log(`The data folder ${dir} is open to other users (${octal(mode)}) and could not be changed to 0700: ${(error as Error).message}`);
  }
}

/**
 * Creates the database file 0600 before SQLite opens it (so it is never readable by others,
 * not even for a moment), and tightens the database and any log files left with looser modes.
 */
export function ensurePrivateStoreFiles(file: string, log: (message: string) => void): void {
  if (process.platform === 'win32') return;
  // 'a' creates an empty file or leaves an existing one as it is; the mode applies on creation only.
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch {
      continue; // no log file yet: SQLite creates it with the database file's mode
    }
    if ((mode & 0o077) === 0) continue;
    chmodSync(path, PRIVATE_FILE);
    log(`${path.split(/[\\/]/).pop()} was readable by others (${octal(mode)}); now 0600.`);
  }
}
