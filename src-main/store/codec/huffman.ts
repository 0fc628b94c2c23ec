/*
 * Huffman code lengths and canonical codes for deflate (RFC 1951, 3.2.2), for the dictionary
 * deflater beside this file. Codes are returned bit-reversed: deflate writes them most
 * significant bit first into a stream filled from the least significant bit.
 */

/** Longest code any tree may have: the depth of a Huffman tree over our frequencies stays well below this. */
const MAX_DEPTH = 64;
/** At most 286 symbols (deflate's literal/length alphabet); scratch space, reused (one thread runs one call at a time). */
const MAX_SYMBOLS = 286;
const keys = new Int32Array(MAX_SYMBOLS);
const depths = new Int32Array(MAX_SYMBOLS);
const perLength = new Int32Array(MAX_DEPTH + 1);
const codesPerLength = new Uint16Array(16);
const nextCode = new Uint16Array(16);
/** Bit-reversed bytes, for reversing codes eight bits at a time. */
const reversedByte = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
  reversedByte[b] = r;
}

/**
 * Minimum-redundancy code lengths for frequencies sorted ascending, in place (Moffat and
 * Katajainen's algorithm, as in miniz): `a[i]` becomes the depth of the i-th least frequent symbol.
 */
function minimumRedundancy(a: Int32Array, n: number): void {
  if (n === 1) {
    a[0] = 1;
    return;
  }
  a[0]! += a[1]!;
  let root = 0;
  let leaf = 2;
  for (let next = 1; next < n - 1; next++) {
    if (leaf >= n || a[root]! < a[leaf]!) {
      a[next] = a[root]!;
      a[root++] = next;
    } else a[next] = a[leaf++]!;
    if (leaf >= n || (root < next && a[root]! < a[leaf]!)) {
      a[next]! += a[root]!;
      a[root++] = next;
    } else a[next]! += a[leaf++]!;
  }
  a[n - 2] = 0;
  for (let next = n - 3; next >= 0; next--) a[next] = a[a[next]!]! + 1;
  let available = 1;
  let used = 0;
  let depth = 0;
  root = n - 2;
  let next = n - 1;
  while (available > 0) {
    while (root >= 0 && a[root] === depth) {
      used++;
      root--;
    }
    while (available > used) {
      a[next--] = depth;
      available--;
    }
    available = 2 * used;
    depth++;
    used = 0;
  }
}

/**
 * Code lengths of at most `limit` bits for `freq` (lengths 0 for unused symbols). At least two
 * symbols get a code, so every tree is complete (inflate refuses an incomplete one).
 */
export function codeLengths(freq: Uint32Array, count: number, limit: number, lengths: Uint8Array): void {
  lengths.fill(0, 0, count);
  // Frequency and symbol in one number, so a plain numeric sort orders them (ties by symbol).
  let n = 0;
  for (let s = 0; s < count; s++) if (freq[s]! > 0) keys[n++] = freq[s]! * 512 + s;
  for (let s = 0; n < 2; s++) if (freq[s] === 0) keys[n++] = 512 + s;
  keys.subarray(0, n).sort();
  // Frequencies in, depths out.
  for (let i = 0; i < n; i++) depths[i] = keys[i]! >> 9;
  minimumRedundancy(depths, n);
  perLength.fill(0);
  for (let i = 0; i < n; i++) perLength[Math.min(depths[i]!, MAX_DEPTH)]!++;
  // Longer codes than the limit are folded into it, then the Kraft sum is brought back to one.
  for (let l = limit + 1; l <= MAX_DEPTH; l++) perLength[limit]! += perLength[l]!;
  let total = 0;
  for (let l = limit; l > 0; l--) total += perLength[l]! << (limit - l);
  while (total !== 1 << limit) {
    perLength[limit]!--;
    for (let l = limit - 1; l > 0; l--) {
      if (perLength[l]! > 0) {
        perLength[l]!--;
        perLength[l + 1]! += 2;
        break;
      }
    }
    total--;
  }
  // The shortest codes go to the most frequent symbols (the end of the sorted list).
  let j = n;
  for (let l = 1; l <= limit; l++) for (let k = perLength[l]!; k > 0; k--) lengths[keys[--j]! & 511] = l;
}

/** Canonical codes for the lengths, bit-reversed for writing (RFC 1951, 3.2.2). */
export function canonicalCodes(lengths: Uint8Array, count: number, codes: Uint16Array): void {
  codesPerLength.fill(0);
  for (let s = 0; s < count; s++) codesPerLength[lengths[s]!]!++;
  codesPerLength[0] = 0;
  let code = 0;
  for (let bits = 1; bits <= 15; bits++) {
    code = (code + codesPerLength[bits - 1]!) << 1;
    nextCode[bits] = code;
  }
  for (let s = 0; s < count; s++) {
    const length = lengths[s]!;
    if (length === 0) continue;
    const c = nextCode[length]!++;
    codes[s] = ((reversedByte[c & 0xff]! << 8) | reversedByte[c >> 8]!) >> (16 - length);
  }
}
