/**
 * A small JSON parser that keeps every number's exact source text.
 *
 * Why: amounts arrive as `170.00` or `0.0421399418187522` and ids as integers above 2^53;
 * `JSON.parse` would turn them into re-printed floats. Here a number is a `JsonNumber` holding
 * its text, so the UI can show it as received and re-serializers can print it the way a
 * JS or PHP sender would have (see serialize.ts).
 *
 * Objects are plain objects built with define-property semantics (like JSON.parse: a
 * `"__proto__"` key becomes an own property); a repeated key keeps its first position and its
 * last value, again like JSON.parse. Parsing never throws: it returns an error in words.
 */
import { type JsonBuilder, MAX_JSON_DEPTH, scanJson } from '../../../src-shared/json/scan.js';

/** A JSON number, kept as the exact text the sender wrote. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** The value as a JS number (may lose precision: use only where JS semantics are wanted). */
  toNumber(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

export type LosslessJson = null | boolean | string | JsonNumber | LosslessJson[] | { [key: string]: LosslessJson };

export type LosslessParseResult = { ok: true; value: LosslessJson } | { ok: false; error: string };

/**
 * The keys of a parsed object in the order the sender wrote them (first appearance). JS objects
 * list integer-like keys first whatever the source order; PHP arrays keep the source order, and
 * a PHP-style re-serialization needs it.
 */
const SOURCE_KEYS = Symbol('sourceKeys');

/** Entries in source order for a parsed object (own-key order for any other object). */
export function sourceOrderEntries(obj: { [key: string]: LosslessJson }): [string, LosslessJson][] {
  const keys = (obj as { [SOURCE_KEYS]?: string[] })[SOURCE_KEYS];
  return keys ? keys.map((k) => [k, obj[k] as LosslessJson]) : Object.entries(obj);
}

export function isJsonObject(value: unknown): value is { [key: string]: LosslessJson } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

type LosslessObject = { [key: string]: LosslessJson };
const LITERALS = { true: true, false: false, null: null } as const;

interface ObjectUnderway {
  object: LosslessObject;
  /** Keys as written, repeats included. */
  keys: string[];
  /** Whether a key may be an array index, which a JS object lists first whatever the source order. */
  indexLike: boolean;
}

const losslessBuilder: JsonBuilder<LosslessJson, ObjectUnderway, LosslessJson[]> = {
  string: (_raw, value) => value,
  number: (raw) => new JsonNumber(raw),
  literal: (raw) => LITERALS[raw],
  objectStart: () => ({ object: {}, keys: [], indexLike: false }),
  entry(underway, key, _rawKey, value) {
    underway.keys.push(key);
    const first = key.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) underway.indexLike = true;
    // "__proto__" becomes an own property, as with JSON.parse.
    setOwn(underway.object, key, value);
  },
  objectEnd({ object, keys, indexLike }) {
    // Without index-like keys, own-key order already is source order (a repeated key keeps its
    // first position): the source order is only recorded when it can differ.
    if (indexLike) Object.defineProperty(object, SOURCE_KEYS, { value: [...new Set(keys)], enumerable: false });
    return object;
  },
  arrayStart: () => [],
  item: (array, value) => {
    array.push(value);
  },
  arrayEnd: (array) => array,
};

/** Parses JSON text losslessly. A leading BOM is tolerated (senders add it; JSON.parse does not). */
export function parseLosslessJson(text: string): LosslessParseResult {
  const value = readWellFormed(text);
  if (value !== NOT_READ) return { ok: true, value };
  // Not well-formed, or beyond what the quick reader takes: the scanner gives the error in words.
  const scan = scanJson(text, losslessBuilder);
  return scan.ok ? scan : { ok: false, error: scan.error };
}

/*
 * A quick reader for well-formed JSON, giving exactly the tree the scanner and losslessBuilder
 * give (it accepts a subset of what the scanner accepts: the same grammar, depth limit and BOM).
 * The scanner hands every token to a builder through callbacks; parsing was a large part of
 * deriving a delivery. Anything unexpected stops it (NOT_READ) and the scanner reads the text.
 */
const NOT_READ = Symbol('not read');
let text = '';
let pos = 0;

function readWellFormed(source: string): LosslessJson | typeof NOT_READ {
  text = source;
  pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    const value = readValue(0);
    skipWhitespace();
    return pos === text.length ? value : NOT_READ;
  } catch {
    return NOT_READ;
  } finally {
    text = '';
  }
}

