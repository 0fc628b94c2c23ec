/** Reading fields out of the lossless tree without trusting its shape. */
import { JsonNumber, isJsonObject } from './lossless-json.js';

/** The value at a path of keys / indexes, or undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isJsonObject(current) || !Object.hasOwn(current, key)) return undefined;
      current = current[key];
    }
  }
  return current;
}

/** A string or a number's exact text; anything else is null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof JsonNumber) return value.text;
  return null;
}

export function textAt(value: unknown, ...path: (string | number)[]): string | null {
  return textOf(at(value, ...path));
}

const DECIMAL_RE = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** An amount's exact decimal text: a JSON number's source text, or a numeric string as sent. */
export function decimalOf(value: unknown): string | null {
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'string' && DECIMAL_RE.test(value.trim())) return value.trim();
  return null;
}

/** Values that carry no information: masked placeholders (`*****`, `---`) and blanks. */
export function isPlaceholder(value: string): boolean {
  return /^[\s*\-–—._]*$/.test(value);
}
