/**
 * Properties of the lossless JSON parser and the canonical forms, over generated inputs
 * (fast-check), with the hand-made nasty strings among them. JSON.parse is the oracle for what
 * is JSON and what it means; the parser must agree with it and keep every number's text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonNumber, parseLosslessJson, stringifyLossless, toPlainJson } from '../../src-main/providers/shared/lossless-json.js';
import { stringifyCanonical } from '../../src-main/providers/shared/serialize.js';
import { prettyJson } from '../../src-renderer/ui/json-format.js';
import { NASTY_STRINGS } from '../hardening/fuzz.js';

const runs = { numRuns: 400 };

/** A JSON number as a sender may write it: sign, digits, fraction, exponent in any case. */
const numberText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,30}$/)),
    fc.option(fc.stringMatching(/^\d{1,30}$/)),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.stringMatching(/^\d{1,4}$/))),
  )
  .map(
    ([negative, whole, fraction, exponent]) =>
      `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : exponent.join('')}`,
  );

const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...NASTY_STRINGS));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function losslessValue(text: string) {
  const parsed = parseLosslessJson(text);
  if (!parsed.ok) throw new Error(`${parsed.error} in ${JSON.stringify(text)}`);
  return parsed.value;
}

describe('lossless JSON parser', () => {
  it('means what JSON.parse means, numbers aside', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(toPlainJson(losslessValue(text))).toStrictEqual(JSON.parse(text));
      }),
      runs,
    );
  });

  it('prints back what a JS sender printed, byte for byte', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        expect(stringifyLossless(losslessValue(text))).toBe(text);
      }),
      runs,
    );
  });

  it('keeps every number exactly as written', () => {
    fc.assert(
      fc.property(numberText, (text) => {
        const value = losslessValue(`{"amount":${text},"list":[${text}]}`) as { amount: JsonNumber; list: JsonNumber[] };
        expect(value.amount).toBeInstanceOf(JsonNumber);
        expect(value.amount.text).toBe(text);
        expect(value.list[0]!.text).toBe(text);
      }),
      runs,
    );
  });

  it('decodes every string, lone surrogates and nasty strings included', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(losslessValue(JSON.stringify(s))).toBe(s);
        expect(losslessValue(JSON.stringify({ [s]: s }))).toStrictEqual(JSON.parse(JSON.stringify({ [s]: s })));
      }),
      runs,
    );
  });

  it('accepts exactly what JSON.parse accepts, on mangled JSON too', () => {
    const mangled = fc
      .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', '\u0000', '01', '-', '.', 'e', ' ', 'tru'), fc.nat(3))
      .map(([text, at, insert, cut]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        // The two documented differences: a leading BOM is tolerated; nesting past 512 is refused.
        fc.pre(!text.startsWith('\uFEFF'));
        const result = parseLosslessJson(text);
        expect(result.ok).toBe(parses(text));
        if (!result.ok) expect(result.error).toMatch(/ at position \d+$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('canonical form', () => {
  /** The same object printed with its keys in another order, and with other whitespace. */
  const reordered = fc.jsonValue({ maxDepth: 5 }).chain((value) =>
    fc.tuple(fc.constant(value), fc.infiniteStream(fc.boolean())).map(([v, flips]) => {
      const shuffle = (x: unknown): unknown => {
        if (Array.isArray(x)) return x.map(shuffle);
        if (x === null || typeof x !== 'object') return x;
        const entries = Object.entries(x).map(([k, inner]) => [k, shuffle(inner)] as const);
        if (flips.next().value) entries.reverse();
        // A JSON text, not an object: JS objects would put the keys back in their own order.
        return { __entries: entries };
      };
      const print = (x: unknown): string => {
        if (Array.isArray(x)) return `[ ${x.map(print).join(' , ')} ]`;
        if (x !== null && typeof x === 'object' && '__entries' in x)
          return `{\n${(x as { __entries: Array<readonly [string, unknown]> }).__entries.map(([k, inner]) => `${JSON.stringify(k)} : ${print(inner)}`).join(',\n')}\n}`;
        return JSON.stringify(x);
      };
      return { original: JSON.stringify(v), reprinted: print(shuffle(v)) };
    }),
  );

  it('does not depend on key order or whitespace, and is a fixed point', () => {
    fc.assert(
      fc.property(reordered, ({ original, reprinted }) => {
        const canonical = stringifyCanonical(losslessValue(original));
        expect(stringifyCanonical(losslessValue(reprinted))).toBe(canonical);
        expect(stringifyCanonical(losslessValue(canonical))).toBe(canonical);
      }),
      runs,
    );
  });

  it('pretty printing changes whitespace only', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        const pretty = prettyJson(text);
        expect(pretty).not.toBeNull();
        expect(stringifyCanonical(losslessValue(pretty!))).toBe(stringifyCanonical(losslessValue(text)));
      }),
      runs,
    );
  });
});
