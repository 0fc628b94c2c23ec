import { canonicalCodes, codeLengths } from './huffman.js';
import { CODE_LENGTH_ORDER, DIST_BASE, DIST_EXTRA, distCode, LENGTH_BASE, LENGTH_EXTRA, lengthCode } from './deflate-alphabet.js';

/*
 * Raw deflate (RFC 1951) with a preset dictionary, whose hash chains are built once per thread.
 * node:zlib hashes the whole dictionary again for every stream, which cost more than
 * compressing a delivery itself; any inflater given the same dictionary reads this output
 * (the format is deflate's, only the encoder is another), so stored forms keep their version.
 * One dynamic-Huffman block; inputs that would not fit in the window beside the dictionary
 * are left to the caller (node:zlib).
 */

const WINDOW = 32_768;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/**
 * Candidates tried per position, and a match long enough to stop looking (zlib's level 6: 128
 * and 128). Tuned on the seeds' forms: as small as zlib's level 6 makes them (disk per delivery
 * is near its bound), in less time; 32 cost 2% more bytes.
 */
const MAX_CHAIN = 64;
const NICE_MATCH = 128;
/** A match at least this long is taken without looking one byte further (zlib's level 6: 16). */
const LAZY_MATCH = 16;
/** Past a match this long, a quarter of the chain is searched for a longer one (zlib's level 6: 8). */
const GOOD_MATCH = 8;
/** A 3-byte match further back than this costs more than three literals (zlib's TOO_FAR). */
const TOO_FAR = 4096;
const END_OF_BLOCK = 256;
/** Bytes hashed per position: four, so chains hold few candidates that fail at once (a 3-byte match is rarely worth it). */
const HASHED = 4;

/** The extra bits after each code-length symbol (16: 2, 17: 3, 18: 7). */
const CODE_LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];

export class DictionaryDeflater {
  /** The dictionary, then the input being compressed. */
  private readonly window = new Uint8Array(WINDOW);
  private readonly dictLength: number;
  /** Previous position with the same hash, for every position of the window. */
  private readonly prev = new Int32Array(WINDOW);
  /** The dictionary's chains, never changed after construction. */
  private readonly dictHead = new Int32Array(HASH_SIZE).fill(-1);
  /** The input's own chain heads, valid where their stamp is this call's. */
  private readonly head = new Int32Array(HASH_SIZE);
  private readonly stamp = new Int32Array(HASH_SIZE);
  private call = 0;
  /** Literal or length symbol, and distance (0 for a literal), per symbol emitted. */
  private readonly symbols: Uint16Array;
  private readonly distances: Uint16Array;
  private readonly litFreq = new Uint32Array(286);
  private readonly distFreq = new Uint32Array(30);
  private readonly litLengths = new Uint8Array(286);
  private readonly distLengths = new Uint8Array(30);
  private readonly litCodes = new Uint16Array(286);
  private readonly distCodes = new Uint16Array(30);
  private readonly allLengths = new Uint8Array(286 + 30);
  /** Code-length symbols and their extra bits, run-length coded. */
  private readonly runs = new Uint8Array(2 * (286 + 30));
  private readonly clFreq = new Uint32Array(19);
  private readonly clLengths = new Uint8Array(19);
  private readonly clCodes = new Uint16Array(19);
  private out = new Uint8Array(4096);
  /** Inputs longer than this are not taken: every distance must stay within the window. */
  readonly maxInput: number;

  constructor(dictionary: Uint8Array) {
    if (dictionary.length > WINDOW / 2) throw new Error('the dictionary must leave room for the input');
    this.dictLength = dictionary.length;
    this.maxInput = WINDOW - dictionary.length;
    this.window.set(dictionary);
    // Like zlib's deflateSetDictionary: every position with a whole hashed string of the dictionary after it.
    for (let p = 0; p + HASHED <= this.dictLength; p++) {
      const h = this.hash(p);
      this.prev[p] = this.dictHead[h]!;
      this.dictHead[h] = p;
    }
    this.symbols = new Uint16Array(this.maxInput + 1);
    this.distances = new Uint16Array(this.maxInput + 1);
  }

