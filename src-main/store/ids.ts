import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
let lastRandom: Buffer = Buffer.alloc(0);

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
  let random: Buffer;
  if (now === lastTime) {
    random = Buffer.from(lastRandom);
    for (let i = random.length - 1; i >= 0; i--) {
      random[i] = (random[i]! + 1) & 0xff;
      if (random[i] !== 0) break;
    }
  } else {
    random = randomBytes(10);
  }
  lastTime = now;
  lastRandom = random;
  const time = Buffer.alloc(6);
  time.writeUIntBE(now, 0, 6);
  return `${prefix}_${encode(time)}${encode(random)}`;
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
