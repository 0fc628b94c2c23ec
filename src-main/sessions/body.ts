/** Request bodies: built once as a string, amounts written with exactly the digits typed. */
import { JsonNumber, stringifyLossless } from '../providers/shared/lossless-json.js';
import { at, textOf } from '../providers/shared/json-path.js';

/**
 * Compact JSON of `fields` in the given order, leaving out undefined values; the names in
 * `numbers` are written as JSON numbers with their text unchanged (`12.50` stays `12.50`).
 */
export function jsonBody(fields: Record<string, unknown>, numbers: readonly string[] = []): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = numbers.includes(key) && typeof value === 'string' ? new JsonNumber(value) : value;
  }
  return stringifyLossless(out);
}

/** The first of these paths that holds a string or number in a provider's answer. */
export function firstText(json: unknown, paths: ReadonlyArray<readonly string[]>): string | null {
  for (const path of paths) {
    const value = textOf(at(json, ...path));
    if (value !== null && value.trim() !== '') return value;
  }
  return null;
}

export const joinUrl = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;