  private hash(p: number): number {
    const w = this.window;
    return Math.imul((w[p]! << 24) | (w[p + 1]! << 16) | (w[p + 2]! << 8) | w[p + 3]!, 0x9e3779b1) >>> (32 - HASH_BITS);
  }

  /** Adds a position to its chain and returns the chain's previous head. */
  private insert(p: number): number {
    const h = this.hash(p);
    const before = this.stamp[h] === this.call ? this.head[h]! : this.dictHead[h]!;
    this.prev[p] = before;
    this.head[h] = p;
    this.stamp[h] = this.call;
    return before;
  }

  /** The longest match for position p among the chain from `candidate`, as length * 65536 + distance (0: none). */
  private longestMatch(p: number, candidate: number, end: number, prevLength: number): number {
    const w = this.window;
    const maxLength = Math.min(MAX_MATCH, end - p);
    if (maxLength < MIN_MATCH) return 0;
    let best = MIN_MATCH - 1;
    let bestDistance = 0;
    for (let chain = prevLength >= GOOD_MATCH ? MAX_CHAIN >> 2 : MAX_CHAIN; candidate >= 0 && chain > 0; chain--, candidate = this.prev[candidate]!) {
      if (w[candidate + best] !== w[p + best] || w[candidate] !== w[p] || w[candidate + 1] !== w[p + 1]) continue;
      let length = 2;
      while (length < maxLength && w[candidate + length] === w[p + length]) length++;
      if (length > best) {
        best = length;
        bestDistance = p - candidate;
        if (length >= NICE_MATCH || length >= maxLength) break;
      }
    }
    if (best < MIN_MATCH || (best === MIN_MATCH && bestDistance > TOO_FAR)) return 0;
    return best * 65_536 + bestDistance;
  }

  /** Raw deflate of `input` with the dictionary, or null when it is too long for this encoder. */
  deflate(input: Uint8Array): Uint8Array | null {
    const n = input.length;
    if (n > this.maxInput) return null;
    if (++this.call > 0x3fffffff) {
      this.stamp.fill(0);
      this.call = 1;
    }
    this.window.set(input, this.dictLength);
    const count = this.findMatches(this.dictLength, this.dictLength + n);
    return this.writeBlock(count, n);
  }

  /** Lazy matching, as zlib's levels 4 to 9 do: a match is kept only if the next byte's is not longer. */
  private findMatches(start: number, end: number): number {
    const w = this.window;
    const { symbols, distances, litFreq, distFreq } = this;
    litFreq.fill(0);
    distFreq.fill(0);
    let count = 0;
    let prevLength = 0;
    let prevDistance = 0;
    let pending = false;
    let p = start;
    while (p < end) {
      let length = 0;
      let distance = 0;
      if (p + HASHED <= end) {
        const candidate = this.insert(p);
        if (prevLength < LAZY_MATCH) {
          const match = this.longestMatch(p, candidate, end, prevLength);
          length = Math.floor(match / 65_536);
          distance = match % 65_536;
        }
      }
      if (prevLength >= MIN_MATCH && length <= prevLength) {
        // The match found at p - 1 is taken.
        symbols[count] = prevLength;
        distances[count++] = prevDistance;
        litFreq[257 + lengthCode[prevLength]!]!++;
        distFreq[distCode[prevDistance]!]!++;
        const next = p - 1 + prevLength;
        for (let q = p + 1; q < next; q++) if (q + HASHED <= end) this.insert(q);
        p = next;
        pending = false;
        prevLength = 0;
      } else {
        if (pending) {
          const byte = w[p - 1]!;
          symbols[count] = byte;
          distances[count++] = 0;
          litFreq[byte]!++;
        }
        pending = true;
        prevLength = length;
        prevDistance = distance;
        p++;
      }
    }
    if (pending) {
      const byte = w[p - 1]!;
      symbols[count] = byte;
      distances[count++] = 0;
      litFreq[byte]!++;
    }
    litFreq[END_OF_BLOCK]!++;
    return count;
  }

