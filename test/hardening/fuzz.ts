/**
 * Random JSON for fuzzing call inputs: fully random values, and objects that use the schema's
 * own field names (with valid enum values now and then) so that fuzzing gets past the first
 * "unknown shape" check and into each field's validation and the handlers.
 */
import type { z } from 'zod';

/** A small seeded generator, so a failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NASTY_STRINGS = [
  '',
  ' ',
  'a'.repeat(600),
  'ﬀ\u0000\uFFFF\uD800',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '"unterminated',
  'NEAR(a b) OR x*',
  '*',
  '../../etc/passwd',
  'https://example.com/x',
  'http://127.0.0.1:1/',
  '2026-11-01T00:00:00Z',
  'not-a-date',
  '-1',
  '1e309',
  '0',
  'Zoë Müller',
];
const NASTY_NUMBERS = [0, -1, 1, 2 ** 53 + 2, -(2 ** 31), 1.5, 1e308, 500, 501, 100];

interface Def {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field schemas of an object schema, looking through optional/default/pipe wrappers. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(schema);
  if (def.type === 'object') return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const inner = def.innerType ?? def.in;
  return inner ? shapeOf(inner) : null;
}

/** Values the schema itself names: enum options, literals. */
function namedValues(schema: z.ZodType): unknown[] {
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) return def.values;
  if (def.type === 'union' && def.options) return def.options.flatMap(namedValues);
  const inner = def.innerType ?? def.in;
  return inner ? namedValues(inner) : [];
}

export function fuzzInputs(schema: z.ZodType, options: { seed: number; count: number; strings?: readonly string[] }): unknown[] {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const strings = [...NASTY_STRINGS, ...(options.strings ?? [])];
  const value = (depth: number): unknown => {
    const roll = random();
    if (roll < 0.1) return null;
    if (roll < 0.2) return random() < 0.5;
    if (roll < 0.4) return pick(NASTY_NUMBERS);
    if (roll < 0.7 || depth > 2) return pick(strings);
    if (roll < 0.85) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(random() * 4); i > 0; i--) object[pick(strings).slice(0, 20)] = value(depth + 1);
    return object;
  };
  const shape = shapeOf(schema);
  const inputs: unknown[] = [];
  for (let i = 0; i < options.count; i++) {
    if (!shape || random() < 0.25) {
      inputs.push(value(0));
      continue;
    }
    const input: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      if (random() < 0.35) continue;
      const named = namedValues(field);
      input[key] = named.length > 0 && random() < 0.6 ? pick(named) : value(1);
    }
    inputs.push(input);
  }
  return inputs;
}
