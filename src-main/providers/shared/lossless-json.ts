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

export type LosslessJson =
  | null
  | boolean
  | string
  | JsonNumber
  | LosslessJson[]
  | { [key: string]: LosslessJson };

export type LosslessParseResult =
  | { ok: true; value: LosslessJson }
  | { ok: false; error: string };

const MAX_DEPTH = 512;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

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

class ParseFailure {
  constructor(readonly message: string) {}
}

/** Parses JSON text losslessly. A leading BOM is tolerated (senders add it; JSON.parse does not). */
export function parseLosslessJson(text: string): LosslessParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let pos = 0;

  const fail = (what: string): never => {
    throw new ParseFailure(`${what} at position ${pos}`);
  };
  const skipWs = (): void => {
    while (pos < source.length) {
      const c = source.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };

  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    for (;;) {
      if (pos >= source.length) fail('unterminated string');
      const c = source.charCodeAt(pos);
      if (c === 0x22) {
        out += source.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      out += source.slice(chunkStart, pos);
      const esc = source[pos + 1];
      pos += 2;
      switch (esc) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = source.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          pos -= 2;
          fail('bad escape in string');
      }
      chunkStart = pos;
    }
  };

  const parseValue = (depth: number): LosslessJson => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    skipWs();
    const c = source[pos];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return parseString();
    if (source.startsWith('true', pos)) { pos += 4; return true; }
    if (source.startsWith('false', pos)) { pos += 5; return false; }
    if (source.startsWith('null', pos)) { pos += 4; return null; }
    NUMBER_RE.lastIndex = pos;
    const m = NUMBER_RE.exec(source);
    if (m) {
      pos += m[0].length;
      return new JsonNumber(m[0]);
    }
    return fail(pos >= source.length ? 'unexpected end of input' : `unexpected character '${c}'`);
  };

  const parseObject = (depth: number): LosslessJson => {
    pos++;
    const obj: { [key: string]: LosslessJson } = {};
    const keys: string[] = [];
    Object.defineProperty(obj, SOURCE_KEYS, { value: keys, enumerable: false });
    skipWs();
    if (source[pos] === '}') { pos++; return obj; }
    for (;;) {
      skipWs();
      if (source[pos] !== '"') fail('expected a property name');
      const key = parseString();
      skipWs();
      if (source[pos] !== ':') fail("expected ':'");
      pos++;
      const value = parseValue(depth + 1);
      if (!Object.hasOwn(obj, key)) keys.push(key);
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      skipWs();
      if (source[pos] === ',') { pos++; continue; }
      if (source[pos] === '}') { pos++; return obj; }
      fail("expected ',' or '}'");
    }
  };

  const parseArray = (depth: number): LosslessJson => {
    pos++;
    const arr: LosslessJson[] = [];
    skipWs();
    if (source[pos] === ']') { pos++; return arr; }
    for (;;) {
      arr.push(parseValue(depth + 1));
      skipWs();
      if (source[pos] === ',') { pos++; continue; }
      if (source[pos] === ']') { pos++; return arr; }
      fail("expected ',' or ']'");
    }
  };

  try {
    const value = parseValue(0);
    skipWs();
    if (pos < source.length) fail('unexpected text after the JSON value');
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.message };
    return { ok: false, error: 'unreadable JSON' };
  }
}

/** The tree as plain JSON values (numbers become JS numbers), as `JSON.parse` would have produced. */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof JsonNumber) return value.toNumber();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (isJsonObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: toPlainJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
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