  private writeBlock(count: number, inputLength: number): Uint8Array {
    const { symbols, distances, litFreq, distFreq, litLengths, distLengths, litCodes, distCodes, allLengths, runs, clFreq, clLengths, clCodes } = this;
    codeLengths(litFreq, 286, 15, litLengths);
    codeLengths(distFreq, 30, 15, distLengths);
    canonicalCodes(litLengths, 286, litCodes);
    canonicalCodes(distLengths, 30, distCodes);
    let litCount = 286;
    while (litCount > 257 && litLengths[litCount - 1] === 0) litCount--;
    let distCount = 30;
    while (distCount > 1 && distLengths[distCount - 1] === 0) distCount--;

    // The code lengths, run-length coded (RFC 1951, 3.2.7), then their own code.
    const total = litCount + distCount;
    allLengths.set(litLengths.subarray(0, litCount));
    allLengths.set(distLengths.subarray(0, distCount), litCount);
    clFreq.fill(0);
    let runCount = 0;
    for (let i = 0; i < total; ) {
      const value = allLengths[i]!;
      let same = 1;
      while (i + same < total && allLengths[i + same] === value) same++;
      i += same;
      if (value === 0) {
        for (; same >= 11; ) {
          const r = Math.min(same, 138);
          runs[runCount++] = 18;
          runs[runCount++] = r - 11;
          same -= r;
        }
        if (same >= 3) {
          runs[runCount++] = 17;
          runs[runCount++] = same - 3;
          same = 0;
        }
      } else {
        runs[runCount++] = value;
        runs[runCount++] = 0;
        same--;
        for (; same >= 3; ) {
          const r = Math.min(same, 6);
          runs[runCount++] = 16;
          runs[runCount++] = r - 3;
          same -= r;
        }
      }
      for (; same > 0; same--) {
        runs[runCount++] = value;
        runs[runCount++] = 0;
      }
    }
    for (let i = 0; i < runCount; i += 2) clFreq[runs[i]!]!++;
    codeLengths(clFreq, 19, 7, clLengths);
    canonicalCodes(clLengths, 19, clCodes);
    let clCount = 19;
    while (clCount > 4 && clLengths[CODE_LENGTH_ORDER[clCount - 1]!] === 0) clCount--;

    // Worst case: every input byte a 15-bit literal, plus the header.
    if (this.out.length < 2 * inputLength + 1024) this.out = new Uint8Array(2 * inputLength + 1024);
    const out = this.out;
    // Bits are filled from the least significant end; whole bytes are written out as they fill.
    let length = 0;
    let bits = 0;
    let pending = 0;
    const put = (value: number, width: number) => {
      bits |= value << pending;
      pending += width;
      while (pending >= 8) {
        out[length++] = bits & 0xff;
        bits >>>= 8;
        pending -= 8;
      }
    };
    put(1, 1); // the final block
    put(2, 2); // dynamic Huffman codes
    put(litCount - 257, 5);
    put(distCount - 1, 5);
    put(clCount - 4, 4);
    for (let i = 0; i < clCount; i++) put(clLengths[CODE_LENGTH_ORDER[i]!]!, 3);
    for (let i = 0; i < runCount; i += 2) {
      const symbol = runs[i]!;
      put(clCodes[symbol]!, clLengths[symbol]!);
      if (symbol >= 16) put(runs[i + 1]!, CODE_LENGTH_EXTRA[symbol]!);
    }
    for (let i = 0; i < count; i++) {
      const distance = distances[i]!;
      if (distance === 0) {
        const byte = symbols[i]!;
        put(litCodes[byte]!, litLengths[byte]!);
        continue;
      }
      const matchLength = symbols[i]!;
      const lc = lengthCode[matchLength]!;
      put(litCodes[257 + lc]!, litLengths[257 + lc]!);
      if (LENGTH_EXTRA[lc]) put(matchLength - LENGTH_BASE[lc]!, LENGTH_EXTRA[lc]!);
      const dc = distCode[distance]!;
      put(distCodes[dc]!, distLengths[dc]!);
      if (DIST_EXTRA[dc]) put(distance - DIST_BASE[dc]!, DIST_EXTRA[dc]!);
    }
    put(litCodes[END_OF_BLOCK]!, litLengths[END_OF_BLOCK]!);
    if (pending > 0) out[length++] = bits & 0xff;
    return out.subarray(0, length);
  }
}