function skipWhitespace(): void {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
    else return;
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

function readValue(depth: number): LosslessJson {
  if (depth > MAX_JSON_DEPTH) throw NOT_READ;
  skipWhitespace();
  const c = text.charCodeAt(pos);
  if (c === 0x7b) return readObject(depth);
  if (c === 0x5b) return readArray(depth);
  if (c === 0x22) return readString();
  if (c === 0x74 && text.startsWith('true', pos)) return readLiteral(4, true);
  if (c === 0x66 && text.startsWith('false', pos)) return readLiteral(5, false);
  if (c === 0x6e && text.startsWith('null', pos)) return readLiteral(4, null);
  return readNumber();
}

function readLiteral(length: number, value: LosslessJson): LosslessJson {
  pos += length;
  return value;
}

/** -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? taken greedily, as the scanner's pattern does. */
function readNumber(): JsonNumber {
  const start = pos;
  if (text.charCodeAt(pos) === 0x2d) pos++;
  const first = text.charCodeAt(pos);
  if (first === 0x30) pos++;
  else if (first >= 0x31 && first <= 0x39) {
    pos++;
    while (isDigit(text.charCodeAt(pos))) pos++;
  } else throw NOT_READ;
  if (text.charCodeAt(pos) === 0x2e && isDigit(text.charCodeAt(pos + 1))) {
    pos += 2;
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === 0x65 || e === 0x45) {
    let after = pos + 1;
    const sign = text.charCodeAt(after);
    if (sign === 0x2b || sign === 0x2d) after++;
    if (isDigit(text.charCodeAt(after))) {
      pos = after + 1;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
  }
  return new JsonNumber(text.slice(start, pos));
}

const ESCAPED: Readonly<Record<number, string>> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };
const HEX4 = /^[0-9a-fA-F]{4}$/;

function readString(): string {
  pos++;
  let out = '';
  let chunkStart = pos;
  for (;;) {
    if (pos >= text.length) throw NOT_READ;
    const c = text.charCodeAt(pos);
    if (c === 0x22) {
      out += text.slice(chunkStart, pos);
      pos++;
      return out;
    }
    if (c < 0x20) throw NOT_READ;
    if (c !== 0x5c) {
      pos++;
      continue;
    }
    out += text.slice(chunkStart, pos);
    const escaped = text.charCodeAt(pos + 1);
    const short = ESCAPED[escaped];
    if (short !== undefined) {
      out += short;
      pos += 2;
    } else if (escaped === 0x75) {
      const hex = text.slice(pos + 2, pos + 6);
      if (!HEX4.test(hex)) throw NOT_READ;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      pos += 6;
    } else throw NOT_READ;
    chunkStart = pos;
  }
}

function readObject(depth: number): LosslessObject {
  pos++;
  const object: LosslessObject = {};
  // Source order is recorded from the first index-like key on; until then own-key order is it.
  let keys: string[] | undefined;
  skipWhitespace();
  if (text.charCodeAt(pos) === 0x7d) {
    pos++;
    return object;
  }
  for (;;) {
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x22) throw NOT_READ;
    const key = readString();
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x3a) throw NOT_READ;
    pos++;
    const value = readValue(depth + 1);
    if (keys) keys.push(key);
    else if (isDigit(key.charCodeAt(0))) keys = [...Object.keys(object), key];
    setOwn(object, key, value);
    skipWhitespace();
    const next = text.charCodeAt(pos++);
    if (next === 0x7d) break;
    if (next !== 0x2c) throw NOT_READ;
  }
  if (keys) Object.defineProperty(object, SOURCE_KEYS, { value: [...new Set(keys)], enumerable: false });
  return object;
}

function readArray(depth: number): LosslessJson[] {
  pos++;
  const array: LosslessJson[] = [];
  skipWhitespace();
  if (text.charCodeAt(pos) === 0x5d) {
    pos++;
    return array;
  }
  for (;;) {
    array.push(readValue(depth + 1));
    skipWhitespace();
    const next = text.charCodeAt(pos++);
    if (next === 0x5d) return array;
    if (next !== 0x2c) throw NOT_READ;
  }
}

/** The tree as plain JSON values (numbers become JS numbers), as `JSON.parse` would have produced. */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof JsonNumber) return value.toNumber();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (isJsonObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, toPlainJson(value[key]));
    return out;
  }
  return value;
}

/**
 * Sets an own enumerable property, as JSON.parse does: defined for "__proto__" (assigning would
 * set the prototype), assigned otherwise (the same own data property, much cheaper).
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Compact JSON with every number printed exactly as received (for storage and display). */
export function stringifyLossless(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stringifyLossless).join(',')}]`;
  if (isJsonObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${stringifyLossless(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
