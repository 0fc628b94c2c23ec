/**
 * A quick "surely valid" test for the zod schemas the providers use, compiled once per schema.
 *
 * Almost every delivery fits its provider's schemas, and zod's safeParse (which builds a whole
 * parsed copy of the payload) was the largest part of parsing one. This answers true only when
 * zod would surely succeed, for the kinds of schema the providers use (loose objects, strings,
 * unions, arrays, enums, nullish, instanceof, refinements); for anything else (a kind or a
 * zod trait not listed below, e.g. `z.uuid()`, whose format check is the schema itself), and
 * for any value it is not sure of, it answers false and the caller asks zod, so the issues in
 * words always come from zod itself.
 */
import type { z } from 'zod';

type Quick = (value: unknown) => boolean;

interface CheckPayload {
  value: unknown;
  issues: unknown[];
}

interface ZodCheck {
  _zod: { def: { when?: unknown }; check(payload: CheckPayload): unknown };
}

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      checks?: readonly ZodCheck[];
      innerType?: ZodInternals;
      options?: readonly ZodInternals[];
      inclusive?: boolean;
      element?: ZodInternals;
      shape?: Readonly<Record<string, ZodInternals>>;
      catchall?: ZodInternals;
      fn?: (value: unknown) => unknown;
    };
    traits?: ReadonlySet<string>;
    values?: ReadonlySet<unknown>;
    optin?: string;
    optout?: string;
  };
}

const unsure: Quick = () => false;
const compiled = new WeakMap<object, Quick>();

/** Whether zod would surely accept the value (false: not sure, ask zod). */
export function surelyValid(schema: z.ZodType, value: unknown): boolean {
  return quickFor(schema as unknown as ZodInternals)(value);
}

function quickFor(schema: ZodInternals): Quick {
  const known = compiled.get(schema);
  if (known !== undefined) return known;
  // A recursive schema (a getter in its shape) meets itself while compiling: it then gets this
  // stub, which calls through to the finished predicate.
  let done: Quick = unsure;
  compiled.set(schema, (value) => done(value));
  try {
    done = compile(schema);
  } catch {
    // Anything surprising in a schema: not sure, once and for all (not retried every call).
    done = unsure;
  }
  compiled.set(schema, done);
  return done;
}

/**
 * The zod traits each kind below is understood with (classic zod v4): a schema with any other
 * trait (a format such as `z.uuid()` is `$ZodString` and also `$ZodCheck`; a discriminated or
 * exclusive union is `$ZodUnion` and more) is left to zod.
 */
const COMMON_TRAITS = ['$ZodType', 'ZodType'];
const KNOWN_TRAITS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({
    string: ['$ZodString', '_ZodString', 'ZodString'],
    boolean: ['$ZodBoolean', 'ZodBoolean'],
    unknown: ['$ZodUnknown', 'ZodUnknown'],
    any: ['$ZodAny', 'ZodAny'],
    enum: ['$ZodEnum', 'ZodEnum'],
    literal: ['$ZodLiteral', 'ZodLiteral'],
    // A custom schema is its own check (fn), which is what it compiles to.
    custom: ['$ZodCustom', 'ZodCustom', '$ZodCheck', 'ZodInstanceOf'],
    optional: ['$ZodOptional', 'ZodOptional'],
    nullable: ['$ZodNullable', 'ZodNullable'],
    union: ['$ZodUnion', 'ZodUnion'],
    array: ['$ZodArray', 'ZodArray'],
    object: ['$ZodObject', '$ZodObjectJIT', 'ZodObject'],
  }).map(([type, traits]) => [type, new Set([...COMMON_TRAITS, ...traits])]),
);

function understood(internals: ZodInternals['_zod']): boolean {
  const known = Object.hasOwn(KNOWN_TRAITS, internals.def.type) ? KNOWN_TRAITS[internals.def.type] : undefined;
  if (!known || !internals.traits) return false;
  for (const trait of internals.traits) if (!known.has(trait)) return false;
  return true;
}

function compile(schema: ZodInternals): Quick {
  const internals = schema?._zod;
  if (!internals?.def || !understood(internals)) return unsure;
  const base = compileType(internals);
  const checks = internals.def.checks ?? [];
  if (checks.length === 0 || base === unsure) return base;
  // Conditional checks run by rules of their own: not worth mirroring.
  if (checks.some((check) => check._zod.def.when !== undefined)) return unsure;
  return (value) => {
    if (!base(value)) return false;
    // The value is already valid, so zod would run every check on it: each must add no issue.
    const payload: CheckPayload = { value, issues: [] };
    for (const check of checks) {
      if (check._zod.check(payload) instanceof Promise) return false;
      if (payload.issues.length > 0) return false;
    }
    return true;
  };
}

function compileType(internals: ZodInternals['_zod']): Quick {
  const def = internals.def;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum':
    case 'literal': {
      const values = internals.values;
      return values ? (value) => values.has(value) : unsure;
    }
    case 'custom': {
      const fn = def.fn;
      return fn ? (value) => fn(value) === true : unsure;
    }
    case 'optional': {
      const inner = def.innerType ? quickFor(def.innerType) : unsure;
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = def.innerType ? quickFor(def.innerType) : unsure;
      return (value) => value === null || inner(value);
    }
    case 'union': {
      // An exclusive union needs exactly one option to fit: left to zod.
      if (def.inclusive === false || !def.options) return unsure;
      const options = def.options.map(quickFor);
      return (value) => {
        for (const option of options) if (option(value)) return true;
        return false;
      };
    }
    case 'array': {
      const element = def.element ? quickFor(def.element) : unsure;
      return (value) => {
        if (!Array.isArray(value)) return false;
        // Every index, holes read as undefined, as zod reads them (every/forEach would skip holes).
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'object':
      return compileObject(def);
    default:
      return unsure;
  }
}

function compileObject(def: ZodInternals['_zod']['def']): Quick {
  const shape = def.shape;
  if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return unsure;
  // Extra keys: an unknown catchall accepts them and no catchall strips them; anything else is zod's.
  const catchall = def.catchall?._zod;
  if (catchall !== undefined) {
    const plain = (catchall.def.type === 'unknown' || catchall.def.type === 'any') && !catchall.def.checks?.length && understood(catchall);
    if (!plain) return unsure;
  }
  const fields = Object.keys(shape).map((key) => {
    const field = shape[key]!;
    // An absent key is fine only for a schema that is optional in and out (else zod says "nonoptional").
    const mayBeAbsent = field._zod.optin === 'optional' && field._zod.optout === 'optional';
    return { key, quick: quickFor(field), mayBeAbsent };
  });
  if (fields.some((field) => field.key === '__proto__')) return unsure;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    for (const field of fields) {
      if (field.key in object) {
        if (!field.quick(object[field.key])) return false;
      } else if (!field.mayBeAbsent) return false;
    }
    return true;
  };
}
