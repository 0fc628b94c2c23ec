/**
 * Which cipher protects the desktop app's secrets, said in its `backend` (shown under Settings →
 * Providers) and in the log:
 * - safeStorage with a real keyring or keychain;
 * - the AES-256-GCM key file serve mode uses, when the OS offers no encryption, or on Linux when
 *   safeStorage has only `basic_text` (no keyring: Electron then uses a key hard-coded in every
 *   copy of Chromium, no protection at all).
 */
import type { SecretCipher } from '../secrets/cipher.js';
import { createSafeStorageCipher } from './safe-storage-cipher.js';
import type { SafeStorageLike } from './electron-api.js';

/** Key-file blobs start with their format version, 0x01 or 0x02 (secrets/cipher.ts); safeStorage's with "v1…" or NUL. */
const isKeyFileBlob = (blob: Buffer) => blob[0] === 0x01 || blob[0] === 0x02;

/**
 * The key file from now on; secrets stored earlier through basic_text safeStorage are still read,
 * and reported as legacy so that the vault re-encrypts them with the key file at start.
 */
function keyFileOverBasicText(keyFile: SecretCipher, basicText: SecretCipher): SecretCipher {
  return {
    backend: `${keyFile.backend}, instead of ${basicText.backend}, which has no keyring here`,
    secure: keyFile.secure,
    encrypt: (plain, binding) => keyFile.encrypt(plain, binding),
    decrypt: (blob, binding) => (isKeyFileBlob(blob) ? keyFile : basicText).decrypt(blob, binding),
    isLegacy: (blob) => !isKeyFileBlob(blob) || keyFile.isLegacy(blob),
  };
}

export function chooseDesktopCipher(
  safeStorage: SafeStorageLike,
  keyFile: () => SecretCipher,
  log: (message: string) => void,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    log('The operating system offers no encryption for secrets (safeStorage is unavailable): they are encrypted with a key file in the data folder instead.');
    return keyFile();
  }
  const system = createSafeStorageCipher(safeStorage, platform);
  if (system.secure) return system;
  const fallback = keyFile();
  log(`No keyring is running, so ${system.backend} would protect secrets with a key known to everyone: they are encrypted with ${fallback.backend} instead.`);
  return keyFileOverBasicText(fallback, system);
}
