/**
 * zod building blocks for the lossless JSON tree. Provider schemas describe what the documents
 * say; they never gatekeep: every object is loose (extra fields kept) and mismatches become
 * readable `schemaIssues`.
 */
import { z } from 'zod';
import { JsonNumber } from './lossless-json.js';
import { surelyValid } from './zod-quick.js';

/** A JSON number (kept as its source text). */
export const jsonNumber = z.instanceof(JsonNumber, { message: 'expected a JSON number' });
/** An amount: documented as a number, but some senders quote it. */
export const decimal = z.union([jsonNumber, z.string()], { message: 'expected a number or a decimal string' });
/** An id: a string or a number. */
export const idLike = z.union([z.string(), jsonNumber], { message: 'expected a string or number id' });
export const nullableString = z.string().nullable();

const MAX_ISSUES = 40;

/** Validates and returns the mismatches in words, e.g. `data.amount: expected a JSON number`. */
export function describeIssues(schema: z.ZodType, value: unknown, prefix = ''): string[] {
  if (surelyValid(schema, value)) return [];
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(body)'}: ${issue.message}`;
  });
}

/** Field kinds used by the compact per-event tables (Calypso's ~30 data shapes and others). */
export const fieldKinds = {
  string: z.string(),
  decimal,
  id: idLike,
  boolean: z.boolean(),
  ids: z.array(idLike),
  list: z.array(z.unknown()),
  /** `{"EUR": 31.99, "USD": 36.84}`, or a single amount. */
  fiat: z.union([z.record(z.string(), decimal), decimal], { message: 'expected a currency → amount object or an amount' }),
  any: z.unknown(),
} as const;
export type FieldKind = keyof typeof fieldKinds;

/** A loose object schema where every documented field is optional but typed when present. */
export function fieldsSchema(fields: Readonly<Record<string, FieldKind | z.ZodType>>): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(fields)) {
    shape[name] = (typeof kind === 'string' ? fieldKinds[kind] : kind).nullish();
  }
  return z.looseObject(shape);
}
