/**
 * Secrets at rest in serve mode (and wherever safeStorage is not available): AES-256-GCM with a
 * master key from GATEWATCH_MASTER_KEY or a 0600 key file in the data dir. Pure Node crypto, no
 * Electron: the desktop build wraps safeStorage in the same `SecretCipher` interface.
 *
 * Blob format version 2: 0x02 | iv (12 bytes) | GCM tag (16 bytes) | ciphertext, with the row's
 * binding (owner, kind, label) as associated data: a blob copied into another row does not
 * decrypt there. Version 1 (0x01, no associated data) decrypts in any row, so it is read only by
 * the vault's one-time upgrade, which re-encrypts old rows as version 2.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindingBytes, type SecretBinding } from './binding.js';

export type { SecretBinding } from './binding.js';

export interface SecretCipher {
  /** Which backend protects the secrets ("aes-256-gcm (key file)", "safeStorage: basic_text"…). */
  readonly backend: string;
  /** False when the backend does not really protect the secrets (e.g. plain-text fallback). */
  readonly secure: boolean;
  /** Encrypts a value for one row only: `binding` names that row. */
  encrypt(plain: string, binding: SecretBinding): Buffer;
  /**
   * Throws, in words, when the blob belongs to another row, another key, or was altered. An
   * unbound blob (see isUnbound) is refused unless `unbound` is given: only the vault's one-time
   * upgrade reads those, naming every row in the store so that a bound blob stripped down to
   * look unbound is recognised.
   */
  decrypt(blob: Buffer, binding: SecretBinding, unbound?: UnboundReading): string;
  /** Not in this cipher's current format (older, unbound, or another backend's): re-encrypt it. */
  isLegacy(blob: Buffer): boolean;
  /** Written before rows were bound: it decrypts in any row, so it is trusted only during the one-time upgrade. */
  isUnbound(blob: Buffer): boolean;
}

/** Leave to read unbound blobs, given only by the vault's one-time upgrade. */
export interface UnboundReading {
  /** Every row in the store. */
  rows: readonly SecretBinding[];
}

/** Why an unbound blob is refused outside the one-time upgrade. */
export const UNBOUND_REFUSED =
  'it is in the format used before secrets were bound to their entry, which is accepted only once, when Gatewatch upgrades its stored secrets; this one was not there then';

const LEGACY_VERSION = 0x01;
const VERSION = 0x02;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const KEY_FILE_NAME = 'master.key';

export function createAesGcmCipher(masterKey: Buffer, backend = 'aes-256-gcm'): SecretCipher {
  if (masterKey.length !== KEY_BYTES) throw new Error(`master key must be ${KEY_BYTES} bytes, got ${masterKey.length}`);
  const key = Buffer.from(masterKey);
  return {
    backend,
    secure: true,
    encrypt(plain, binding) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(bindingBytes(binding));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob, binding, unbound) {
      if (blob.length < 1 + IV_BYTES + TAG_BYTES) throw new Error('encrypted secret is truncated');
      if (blob[0] !== VERSION && blob[0] !== LEGACY_VERSION) throw new Error(`encrypted secret has unknown format version ${blob[0]}`);
      if (blob[0] === LEGACY_VERSION && unbound === undefined) throw new Error(`encrypted secret could not be decrypted: ${UNBOUND_REFUSED}`);
      const iv = blob.subarray(1, 1 + IV_BYTES);
      const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      if (blob[0] === VERSION) decipher.setAAD(bindingBytes(binding));
      try {
        return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // Do not pass the crypto error on: say what it means. GCM cannot tell these causes apart.
        throw new Error(
          blob[0] === VERSION
            ? 'encrypted secret could not be decrypted: it was stored for another entry (moved or swapped), the master key is wrong, or the data was altered'
            : 'encrypted secret could not be decrypted: wrong master key, or the data was altered',
        );
      }
    },
    isLegacy: (blob) => blob[0] === LEGACY_VERSION,
    isUnbound: (blob) => blob[0] === LEGACY_VERSION,
  };
}

/** Where the store says it tightened loose file modes (store/sqlite/file-modes.ts): stderr. */
const logToStderr = (message: string) => console.error(`gatewatch: ${message}`);

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * Reads `<dataDir>/master.key`, creating it (32 random bytes, mode 0600) when absent. A key file
 * of the wrong length is refused rather than silently replaced: that would orphan every secret.
 * A key file others could read is made 0600 and said in the log: whoever read it can decrypt
 * every stored secret, so the key and the credentials under it should be replaced.
 */
export function loadOrCreateKeyFile(dataDir: string, log: (message: string) => void = logToStderr): Buffer {
  const path = join(dataDir, KEY_FILE_NAME);
  let existing: Buffer | undefined;
  try {
    existing = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (existing !== undefined) {
    if (existing.length !== KEY_BYTES) {
      throw new Error(`key file ${path} holds ${existing.length} bytes, expected ${KEY_BYTES}: restore the right file or set GATEWATCH_MASTER_KEY`);
    }
    const mode = process.platform === 'win32' ? 0 : statSync(path).mode;
    if ((mode & 0o077) !== 0) {
      chmodSync(path, 0o600);
      log(
        `The key file ${path} was readable by others (${octal(mode)}); now 0600. Anyone who read it can decrypt the stored secrets: ` +
          'change the API keys and webhook secrets at the providers, then move this key file aside and enter them again under Settings (a new key is created).',
      );
    }
    return existing;
  }
  // Owner-only, like the store beside it (see store/sqlite/file-modes.ts).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another process created the file meanwhile, instead of overwriting its key.
  writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  return key;
}

/** GATEWATCH_MASTER_KEY: 64 hex characters, or base64 of exactly 32 bytes. */
export function masterKeyFromEnv(value: string): Buffer {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new Error(`GATEWATCH_MASTER_KEY must be ${KEY_BYTES} bytes written as 64 hex characters or as base64 (44 characters); got ${text.length} characters`);
}
