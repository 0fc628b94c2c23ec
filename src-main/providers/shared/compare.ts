import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time string comparison for signatures. Lengths are compared first (a length is not
 * a secret: digests have fixed, public lengths); equal-length values are compared with
 * `crypto.timingSafeEqual` so the time taken says nothing about how many characters matched.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  return constantTimeEqualBytes(Buffer.from(received, 'utf8'), Buffer.from(expected, 'utf8'));
}

/** The same over UTF-8 bytes already encoded (verification encodes each received value once). */
export function constantTimeEqualBytes(received: Buffer, expected: Buffer): boolean {
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}
