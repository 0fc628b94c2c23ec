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
import { type JsonBuilder, scanJson } from '../../../src-shared/json/scan.js';

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
  const scan = scanJson(text, losslessBuilder);
  return scan.ok ? scan : { ok: false, error: scan.error };
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
