/**
 * Re-serializers that reproduce how a sender may have printed a body before signing it.
 *
 * - JS-style: `JSON.stringify(JSON.parse(body))` — numbers re-printed as JS floats (`170.00`
 *   becomes `170`), integer-like keys moved first, nothing escaped beyond JSON's minimum.
 * - PHP-style: `json_encode(json_decode(body, true))` — non-ASCII as lowercase `\uXXXX`, `/` as
 *   `\/` unless JSON_UNESCAPED_SLASHES, floats printed PHP's way (`1.0e-5`), `{}` as `[]`, keys
 *   in the sender's order, and an object whose keys are 0..n-1 in order printed as a list.
 *
 * Key sorting mirrors `Object.keys(o).sort()` (JS) / PHP 8 `ksort` (php-array.ts) on the top level
 * or recursively.
 */
import { JsonNumber, isJsonObject, setOwn, sourceOrderEntries, type LosslessJson } from './lossless-json.js';
import { isPhpList, phpArrayKey, phpKsort, type PhpKey } from './php-array.js';

export type KeySort = 'none' | 'top-level' | 'recursive';

function sortedEntries(obj: Record<string, unknown>, sort: boolean): [string, unknown][] {
  const entries = Object.entries(obj);
  // Code-unit order: what Array.prototype.sort does (the JS object then moves integer keys first).
  return sort ? entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
}

/** The object as a PHP array: PHP keys in source order, ksorted when asked. */
function phpEntries(obj: { [key: string]: LosslessJson }, sort: boolean): [PhpKey, LosslessJson][] {
  const entries = sourceOrderEntries(obj).map(([k, v]): [PhpKey, LosslessJson] => [phpArrayKey(k), v]);
  return sort ? phpKsort(entries) : entries;
}

/**
 * The value a JS sender held after `JSON.parse` (numbers as JS numbers), with keys re-inserted
 * in sorted order where asked: a JS object then still lists integer-like keys first, as it would.
 */
function jsValue(value: unknown, sort: KeySort, depth: number): unknown {
  if (value instanceof JsonNumber) return value.toNumber();
  if (Array.isArray(value)) return value.map((v) => jsValue(v, sort, depth + 1));
  if (!isJsonObject(value)) return value;
  const keys = Object.keys(value);
  // Code-unit order: what Array.prototype.sort does.
  if (sort === 'recursive' || (sort === 'top-level' && depth === 0)) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) setOwn(out, key, jsValue(value[key], sort, depth + 1));
  return out;
}

/** Compact JSON as a JavaScript sender would print the parsed body. */
export function stringifyJsStyle(value: unknown, sort: KeySort = 'none'): string {
  return JSON.stringify(jsValue(value, sort, 0)) ?? 'null';
}

/**
 * The content of a body independent of how it was printed: keys sorted at every level, numbers
 * as their exact text. Two bodies with the same canonical text carry the same event.
 */
export function stringifyCanonical(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringifyCanonical).join(',')}]`;
  if (isJsonObject(value)) {
    const parts = sortedEntries(value, true).map(([k, v]) => `${JSON.stringify(k)}:${stringifyCanonical(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface PhpStyleOptions {
  escapeSlashes: boolean;
  sort: KeySort;
}

/** Compact JSON as PHP's `json_encode` would print the body decoded with `json_decode(…, true)`. */
export function stringifyPhpStyle(value: unknown, options: PhpStyleOptions): string {
  return writePhp(value, options, 0);
}

function writePhp(value: unknown, opts: PhpStyleOptions, depth: number): string {
  if (value instanceof JsonNumber) return phpNumber(value.text);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return phpString(value, opts.escapeSlashes);
  if (Array.isArray(value)) return `[${value.map((v) => writePhp(v, opts, depth + 1)).join(',')}]`;
  if (isJsonObject(value)) {
    const doSort = opts.sort === 'recursive' || (opts.sort === 'top-level' && depth === 0);
    const entries = phpEntries(value, doSort);
    // A decoded array with the int keys 0..n-1 in order (or none) is a list to json_encode.
    if (isPhpList(entries.map(([k]) => k))) {
      return `[${entries.map(([, v]) => writePhp(v, opts, depth + 1)).join(',')}]`;
    }
    const parts = entries.map(([k, v]) => `${phpString(String(k), opts.escapeSlashes)}:${writePhp(v, opts, depth + 1)}`);
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

// Keyed by char code: \b \f \n \r \t.
const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t' };

/** Whether json_encode changes any character of the text (most keys and values: none). */
function phpEscapes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x80 || c === 0x22 || c === 0x5c || c === 0x2f) return true;
  }
  return false;
}

function phpString(s: string, escapeSlashes: boolean): string {
  if (!phpEscapes(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x2f) out += escapeSlashes ? '\\/' : '/';
    else if (SHORT_ESCAPES[c] !== undefined) out += SHORT_ESCAPES[c];
    else if (c < 0x20 || c >= 0x80) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** A JSON number as PHP prints it after decoding: int64 stays exact, anything else is a double. */
export function phpNumber(text: string): string {
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= INT64_MAX) return n.toString();
  }
  return phpFloat(Number(text));
}

/**
 * PHP's double printing with serialize_precision = -1 (shortest round-trip digits), without
 * JSON_PRESERVE_ZERO_FRACTION: exponent form when the decimal point would fall before the
 * 4th leading zero or beyond 17 digits, always with at least one fraction digit there.
 */
export function phpFloat(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const sign = n < 0 ? '-' : '';
  const [mantissa = '0', expText = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const decpt = exp + 1;
  if (decpt < -3 || decpt > 17) {
    const frac = digits.length > 1 ? digits.slice(1) : '0';
    return `${sign}${digits[0]}.${frac}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (digits.length <= decpt) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
