import { timingSafeEqual } from 'node:crypto';
import type { SecretCipher } from '../secrets/cipher.js';
import { bindingDigest } from '../secrets/binding.js';
import type { SafeStorageLike } from './electron-api.js';

/**
 * safeStorage takes no associated data, so a version-2 blob binds its row inside the encrypted
 * text: MAGIC | safeStorage(sha256-hex of the row's binding + value). The magic starts with a NUL,
 * which no safeStorage blob does ("v10"/"v11", or DPAPI's 01 00 00 00): older, unbound blobs are
 * told apart without decrypting.
 */
const MAGIC = Buffer.from([0x00, 0x67, 0x77, 0x32]); // "\0gw2"
const DIGEST_CHARS = 64;

/**
 * Secrets at rest in the desktop app: Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet).
 * On Linux without a keyring safeStorage silently uses a hard-coded key ('basic_text'); that is
 * reported as not secure instead of pretended.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageLike, platform = process.platform): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('The operating system offers no encryption for secrets (safeStorage is unavailable).');
  }
  const selected = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
  const secure = selected !== 'basic_text' && selected !== 'unknown';
  return {
    backend: platform === 'linux' ? `safeStorage (${selected})` : 'safeStorage (operating system keychain)',
    secure,
    encrypt: (plain, binding) => Buffer.concat([MAGIC, safeStorage.encryptString(bindingDigest(binding) + plain)]),
    decrypt(blob, binding) {
      if (!hasMagic(blob)) return safeStorage.decryptString(blob);
      const text = safeStorage.decryptString(blob.subarray(MAGIC.length));
      const bound = Buffer.from(text.slice(0, DIGEST_CHARS));
      const expected = Buffer.from(bindingDigest(binding));
      if (bound.length !== expected.length || !timingSafeEqual(bound, expected)) {
        throw new Error('encrypted secret could not be decrypted: it was stored for another entry (moved or swapped), or the data was altered');
      }
      return text.slice(DIGEST_CHARS);
    },
    isLegacy: (blob) => !hasMagic(blob),
  };
}

function hasMagic(blob: Buffer): boolean {
  return blob.length >= MAGIC.length && blob.subarray(0, MAGIC.length).equals(MAGIC);
}
