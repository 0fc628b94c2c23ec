import type pg from 'pg';

/**
 * Text PostgreSQL cannot hold, kept losslessly. A `text` value cannot contain U+0000, and the
 * driver turns a lone surrogate into U+FFFD; SQLite keeps both (a webhook's JSON may say
 * "\u0000" in an id, the console API may be asked for such a key). So every string parameter is
 * escaped on its way in and every string read back is unescaped, in this one place: U+0000 is
 * ESC "0", ESC itself is ESC "1", a lone surrogate is ESC "u" and its four hex digits. ESC is a
 * noncharacter (U+FDD0, reserved for a program's internal use), so the escaped form of any other
 * text is itself, and escaping is done character by character: an escaped key equals, and starts,
 * the escaped forms of exactly the keys it equals and starts, so lookups and prefix searches
 * answer as on SQLite (a key with a NUL finds what was stored with that NUL, and nothing else).
 */
const ESC = '\uFDD0';
const NEEDS_ESCAPE = /[\uFDD0\uD800-\uDFFF]/;
const ESCAPED = /\uFDD0(?:0|1|u[0-9a-f]{4})/g;

export function escapeText(text: string): string {
  if (!text.includes('\u0000') && !NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) out += `${ESC}0`;
    else if (unit === 0xfdd0) out += `${ESC}1`;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) out += `${ESC}u${unit.toString(16)}`;
    else out += text[i];
  }
  return out;
}

const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export function unescapeText(text: string): string {
  if (!text.includes(ESC)) return text;
  return text.replace(ESCAPED, (escaped) =>
    escaped[1] === '0' ? '\u0000' : escaped[1] === '1' ? ESC : String.fromCharCode(Number.parseInt(escaped.slice(2), 16)),
  );
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  return value;
}

function unescapeValue(value: unknown): unknown {
  if (typeof value === 'string') return unescapeText(value);
  if (Array.isArray(value)) return value.map(unescapeValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = unescapeValue(record[key]);
  }
  return value;
}

type Query = (...args: unknown[]) => Promise<pg.QueryResult>;

/** `query` with its parameters escaped and its rows unescaped (the promise form, which the store uses). */
function textSafeQuery(target: { query: Query }): Query {
  return async (...args: unknown[]) => {
    const [first, values] = args;
    if (args.length > 2 || typeof args[args.length - 1] === 'function') return target.query(...args);
    const result =
      typeof first === 'string'
        ? await target.query(first, escapeValue(values))
        : await target.query({ ...(first as pg.QueryConfig), values: escapeValue((first as pg.QueryConfig).values) });
    for (const row of result.rows ?? []) unescapeValue(row);
    return result;
  };
}

function wrap<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/**
 * The pool the store's tables are read and written through: the same pool, its `query` and its
 * clients' `query` escaping text as above. The pool itself (ending it, its events) is untouched.
 */
export function textSafePool(pool: pg.Pool): pg.Pool {
  const query = textSafeQuery(pool as unknown as { query: Query });
  const connect = async () => {
    const client = await pool.connect();
    return wrap(client, { query: textSafeQuery(client as unknown as { query: Query }) });
  };
  return wrap(pool, { query, connect });
}
