import type { SecretCipher } from '../secrets/cipher.js';
import type { SafeStorageLike } from './electron-api.js';

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
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
  };
}

/**
 * The desktop app's cipher: safeStorage when the OS offers encryption, otherwise the same
 * AES-256-GCM key file serve mode uses (said in the log), rather than refusing to start.
 */
export function desktopCipher(
  safeStorage: SafeStorageLike,
  fallback: () => SecretCipher,
  log: (message: string) => void,
  platform = process.platform,
): SecretCipher {
  try {
    return createSafeStorageCipher(safeStorage, platform);
  } catch (error) {
    log(`${(error as Error).message} Secrets are encrypted with a key file in the data folder instead.`);
    return fallback();
  }
}
