/**
 * Which stored row a secret belongs to. Every cipher binds its ciphertext to this, so that a
 * blob copied or swapped into another row (another provider's API key, another label) fails to
 * decrypt instead of quietly becoming that row's secret.
 */
import { createHash } from 'node:crypto';

export interface SecretBinding {
  owner: string;
  kind: string;
  label: string;
}

const DOMAIN = 'gatewatch secret binding v2';

/**
 * Canonical bytes: each part as a 4-byte big-endian length and its UTF-8 bytes, so no two
 * different rows encode alike (`a`+`bc` and `ab`+`c` differ).
 */
export function bindingBytes(binding: SecretBinding): Buffer {
  return Buffer.concat(
    [DOMAIN, binding.owner, binding.kind, binding.label].flatMap((part) => {
      const bytes = Buffer.from(part, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

/** A fixed-length text form (64 hex characters) for backends that encrypt strings only. */
export function bindingDigest(binding: SecretBinding): string {
  return createHash('sha256').update(bindingBytes(binding)).digest('hex');
}
