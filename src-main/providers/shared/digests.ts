/**
 * The digest recipes providers use, as named variants. `compute` is the single implementation
 * shared by verification and signing (webhook re-sign, outgoing requests).
 */
import { createHash, createHmac } from 'node:crypto';

export type DigestEncoding = 'hex' | 'base64';

export interface DigestVariant {
  /** Short name shown in candidate names when a recipe tries several ("HMAC-SHA256, base64"). */
  name: string;
  algorithm: string;
  encoding: DigestEncoding;
  /** False for a plain hash: it proves the body is intact, not who sent it. */
  keyed: boolean;
  compute(secret: string, content: Buffer): string;
  /** Characters in an encoded digest (public knowledge, used for diagnosis only). */
  length: number;
  /** Whether a received header value is shaped like this digest (used for diagnosis only). */
  looksLike(value: string): boolean;
}

const DIGEST_BYTES: Record<string, number> = { md5: 16, sha256: 32, sha512: 64 };

function shape(hash: string, encoding: DigestEncoding): Pick<DigestVariant, 'length' | 'looksLike'> {
  const bytes = DIGEST_BYTES[hash] ?? 0;
  if (encoding === 'hex') {
    const re = new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`);
    return { length: bytes * 2, looksLike: (v) => re.test(v) };
  }
  const length = Math.ceil(bytes / 3) * 4;
  return { length, looksLike: (v) => v.length === length && /^[A-Za-z0-9+/]+={0,2}$/.test(v) };
}

export function hmacDigest(hash: 'sha256' | 'sha512', encoding: DigestEncoding): DigestVariant {
  return {
    name: `HMAC-${hash.toUpperCase()}, ${encoding}`,
    algorithm: `HMAC-${hash.toUpperCase()}`,
    encoding,
    keyed: true,
    compute: (secret, content) => createHmac(hash, Buffer.from(secret, 'utf8')).update(content).digest(encoding),
    ...shape(hash, encoding),
  };
}

export function plainDigest(hash: 'sha256' | 'md5', encoding: DigestEncoding): DigestVariant {
  return {
    name: `plain ${hash.toUpperCase()}, ${encoding}`,
    algorithm: hash.toUpperCase(),
    encoding,
    keyed: false,
    compute: (_secret, content) => createHash(hash).update(content).digest(encoding),
    ...shape(hash, encoding),
  };
}

/** MD5 hex of `content + ":" + secret` (InstaXchange's X-InstaXWH-KEY). */
export const md5WithSecretSuffix: DigestVariant = {
  name: 'MD5 of content + ":" + secret, hex',
  algorithm: 'MD5',
  encoding: 'hex',
  keyed: true,
  compute: (secret, content) => createHash('md5').update(content).update(':', 'utf8').update(secret, 'utf8').digest('hex'),
  ...shape('md5', 'hex'),
};

/** Hex digests are compared case-insensitively; base64 exactly. */
export function normalizeReceived(value: string, encoding: DigestEncoding): string {
  const trimmed = value.trim();
  return encoding === 'hex' ? trimmed.toLowerCase() : trimmed;
}
