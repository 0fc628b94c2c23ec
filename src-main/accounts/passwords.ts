/**
 * Passwords kept as scrypt hashes (node:crypto): N = 2^17, r = 8, p = 1, a random 16-byte salt per
 * hash, compared in constant time. One hash costs about half a second and 128 MiB on purpose:
 * that is what slows down guessing; at most two run at once, so sign-ins cannot exhaust memory.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** scrypt needs 128 · N · r bytes; Node refuses above 32 MiB unless told. */
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_AT_ONCE = 2;
const MAX_WAITING = 64;

/** Too many sign-ins being checked at once: answered "busy", not queued without end. */
export class PasswordCheckBusy extends Error {
  override name = 'PasswordCheckBusy';
}

let running = 0;
const waiting: Array<() => void> = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) {
    if (waiting.length >= MAX_WAITING) throw new PasswordCheckBusy('Too many sign-ins are being checked at once: try again in a moment.');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return gated(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

/** `scrypt$N=131072,r=8,p=1$<salt>$<hash>` (base64url): everything needed to check, nothing to reveal. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, SCRYPT_COST);
  const { N, r, p } = SCRYPT_COST;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A stored hash asks for its own cost: never less than today's, never absurdly more.
  if (N < SCRYPT_COST.N || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  return { cost: { N, r, p }, salt: Buffer.from(match[4]!, 'base64url'), key: Buffer.from(match[5]!, 'base64url') };
}

/** Whether the password is the one hashed; false (after the same work) for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored) ?? { cost: SCRYPT_COST, salt: randomBytes(SALT_LENGTH), key: randomBytes(KEY_LENGTH) };
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key) && parse(stored) !== null;
}

/**
 * A well-formed hash of no password (random salt, random key), checked against when the name is
 * unknown: the same scrypt work as for a real person, so that answer takes as long, from the first.
 */
export function decoyHash(): string {
  const { N, r, p } = SCRYPT_COST;
  return `scrypt$N=${N},r=${r},p=${p}$${randomBytes(SALT_LENGTH).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;
}
