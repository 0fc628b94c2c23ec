/**
 * What a JSON object becomes in PHP after `json_decode(…, true)`, and how PHP 8 `ksort` orders it.
 *
 * Why: a PHP sender signs `json_encode` of the sorted array, so the key order and the list/object
 * decision have to be PHP's, not JavaScript's. In a PHP array a key that is a canonical decimal
 * integer ("10", "-3", but not "010", "-0", "1.5", " 1") becomes an int key. `ksort` (SORT_REGULAR)
 * compares two int keys as numbers, two string keys with PHP 8's "smart" comparison (both numeric
 * strings → as numbers, else byte order), and an int with a string as numbers when the string is
 * numeric, else the int's decimal text with the string byte by byte. That comparison is not
 * transitive for some mixes, so the result depends on the sort algorithm: `zendSort` follows
 * zend_sort (insertion sort up to 16 elements, then a quicksort with median pivots), and ties
 * keep the original order as PHP 8's stable sort does.
 */

export type PhpKey = bigint | string;

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const CANONICAL_INT = /^(?:0|-?[1-9]\d*)$/;

/** The key as PHP stores it: an int for canonical int64 decimal text, else the string. */
export function phpArrayKey(key: string): PhpKey {
  if (!CANONICAL_INT.test(key) || key.length > 20) return key;
  const n = BigInt(key);
  return n >= INT64_MIN && n <= INT64_MAX ? n : key;
}

type Numeric = { kind: 'long'; value: bigint } | { kind: 'double'; value: number; overflow: -1 | 0 | 1 };

