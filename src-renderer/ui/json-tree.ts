/**
 * A lossless JSON tree: every scalar keeps its exact source text, so `170.00`, `1.0e-5` and
 * 20-digit ids are shown as received (JSON.parse would re-print them as floats).
 */
export type JsonNode =
  | { type: 'object'; entries: Array<{ key: string; value: JsonNode }> }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string' | 'number' | 'literal'; raw: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Reader {
  i = 0;
  constructor(readonly text: string) {}

  skip(): void {
    WHITESPACE.lastIndex = this.i;
    WHITESPACE.exec(this.text);
    this.i = WHITESPACE.lastIndex;
  }

  fail(): never {
    throw new SyntaxError(`Unexpected input at ${this.i}`);
  }

  value(depth: number): JsonNode {
    if (depth > 500) this.fail();
    this.skip();
    const ch = this.text[this.i];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return { type: 'string', raw: this.string() };
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return { type: 'literal', raw: word };
      }
    }
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail();
    this.i = NUMBER.lastIndex;
    return { type: 'number', raw: match[0] };
  }

  /** Returns the string token with its quotes and escapes exactly as written. */
  string(): string {
    const start = this.i++;
    while (this.i < this.text.length) {
      const ch = this.text[this.i]!;
      if (ch === '"') return this.text.slice(start, ++this.i);
      if (ch === '\\') this.i++;
      else if (ch < ' ') this.fail();
      this.i++;
    }
    return this.fail();
  }

  object(depth: number): JsonNode {
    this.i++;
    const entries: Array<{ key: string; value: JsonNode }> = [];
    this.skip();
    if (this.text[this.i] === '}') return this.i++, { type: 'object', entries };
    for (;;) {
      this.skip();
      if (this.text[this.i] !== '"') this.fail();
      const key = this.string();
      this.skip();
      if (this.text[this.i++] !== ':') this.fail();
      entries.push({ key, value: this.value(depth + 1) });
      this.skip();
      const next = this.text[this.i++];
      if (next === '}') return { type: 'object', entries };
      if (next !== ',') this.fail();
    }
  }

  array(depth: number): JsonNode {
    this.i++;
    const items: JsonNode[] = [];
    this.skip();
    if (this.text[this.i] === ']') return this.i++, { type: 'array', items };
    for (;;) {
      items.push(this.value(depth + 1));
      this.skip();
      const next = this.text[this.i++];
      if (next === ']') return { type: 'array', items };
      if (next !== ',') this.fail();
    }
  }
}

/** The tree of a JSON text, or null when the text is not JSON. */
export function parseJsonTree(text: string): JsonNode | null {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  try {
    const node = reader.value(0);
    reader.skip();
    return reader.i === reader.text.length ? node : null;
  } catch {
    return null;
  }
}

