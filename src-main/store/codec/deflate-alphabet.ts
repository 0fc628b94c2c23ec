/** Deflate's length and distance symbols (RFC 1951, 3.2.5), for the dictionary deflater. */

const WINDOW = 32_768;
const MAX_MATCH = 258;

export const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
export const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
export const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
export const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order code-length code lengths are written in. */
export const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (3..258) → its symbol's index in LENGTH_BASE; distance (1..32768) → its code. */
export const lengthCode = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < LENGTH_BASE.length; c++) {
  for (let l = LENGTH_BASE[c]!; l < LENGTH_BASE[c]! + (1 << LENGTH_EXTRA[c]!) && l <= MAX_MATCH; l++) lengthCode[l] = c;
}
lengthCode[MAX_MATCH] = LENGTH_BASE.length - 1;
export const distCode = new Uint8Array(WINDOW + 1);
for (let c = 0; c < DIST_BASE.length; c++) {
  for (let d = DIST_BASE[c]!; d < DIST_BASE[c]! + (1 << DIST_EXTRA[c]!) && d <= WINDOW; d++) distCode[d] = c;
}
