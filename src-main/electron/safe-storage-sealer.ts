import type { TokenSealer } from '../workspace/workspace-service.js';
import type { SafeStorageLike } from './electron-api.js';

/** Inside the encryption: a blob from elsewhere (a provider secret's, say) is not taken for the token. */
const MARKER = 'gatewatch-team-token:';

/**
 * The team server's sign-in for this computer, kept by Electron's safeStorage (Keychain, DPAPI,
 * libsecret/kwallet). Without a real keyring (Linux 'basic_text') it is not kept at all: the
 * person signs in again after each start.
 */
export function safeStorageSealer(safeStorage: SafeStorageLike, platform = process.platform): TokenSealer {
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : 'os';
  return {
    secure: safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown',
    seal: (plain) => safeStorage.encryptString(MARKER + plain).toString('base64'),
    open(sealed) {
      const text = safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      if (!text.startsWith(MARKER)) throw new Error('not a sealed team-server token');
      return text.slice(MARKER.length);
    },
  };
}
