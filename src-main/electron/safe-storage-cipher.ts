import { timingSafeEqual } from 'node:crypto';
import { UNBOUND_REFUSED, type SecretCipher, type UnboundReading } from '../secrets/cipher.js';
import { bindingDigest, type SecretBinding } from '../secrets/binding.js';
import type { SafeStorageLike } from './electron-api.js';

/**
 * safeStorage takes no associated data, so a bound blob carries its row inside the encrypted text:
 *   version 3: "\0gw3" | safeStorage(MARKER + sha256-hex of the row's binding + value)
 *   version 2: "\0gw2" | safeStorage(sha256-hex of the row's binding + value), still read, re-encrypted as 3
 * The prefix starts with a NUL, which no safeStorage blob does ("v10"/"v11", or DPAPI's
 * 01 00 00 00): older, unbound blobs are told apart without decrypting. The prefix is outside the
 * encryption, so it can be cut off; the MARKER inside cannot, and an "unbound" blob whose text
 * starts with it is a bound one stripped of its prefix: refused.
 */
const MAGIC = Buffer.from('\0gw3', 'latin1');
const MAGIC_V2 = Buffer.from('\0gw2', 'latin1');
const MARKER = '\0gatewatch-bound\0';
const DIGEST_CHARS = 64;

const MOVED = 'encrypted secret could not be decrypted: it was stored for another entry (moved or swapped), or the data was altered';

const startsWith = (blob: Buffer, prefix: Buffer) => blob.length >= prefix.length && blob.subarray(0, prefix.length).equals(prefix);

function sameDigest(text: string, binding: SecretBinding): boolean {
  const bound = Buffer.from(text.slice(0, DIGEST_CHARS));
  const expected = Buffer.from(bindingDigest(binding));
  return bound.length === expected.length && timingSafeEqual(bound, expected);
}

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

  /** An unbound blob's text, unless it is a bound blob stripped of its prefix (version 3 by its marker, 2 by a row's digest). */
  const readUnbound = (blob: Buffer, unbound: UnboundReading | undefined): string => {
    if (unbound === undefined) throw new Error(`encrypted secret could not be decrypted: ${UNBOUND_REFUSED}`);
    const text = safeStorage.decryptString(blob);
    if (text.startsWith(MARKER) || unbound.rows.some((row) => sameDigest(text, row))) throw new Error(MOVED);
    return text;
  };

  return {
    backend: platform === 'linux' ? `safeStorage (${selected})` : 'safeStorage (operating system keychain)',
    secure,
    encrypt: (plain, binding) => Buffer.concat([MAGIC, safeStorage.encryptString(MARKER + bindingDigest(binding) + plain)]),
    decrypt(blob, binding, unbound) {
      if (startsWith(blob, MAGIC)) {
        const text = safeStorage.decryptString(blob.subarray(MAGIC.length));
        if (!text.startsWith(MARKER) || !sameDigest(text.slice(MARKER.length), binding)) throw new Error(MOVED);
        return text.slice(MARKER.length + DIGEST_CHARS);
      }
      if (startsWith(blob, MAGIC_V2)) {
        const text = safeStorage.decryptString(blob.subarray(MAGIC_V2.length));
        if (!sameDigest(text, binding)) throw new Error(MOVED);
        return text.slice(DIGEST_CHARS);
      }
      return readUnbound(blob, unbound);
    },
    isLegacy: (blob) => !startsWith(blob, MAGIC),
    isUnbound: (blob) => !startsWith(blob, MAGIC) && !startsWith(blob, MAGIC_V2),
  };
}
