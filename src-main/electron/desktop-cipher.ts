/**
 * Which cipher protects the desktop app's secrets, said in its `backend` (shown under Settings →
 * Providers) and in the log:
 * - safeStorage with a real keyring or keychain;
 * - the AES-256-GCM key file serve mode uses, when the OS offers no encryption, or on Linux when
 *   safeStorage has only `basic_text` (no keyring: Electron then uses a key hard-coded in every
 *   copy of Chromium, no protection at all).
 * Whichever it is, secrets stored under the other one are still read and moved to it at start.
 */
import type { SecretCipher } from '../secrets/cipher.js';
import { createSafeStorageCipher } from './safe-storage-cipher.js';
import type { SafeStorageLike } from './electron-api.js';

/** The AES-256-GCM key file (or GATEWATCH_MASTER_KEY) serve mode uses. */
export interface KeyFileSource {
  /** The cipher; creates the key file when there is none. */
  cipher(): SecretCipher;
  /** Whether a key already exists (the file, or the env): secrets may have been stored with it. */
  exists(): boolean;
}

/** Key-file blobs start with their format version, 0x01 or 0x02 (secrets/cipher.ts); safeStorage's with "v1…" or NUL. */
const isKeyFileBlob = (blob: Buffer) => blob[0] === 0x01 || blob[0] === 0x02;

/**
 * safeStorage from now on; secrets stored earlier with the key file (a start without a keyring)
 * are still read, and reported as legacy so that the vault re-encrypts them with safeStorage.
 */
function safeStorageOverKeyFile(system: SecretCipher, keyFile: SecretCipher): SecretCipher {
  return {
    backend: system.backend,
    secure: system.secure,
    encrypt: (plain, binding) => system.encrypt(plain, binding),
    decrypt: (blob, binding, unbound) => (isKeyFileBlob(blob) ? keyFile : system).decrypt(blob, binding, unbound),
    isLegacy: (blob) => isKeyFileBlob(blob) || system.isLegacy(blob),
    isUnbound: (blob) => (isKeyFileBlob(blob) ? keyFile : system).isUnbound(blob),
  };
}

/**
 * The key file from now on; secrets stored earlier through basic_text safeStorage are still read,
 * and reported as legacy so that the vault re-encrypts them with the key file at start.
 */
function keyFileOverBasicText(keyFile: SecretCipher, basicText: SecretCipher): SecretCipher {
  return {
    backend: `${keyFile.backend}, instead of ${basicText.backend}, which has no keyring here`,
    secure: keyFile.secure,
    encrypt: (plain, binding) => keyFile.encrypt(plain, binding),
    decrypt: (blob, binding, unbound) => (isKeyFileBlob(blob) ? keyFile : basicText).decrypt(blob, binding, unbound),
    isLegacy: (blob) => !isKeyFileBlob(blob) || keyFile.isLegacy(blob),
    isUnbound: (blob) => (isKeyFileBlob(blob) ? keyFile : basicText).isUnbound(blob),
  };
}

export function chooseDesktopCipher(
  safeStorage: SafeStorageLike,
  keyFile: KeyFileSource,
  log: (message: string) => void,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    log('The operating system offers no encryption for secrets (safeStorage is unavailable): they are encrypted with a key file in the data folder instead.');
    return keyFile.cipher();
  }
  const system = createSafeStorageCipher(safeStorage, platform);
  // A keyring that appeared after a start without one: what the key file protected moves to it.
  if (system.secure) return keyFile.exists() ? safeStorageOverKeyFile(system, keyFile.cipher()) : system;
  const fallback = keyFile.cipher();
  log(`No keyring is running, so ${system.backend} would protect secrets with a key known to everyone: they are encrypted with ${fallback.backend} instead.`);
  return keyFileOverBasicText(fallback, system);
}