// PHP's whitespace for numeric strings: space, \t, \n, \r, \v, \f (leading, and trailing in PHP 8).
const NUMERIC_STRING = /^[ \t\n\r\v\f]*([+-]?)(?:(\d+)(\.\d*)?|(\.\d+))([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** PHP's is_numeric_string: an integer form that fits int64 is a long, anything else numeric a double. */
function numericString(s: string): Numeric | null {
  const m = NUMERIC_STRING.exec(s);
  if (!m) return null;
  const [, sign, digits, fraction, bareFraction, exponent] = m;
  const value = Number(s.trim());
  if (digits !== undefined && fraction === undefined && bareFraction === undefined && exponent === undefined) {
    const n = BigInt(`${sign}${digits}`);
    if (n >= INT64_MIN && n <= INT64_MAX) return { kind: 'long', value: n };
    return { kind: 'double', value, overflow: sign === '-' ? -1 : 1 };
  }
  return { kind: 'double', value, overflow: 0 };
}

const sign = (n: number | bigint): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
const compareNumbers = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);

const SURROGATE = /[\uD800-\uDFFF]/;

/** zend_binary_strcmp: bytes of the UTF-8 text, then length. */
function compareBytes(a: string, b: string): number {
  // Without surrogates, UTF-16 code-unit order is UTF-8 byte order: no need to encode.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** zendi_smart_strcmp: two string keys. */
function smartCompare(a: string, b: string): number {
  const na = numericString(a);
  const nb = na ? numericString(b) : null;
  if (!na || !nb) return compareBytes(a, b);
  const oa = na.kind === 'double' ? na.overflow : 0;
  const ob = nb.kind === 'double' ? nb.overflow : 0;
  // Integers that overflowed to the same side compare as text: the doubles lost the difference.
  if (oa !== 0 && oa === ob && na.value === nb.value) return compareBytes(a, b);
  if (na.kind === 'long' && nb.kind === 'long') return sign(na.value - nb.value);
  if (na.kind === 'long') return ob !== 0 ? -ob : compareNumbers(Number(na.value), nb.value as number);
  if (nb.kind === 'long') return oa !== 0 ? oa : compareNumbers(na.value, Number(nb.value));
  if (na.value === nb.value && !Number.isFinite(na.value)) return compareBytes(a, b);
  return compareNumbers(na.value, nb.value);
}

/** compare_longs_to_string: an int key against a string key. */
function compareIntToString(n: bigint, s: string): number {
  const ns = numericString(s);
  if (ns?.kind === 'long') return sign(n - ns.value);
  if (ns?.kind === 'double') return compareNumbers(Number(n), ns.value);
  return compareBytes(n.toString(), s);
}

/** ksort's SORT_REGULAR comparison of two keys (0 only for keys PHP considers equal). */
export function comparePhpKeys(a: PhpKey, b: PhpKey): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a > b ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return smartCompare(a, b);
  if (typeof a === 'bigint') return compareIntToString(a, b as string);
  return -compareIntToString(b as bigint, a);
}

/** ksort: the entries in PHP 8's order (stable: equal keys keep their original order). */
export function phpKsort<T>(entries: readonly (readonly [PhpKey, T])[]): [PhpKey, T][] {
  const items = entries.map(([key, value], index) => ({ key, value, index }));
  zendSort(items, (x, y) => comparePhpKeys(x.key, y.key) || x.index - y.index);
  return items.map(({ key, value }) => [key, value]);
}

/** json_encode prints an array as a JSON list when its keys are the ints 0..n-1 in order. */
export function isPhpList(keys: readonly PhpKey[]): boolean {
  return keys.every((k, i) => k === BigInt(i));
}

type Compare<T> = (a: T, b: T) => number;

/** zend_sort over a[lo, lo + n): the same comparisons and swaps as PHP, so the same result. */
export function zendSort<T>(a: T[], cmp: Compare<T>, lo = 0, n = a.length): void {
  for (;;) {
    if (n <= 16) {
      insertSort(a, cmp, lo, n);
      return;
    }
    const end = lo + n;
    const offset = n >> 1;
    const pivotAt = lo + offset;
    if (n >> 10) {
      const delta = offset >> 1;
      sort5(a, cmp, lo, lo + delta, pivotAt, pivotAt + delta, end - 1);
    } else {
      sort3(a, cmp, lo, pivotAt, end - 1);
    }
    swap(a, lo + 1, pivotAt);
    const pivot = lo + 1;
    let i = pivot + 1;
    let j = end - 1;
    partition: for (;;) {
      while (cmp(a[pivot]!, a[i]!) > 0) {
        i++;
        if (i === j) break partition;
      }
      j--;
      if (j === i) break;
      while (cmp(a[j]!, a[pivot]!) > 0) {
        j--;
        if (j === i) break partition;
      }
      swap(a, i, j);
      i++;
      if (i === j) break;
    }
    swap(a, pivot, i - 1);
    if (i - 1 - lo < end - i) {
      zendSort(a, cmp, lo, i - lo - 1);
      n = end - i;
      lo = i;
    } else {
      zendSort(a, cmp, i, end - i);
      n = i - lo - 1;
    }
  }
}

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

const gt = <T>(a: T[], cmp: Compare<T>, i: number, j: number): boolean => cmp(a[i]!, a[j]!) > 0;

function sort3<T>(a: T[], cmp: Compare<T>, x: number, y: number, z: number): void {
  if (!gt(a, cmp, x, y)) {
    if (!gt(a, cmp, y, z)) return;
    swap(a, y, z);
    if (gt(a, cmp, x, y)) swap(a, x, y);
    return;
  }
  if (!gt(a, cmp, z, y)) {
    swap(a, x, z);
    return;
  }
  swap(a, x, y);
  if (gt(a, cmp, y, z)) swap(a, y, z);
}

function sort4<T>(a: T[], cmp: Compare<T>, x: number, y: number, z: number, w: number): void {
  sort3(a, cmp, x, y, z);
  if (gt(a, cmp, z, w)) {
    swap(a, z, w);
    if (gt(a, cmp, y, z)) {
      swap(a, y, z);
      if (gt(a, cmp, x, y)) swap(a, x, y);
    }
  }
}

function sort5<T>(a: T[], cmp: Compare<T>, x: number, y: number, z: number, w: number, v: number): void {
  sort4(a, cmp, x, y, z, w);
  if (gt(a, cmp, w, v)) {
    swap(a, w, v);
    if (gt(a, cmp, z, w)) {
      swap(a, z, w);
      if (gt(a, cmp, y, z)) {
        swap(a, y, z);
        if (gt(a, cmp, x, y)) swap(a, x, y);
      }
    }
  }
}

function insertSort<T>(a: T[], cmp: Compare<T>, lo: number, n: number): void {
  if (n <= 1) return;
  if (n === 2) {
    if (gt(a, cmp, lo, lo + 1)) swap(a, lo, lo + 1);
    return;
  }
  if (n <= 5) {
    if (n === 3) sort3(a, cmp, lo, lo + 1, lo + 2);
    else if (n === 4) sort4(a, cmp, lo, lo + 1, lo + 2, lo + 3);
    else sort5(a, cmp, lo, lo + 1, lo + 2, lo + 3, lo + 4);
    return;
  }
  const end = lo + n;
  const sentry = lo + 6;
  // The first six: a plain backwards scan for the insertion point.
  for (let i = lo + 1; i < sentry; i++) {
    let j = i - 1;
    if (!gt(a, cmp, j, i)) continue;
    while (j !== lo) {
      j--;
      if (!gt(a, cmp, j, i)) {
        j++;
        break;
      }
    }
    for (let k = i; k > j; k--) swap(a, k, k - 1);
  }
  // The rest: the scan steps two at a time, then settles on one side.
  for (let i = sentry; i < end; i++) {
    let j = i - 1;
    if (!gt(a, cmp, j, i)) continue;
    for (;;) {
      j -= 2;
      if (!gt(a, cmp, j, i)) {
        j++;
        if (!gt(a, cmp, j, i)) j++;
        break;
      }
      if (j === lo) break;
      if (j === lo + 1) {
        j--;
        if (cmp(a[i]!, a[j]!) > 0) j++;
        break;
      }
    }
    for (let k = i; k > j; k--) swap(a, k, k - 1);
  }
}
