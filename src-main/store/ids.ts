import { randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 10;
/** Random bytes drawn for many ids at once: one call into the CSPRNG per 256 ids instead of one per id. */
const pool = new Uint8Array(RANDOM_BYTES * 256);
let poolAt = pool.length;
let lastTime = -1;
let lastTimeText = '';
const lastRandom = new Uint8Array(RANDOM_BYTES);

function encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A time-ordered unique id (ULID-like) with a short type prefix, e.g. `dlv_01JD…`. Ids stay unique
 * across machines, so a shared team store can merge them; within one millisecond the random part
 * is incremented, so ids made in one process sort in creation order.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now === lastTime) {
    for (let i = RANDOM_BYTES - 1; i >= 0; i--) {
      lastRandom[i] = (lastRandom[i]! + 1) & 0xff;
      if (lastRandom[i] !== 0) break;
    }
  } else {
    if (poolAt === pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    lastRandom.set(pool.subarray(poolAt, poolAt + RANDOM_BYTES));
    poolAt += RANDOM_BYTES;
    lastTime = now;
    const time = Buffer.alloc(6);
    time.writeUIntBE(now, 0, 6);
    lastTimeText = encode(time);
  }
  return `${prefix}_${lastTimeText}${encode(lastRandom)}`;
}

/** When an id made by newId was made (ms since epoch), read back from its time part; null for any other string. */
export function idTime(id: string): number | null {
  const match = /^[a-z]+_([0-9A-HJKMNP-TV-Z]{10})/.exec(id);
  if (!match) return null;
  // 48 bits of time as 50 bits of Crockford base32 (the last 2 bits are padding).
  let value = 0;
  for (const char of match[1]!) value = value * 32 + CROCKFORD.indexOf(char);
  return Math.floor(value / 4);
}
