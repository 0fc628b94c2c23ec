/**
 * Edges of the quick "surely valid" predicate (zod-quick.ts) that the provider schemas do not
 * reach today but a schema added later could: zod v4's format schemas (`z.uuid()` is a string
 * schema whose format check is the schema itself, not an entry in its checks), recursive
 * schemas (getter-based, the schema reached again while it is being compiled), schemas of a
 * kind or with traits the predicate does not know, and sparse arrays. The property is the
 * same as in zod-quick.property.test.ts: true only where zod accepts, describeIssues worded
 * exactly as zod alone words it, and never a throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { describeIssues } from '../../src-main/providers/shared/zod-json.js';
import { surelyValid } from '../../src-main/providers/shared/zod-quick.js';
import { zodIssues } from '../helpers/zod-issues.js';

function holds(schema: z.ZodType, value: unknown): void {
  const quick = surelyValid(schema, value);
  const zod = schema.safeParse(value);
  if (quick && !zod.success) throw new Error(`surelyValid said true, zod refuses ${JSON.stringify(value)}: ${zod.error.message}`);
  expect(describeIssues(schema, value)).toEqual(zodIssues(schema, value));
}

const formats: [string, z.ZodType][] = [
  ['z.email()', z.email()],
  ['z.uuid()', z.uuid()],
  ['z.guid()', z.guid()],
  ['z.url()', z.url()],
  ['z.iso.datetime()', z.iso.datetime()],
  ['z.iso.date()', z.iso.date()],
  ['z.hex()', z.hex()],
  ['z.base64()', z.base64()],
  ['z.jwt()', z.jwt()],
  ['z.emoji()', z.emoji()],
  ['z.ipv4()', z.ipv4()],
  ['z.cuid()', z.cuid()],
];

const formatInputs = fc.oneof(
  fc.constantFrom(
    'nope',
    '',
    'x',
    'a@b.co',
    '123e4567-e89b-12d3-a456-426614174000',
    'https://example.com/a',
    '2026-01-02T03:04:05Z',
    '2026-01-02',
    'deadBEEF',
    'aGVsbG8=',
    '127.0.0.1',
    '😀',
  ),
  fc.string({ maxLength: 40 }),
);

describe('surelyValid on format schemas (the check is the schema itself)', () => {
  it.each(formats)('is never true when zod refuses: %s', (_name, schema) => {
    expect(surelyValid(schema, 'nope')).toBe(false);
    fc.assert(
      fc.property(formatInputs, (text) => {
        holds(schema, text);
        holds(z.object({ id: schema }), { id: text });
        holds(z.array(schema), [text]);
        holds(schema.optional(), text);
        holds(z.union([schema, z.boolean()]), text);
      }),
      { numRuns: 100 },
    );
  });

  it('words the issue of a format field inside an object as zod does', () => {
    const schema = z.object({ id: z.uuid() });
    expect(describeIssues(schema, { id: 'x' })).toEqual(zodIssues(schema, { id: 'x' }));
    expect(describeIssues(schema, { id: 'x' })).not.toEqual([]);
  });

  it('still answers the format checks of z.string().email() (an entry in its checks)', () => {
    expect(surelyValid(z.string().email(), 'nope')).toBe(false);
    expect(surelyValid(z.string().email(), 'a@b.co')).toBe(true);
  });
});

describe('surelyValid on what it does not know', () => {
  it('is not sure of a schema with a trait it does not know', () => {
    const schema = z.string();
    schema._zod.traits.add('$ZodSomethingNew');
    expect(surelyValid(schema, 'abc')).toBe(false);
  });

  it('is not sure, and does not throw, when compiling meets a surprise', () => {
    const schema = z.looseObject({});
    Object.defineProperty(schema._zod.def, 'shape', {
      get() {
        throw new Error('a shape that cannot be read');
      },
    });
    expect(surelyValid(schema, {})).toBe(false);
    expect(surelyValid(schema, {})).toBe(false);
  });

  it('is not sure of extra keys a refined catchall may refuse', () => {
    const schema = z.object({ a: z.string() }).catchall(z.unknown().refine((value) => value !== 'bad'));
    holds(schema, { a: 'x', b: 'bad' });
    holds(schema, { a: 'x', b: 'ok' });
  });

  it('takes no kind of union it does not know for an inclusive one', () => {
    const discriminated = z.discriminatedUnion('t', [z.object({ t: z.literal('a') }), z.object({ t: z.literal('b') })]);
    holds(discriminated, { t: 'a' });
    holds(discriminated, { t: 'c' });
    const xor = z.xor([z.string(), z.string().min(2)]);
    holds(xor, 'abc');
    holds(xor, 'a');
  });
});

interface TreeNode {
  name: string;
  children: TreeNode[];
}

const TreeNodeSchema: z.ZodType<TreeNode> = z.object({
  name: z.string(),
  get children() {
    return z.array(TreeNodeSchema);
  },
});

describe('surelyValid on a recursive schema', () => {
  const leaf = { name: 'leaf', children: [] };
  const values: unknown[] = [
    leaf,
    { name: 'root', children: [leaf, { name: 'mid', children: [leaf] }] },
    { name: 'root', children: [{ name: 1, children: [] }] },
    { name: 'root', children: [{ name: 'mid', children: [{ name: 'deep' }] }] },
    { name: 'root' },
    { children: [] },
    [],
    null,
    'root',
  ];

  it('answers (true or not sure), never throws, and words issues as zod does', () => {
    for (const value of values) {
      holds(TreeNodeSchema, value);
      holds(z.object({ tree: TreeNodeSchema }), { tree: value });
    }
  });

  it('holds on generated trees', () => {
    const node: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { maxDepth: 6, withCrossShrink: true },
        fc.constant(null),
        fc.record({ name: fc.string({ maxLength: 4 }) }),
        fc.record({ name: fc.oneof(fc.string({ maxLength: 4 }), fc.constant(1)), children: fc.array(tie('node'), { maxLength: 3 }) }),
      ),
    })).node;
    fc.assert(
      fc.property(node, (value) => holds(TreeNodeSchema, value)),
      { numRuns: 300 },
    );
  });
});

/** An array of this length with items only at the given indexes: holes elsewhere. */
function withHoles(length: number, items: Readonly<Record<number, string>> = {}): unknown[] {
  const array = new Array<unknown>(length);
  for (const [index, item] of Object.entries(items)) array[Number(index)] = item;
  return array;
}

describe('surelyValid on sparse arrays', () => {
  const sparse = [withHoles(2), withHoles(3, { 0: 'a', 2: 'b' }), withHoles(2, { 1: 'a' })];

  it('is never true where zod refuses a hole', () => {
    for (const value of sparse) {
      expect(surelyValid(z.array(z.string()), value)).toBe(false);
      holds(z.array(z.string()), value);
      holds(z.object({ list: z.array(z.string()) }), { list: value });
      holds(z.array(z.string().optional()), value);
      holds(z.array(z.unknown()), value);
    }
  });
});
