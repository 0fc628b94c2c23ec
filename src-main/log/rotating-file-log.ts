/**
 * The log file in the data dir (gatewatch.log), for the desktop main process and serve mode.
 * Lines are appended across restarts; past `maxBytes` the file is renamed gatewatch.log.1
 * (the older ones shifted to .2, .3…) and a new one begun, so at most `keep` old files stay.
 * Writing never throws: a log that cannot be written (disk full, folder gone) must not stop
 * the console, so the first failure is reported once through `onError` and lines are dropped.
 * Callers never hand it secrets (they log ids, counts and error messages, never bodies or keys).
 */
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LOG_FILE_NAME = 'gatewatch.log';
/** 5 MiB a file, 3 old files: at most 20 MiB of log. */
export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;

export interface RotatingFileLogOptions {
  /** The log file; its folder is created when missing. */
  file: string;
  /** A file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** How many rotated files (.1 newest … .keep oldest) are kept besides the current one. */
  keep?: number;
  now?: () => Date;
  /** Told once, at the first failure to write; later lines are dropped silently. */
  onError?: (error: Error) => void;
}

export class RotatingFileLog {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private fd: number | null = null;
  private size = 0;
  private failed = false;

  constructor(private readonly options: RotatingFileLogOptions) {
    this.path = options.file;
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_LOG_KEEP;
    this.now = options.now ?? (() => new Date());
  }

  /** Appends one line, `<ISO time> <message>`; a message of several lines is kept as it is. */
  write(message: string): void {
    if (this.failed) return;
    const line = Buffer.from(`${this.now().toISOString()} ${message.replace(/\n+$/, '')}\n`);
    try {
      let fd = this.open();
      // A line longer than the limit goes alone into a fresh file rather than being cut.
      if (this.size > 0 && this.size + line.length > this.maxBytes) {
        this.rotate();
        fd = this.open();
      }
      writeSync(fd, line);
      this.size += line.length;
    } catch (error) {
      this.failed = true;
      this.close();
      this.options.onError?.(error as Error);
    }
  }

  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    mkdirSync(dirname(this.path), { recursive: true });
    // 0600: the log says which providers and ports are used; it is nobody else's business.
    const fd = openSync(this.path, 'a', 0o600);
    this.fd = fd;
    this.size = fstatSync(fd).size;
    return fd;
  }

  /** gatewatch.log → .1, .1 → .2, …; the oldest beyond `keep` is removed. */
  private rotate(): void {
    this.close();
    const numbered = (n: number) => `${this.path}.${n}`;
    rmSync(numbered(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(numbered(n), numbered(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (this.keep > 0) renameSync(this.path, numbered(1));
    else rmSync(this.path, { force: true });
  }
}

/** The log file of a data dir. */
export function logFileIn(dataDir: string): string {
  return join(dataDir, LOG_FILE_NAME);
}
