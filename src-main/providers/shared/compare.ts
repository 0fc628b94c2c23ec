import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time string comparison for signatures. Lengths are compared first (a length is not
 * a secret: digests have fixed, public lengths); equal-length values are compared with
 * `crypto.timingSafeEqual` so the time taken says nothing about how many characters matched.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
