/**
 * The one JSON scanner of the project. It walks the text once and hands every value to a
 * builder, with its exact source text: the main process builds lossless values from it (numbers
 * kept as written, keys in source order), the console builds a display tree and pretty-prints.
 * Why not JSON.parse: it re-prints `170.00` as 170 and rounds 20-digit ids.
 *
 * Strict JSON (RFC 8259) but for a leading BOM, which senders add. Never throws: an error comes
 * back in words with its position.
 */

/** Builds values as the scanner reads them; `O` and `A` are objects and arrays under construction. */
export interface JsonBuilder<V, O, A> {
  /** `raw` is the token as written, quotes and escapes included; `value` is the decoded text. */
  string(raw: string, value: string): V;
  number(raw: string): V;
  literal(raw: 'true' | 'false' | 'null'): V;
  objectStart(): O;
  entry(object: O, key: string, rawKey: string, value: V): void;
  objectEnd(object: O): V;
  arrayStart(): A;
  item(array: A, value: V): void;
  arrayEnd(array: A): V;
}

export type JsonScan<V> = { ok: true; value: V } | { ok: false; error: string; position: number };

export const MAX_JSON_DEPTH = 512;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class ScanFailure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function scanJson<V, O, A>(text: string, build: JsonBuilder<V, O, A>): JsonScan<V> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let pos = 0;

  const fail = (what: string): never => {
    throw new ScanFailure(`${what} at position ${pos}`, pos);
  };
  const skipWhitespace = (): void => {
    while (pos < source.length) {
      const c = source.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };

  /** Reads a string token at `pos`; returns its decoded text (the raw token is source[start, pos)). */
  const readString = (): string => {
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
      const escaped = source[pos + 1] ?? '';
      pos += 2;
      const short = SHORT_ESCAPES[escaped];
      if (short !== undefined) out += short;
      else if (escaped === 'u') {
        const hex = source.slice(pos, pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        pos += 4;
      } else {
        pos -= 2;
        fail('bad escape in string');
      }
      chunkStart = pos;
    }
  };

  const readValue = (depth: number): V => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH}`);
    skipWhitespace();
    const c = source[pos];
    if (c === '{') return readObject(depth);
    if (c === '[') return readArray(depth);
    if (c === '"') {
      const start = pos;
      const value = readString();
      return build.string(source.slice(start, pos), value);
    }
    for (const word of ['true', 'false', 'null'] as const) {
      if (source.startsWith(word, pos)) {
        pos += word.length;
        return build.literal(word);
      }
    }
    NUMBER_RE.lastIndex = pos;
    const match = NUMBER_RE.exec(source);
    if (match) {
      pos += match[0].length;
      return build.number(match[0]);
    }
    return fail(pos >= source.length ? 'unexpected end of input' : `unexpected character '${c}'`);
  };

  const readObject = (depth: number): V => {
    pos++;
    const object = build.objectStart();
    skipWhitespace();
    if (source[pos] === '}') {
      pos++;
      return build.objectEnd(object);
    }
    for (;;) {
      skipWhitespace();
      if (source[pos] !== '"') fail('expected a property name');
      const start = pos;
      const key = readString();
      const rawKey = source.slice(start, pos);
      skipWhitespace();
      if (source[pos] !== ':') fail("expected ':'");
      pos++;
      build.entry(object, key, rawKey, readValue(depth + 1));
      skipWhitespace();
      const next = source[pos++];
      if (next === '}') return build.objectEnd(object);
      if (next !== ',') {
        pos--;
        fail("expected ',' or '}'");
      }
    }
  };

  const readArray = (depth: number): V => {
    pos++;
    const array = build.arrayStart();
    skipWhitespace();
    if (source[pos] === ']') {
      pos++;
      return build.arrayEnd(array);
    }
    for (;;) {
      build.item(array, readValue(depth + 1));
      skipWhitespace();
      const next = source[pos++];
      if (next === ']') return build.arrayEnd(array);
      if (next !== ',') {
        pos--;
        fail("expected ',' or ']'");
      }
    }
  };

  try {
    const value = readValue(0);
    skipWhitespace();
    if (pos < source.length) fail('unexpected text after the JSON value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ScanFailure) return { ok: false, error: error.message, position: error.position };
    // A stack overflow on absurd input is the only other way out: said in words too.
    return { ok: false, error: 'unreadable JSON', position: pos };
  }
}
