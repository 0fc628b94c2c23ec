/**
 * Serve mode as a team server: `--database postgres://…` (or GATEWATCH_DATABASE_URL) puts the
 * store in a shared PostgreSQL database instead of SQLite in the data dir. Every instance on that
 * database must encrypt secrets with the same key (`--key-file` or GATEWATCH_MASTER_KEY); the
 * database keeps a check value so an instance with another key is refused before it writes.
 */
import { chmodSync, linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Store, SettingsStore } from '../store/types.js';
import { openPostgresStore, describeDatabaseUrl } from '../store/postgres/index.js';
import { StoreOpenError } from '../store/open-error.js';
import { createAesGcmCipher, masterKeyFromEnv, type SecretCipher } from '../secrets/cipher.js';
import { serveModeCipher } from '../app/cipher-choice.js';

/** A start-up refusal said in one sentence (no stack): the CLI prints it and exits. */
export class TeamSetupError extends Error {
  override name = 'TeamSetupError';
}

const DatabaseUrl = z
  .string()
  .trim()
  .min(1)
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

/** The database URL from `--database` or GATEWATCH_DATABASE_URL, or null for SQLite in the data dir. */
export function databaseUrlFrom(flag: string | undefined, env: Record<string, string | undefined>): string | null {
  const raw = flag ?? (env.GATEWATCH_DATABASE_URL || undefined);
  if (raw === undefined) return null;
  const parsed = DatabaseUrl.safeParse(raw);
  // The URL itself is not repeated: it may carry a password.
  if (!parsed.success)
    throw new TeamSetupError(`--database ${parsed.error.issues[0]?.message ?? 'is not a PostgreSQL URL'} (e.g. postgres://gatewatch@db:5432/gatewatch)`);
  return parsed.data;
}

const Millis = z.coerce.number().int().min(50).max(600_000);

/**
 * Instance timing for tests only (GATEWATCH_TEST_HEARTBEAT_MS, GATEWATCH_TEST_STALE_AFTER_MS): the
 * fault tests take a dead instance for dead within seconds rather than the default 30 s.
 */
export function instanceTimingFrom(env: Record<string, string | undefined>): { heartbeatMs?: number; staleAfterMs?: number } {
  const read = (name: string) => {
    const value = env[name];
    if (!value) return undefined;
    const parsed = Millis.safeParse(value);
    if (!parsed.success) throw new TeamSetupError(`${name} must be a number of milliseconds between 50 and 600000`);
    return parsed.data;
  };
  const timing = { heartbeatMs: read('GATEWATCH_TEST_HEARTBEAT_MS'), staleAfterMs: read('GATEWATCH_TEST_STALE_AFTER_MS') };
  return Object.fromEntries(Object.entries(timing).filter(([, v]) => v !== undefined));
}

/** Opens the team database; a server out of reach or a newer schema is a TeamSetupError naming the URL without its password. */
export async function openTeamStore(url: string, options: { log: (message: string) => void; env?: Record<string, string | undefined> }): Promise<Store> {
  try {
    return await openPostgresStore(url, { log: options.log, timing: instanceTimingFrom(options.env ?? {}) });
  } catch (error) {
    if (error instanceof StoreOpenError || error instanceof TeamSetupError) throw new TeamSetupError(error.message);
    throw new TeamSetupError(`Cannot open the database at ${describeDatabaseUrl(url)}: ${(error as Error).message}`);
  }
}

const KEY_BYTES = 32;

/**
 * The key in `path` (32 raw bytes), created (0600) when absent, so the first instance to start
 * with a shared key file writes it and the others read it. An existing file is never replaced.
 */
export function loadKeyFile(path: string, log: (message: string) => void): Buffer {
  const read = (): Buffer | null => {
    try {
      return readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new TeamSetupError(`cannot read the key file ${path}: ${(error as Error).message}`);
    }
  };
  let key = read();
  if (key === null) {
    // Written whole under another name, then linked into place: an instance starting at the same
    // moment sees no file or the whole key, never an empty one; if it linked first, its key stays.
    const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(draft, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
      linkSync(draft, path);
      log(`created a new secrets key in ${path}: every instance sharing this database needs this same file`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new TeamSetupError(`cannot create the key file ${path}: ${(error as Error).message}`);
    } finally {
      try {
        unlinkSync(draft);
      } catch {
        // Never written: nothing to remove.
      }
    }
    key = read();
  }
  if (key === null || key.length !== KEY_BYTES) {
    throw new TeamSetupError(`the key file ${path} holds ${key?.length ?? 0} bytes, expected ${KEY_BYTES}: restore the right file`);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    // A mounted secret may be read-only: tightened where possible, said either way.
    try {
      chmodSync(path, 0o600);
      log(`the key file ${path} was readable by others; now 0600`);
    } catch {
      log(`the key file ${path} is readable by others: make it 0600 (owner only)`);
    }
  }
  return key;
}

/** GATEWATCH_MASTER_KEY first (never on disk), then `--key-file`, then the data dir's master.key as before. */
export function serveCipher(options: {
  dataDir: string;
  keyFile: string | null;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}): SecretCipher {
  const fromEnv = options.env.GATEWATCH_MASTER_KEY;
  try {
    if (fromEnv) return createAesGcmCipher(masterKeyFromEnv(fromEnv), 'aes-256-gcm (GATEWATCH_MASTER_KEY)');
    if (options.keyFile) return createAesGcmCipher(loadKeyFile(options.keyFile, options.log), 'aes-256-gcm (--key-file)');
    return serveModeCipher(options.dataDir, {});
  } catch (error) {
    if (error instanceof TeamSetupError) throw error;
    throw new TeamSetupError((error as Error).message);
  }
}

const KEY_CHECK_SETTING = 'team.secretsKeyCheck';
const KEY_CHECK_BINDING = { owner: 'gatewatch', kind: 'key-check', label: 'team' };
const KEY_CHECK_TEXT = 'gatewatch team secrets key';

/**
 * Refuses an instance whose secrets key differs from the one the shared database was first used
 * with: it could read none of the team's secrets, and what it saved the others could not read.
 * The first instance on a database leaves the check value (the known text encrypted with its key).
 */
export async function checkSharedKey(settings: SettingsStore, cipher: SecretCipher): Promise<void> {
  let current = await settings.get(KEY_CHECK_SETTING);
  if (current === undefined) {
    // Two first instances may start at once: only the first check is stored, never overwritten,
    // so the other one compares against it and is refused now, before it writes secrets nobody
    // else can read.
    current = await settings.setIfAbsent(KEY_CHECK_SETTING, cipher.encrypt(KEY_CHECK_TEXT, KEY_CHECK_BINDING).toString('base64'));
  }
  if (typeof current !== 'string') throw new TeamSetupError('the secrets key check in the team database is not one this version wrote');
  const checked = current;
  let text: string | null = null;
  try {
    text = cipher.decrypt(Buffer.from(checked, 'base64'), KEY_CHECK_BINDING);
  } catch {
    text = null;
  }
  if (text !== KEY_CHECK_TEXT) {
    throw new TeamSetupError(
      `This instance's secrets key (${cipher.backend}) is not the one the team database's secrets are encrypted with. ` +
        'Every instance on one database needs the same key: set the same GATEWATCH_MASTER_KEY on each, or give each --key-file with a copy of the first instance’s key file.',
    );
  }
}
