/**
 * PHP-style canonical JSON (issue 13.2): `ksort` orders integer-like keys numerically and
 * `json_decode(…, true)` keeps `{"1":"a","0":"b"}` an object. The InstaXchange PHP sample
 * (seed 000) signs `json_encode(ksort(json_decode($raw, true)), JSON_UNESCAPED_SLASHES)`.
 */
import { describe, it, expect } from 'vitest';
import { instaxchangeAdapter } from '../../src-main/providers/instaxchange/index.js';
import { parseLosslessJson, type LosslessJson } from '../../src-main/providers/shared/lossless-json.js';
import { stringifyPhpStyle } from '../../src-main/providers/shared/serialize.js';
import { delivery, md5Hex } from './helpers.js';
import { phpEncode, phpVersion, type PhpEncodeCase } from './php-reference.js';

const SECRET = 'ixw_live_3f9a1c7e5b2d';
const secrets = [{ label: 'production', value: SECRET }];

const tree = (text: string): LosslessJson => {
  const r = parseLosslessJson(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const php = (text: string, sort: PhpEncodeCase['sort'], escapeSlashes = false): string => stringifyPhpStyle(tree(text), { escapeSlashes, sort });

describe('PHP ksort + json_encode, by PHP 8 rules', () => {
  it('orders integer keys numerically and before strings that sort after their digits', () => {
    // ksort: 9 and 10 are int keys (numeric order); "b" vs 10 compares "10" with "b" as strings.
    expect(php('{"b":"Zoë","10":2,"9":3}', 'top-level')).toBe('{"9":3,"10":2,"b":"Zo\\u00eb"}');
  });

  it('keeps a decoded object whose integer keys are out of order an object (not a list)', () => {
    expect(php('{"n":{"1":"a","0":"b"},"a":"Zoë"}', 'top-level')).toBe('{"a":"Zo\\u00eb","n":{"1":"a","0":"b"}}');
    expect(php('{"1":"a","0":"b"}', 'none')).toBe('{"1":"a","0":"b"}');
  });

  it('turns keys 0..n-1 in order into a list, after sorting too', () => {
    expect(php('{"0":"a","1":"b"}', 'none')).toBe('["a","b"]');
    expect(php('{"n":{"1":"a","0":"b"}}', 'recursive')).toBe('{"n":["b","a"]}');
  });

  it('leaves "010", "1.5", "-0" and " 1" as string keys compared the PHP 8 way', () => {
    // "010" and "1.5" are numeric strings (10 and 1.5) compared with the int keys as numbers;
    // "-0" is numeric (0); "x" is not, so it is compared as a string ("9" < "x", "010" < "x").
    expect(php('{"010":1,"9":2,"1.5":3,"-0":4,"x":5}', 'top-level')).toBe('{"-0":4,"1.5":3,"9":2,"010":1,"x":5}');
  });
});

describe('InstaXchange: a PHP sender (seed 000 PHP sample) signing integer-like keys', () => {
  const bodies = ['{"webhookId":"wh","b":"Zoë","10":2,"9":3}', '{"webhookId":"wh","reference":"Zoë/1","data":{"1":"a","0":"b","name":"Zoë"}}'];
  const expectedPhp = [
    '{"9":3,"10":2,"b":"Zo\\u00eb","webhookId":"wh"}',
    '{"data":{"1":"a","0":"b","name":"Zo\\u00eb"},"reference":"Zo\\u00eb/1","webhookId":"wh"}',
  ];

  it.each(bodies.map((body, i) => [body, expectedPhp[i]!]))('verifies %s', (body, signed) => {
    const result = instaxchangeAdapter.verify(delivery(body, { 'X-InstaXWH-KEY': md5Hex(`${signed}:${SECRET}`) }), secrets);
    expect(result.status).toBe('valid');
    expect(result.matched).toBe('PHP-style JSON, unescaped slashes, top-level keys sorted');
  });

  it.skipIf(phpVersion === null)('verifies bodies signed by PHP itself', () => {
    const signed = phpEncode(bodies.map((body) => ({ body, sort: 'top-level', escapeSlashes: false })));
    expect(signed).toEqual(expectedPhp);
    signed.forEach((text, i) => {
      const result = instaxchangeAdapter.verify(delivery(bodies[i]!, { 'X-InstaXWH-KEY': md5Hex(`${text}:${SECRET}`) }), secrets);
      expect(result.status).toBe('valid');
    });
  });
});

/** A small seeded generator (mulberry32): the same cases every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEY_POOL = [
  '0',
  '1',
  '2',
  '9',
  '10',
  '11',
  '100',
  '-1',
  '-10',
  '010',
  '00',
  '-0',
  '1.5',
  '1e3',
  '1e1',
  '.5',
  '5.',
  ' 1',
  '1 ',
  '+1',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '99999999999999999999',
  'a',
  'b',
  'B',
  '',
  '_',
  'Zoë',
  'é',
  '😀',
  '\uffff',
  '15x',
  '9a',
  '1a',
  'abc',
  'a b',
  'x/y',
  'NaN',
  'INF',
  '0x1A',
];
const STRING_POOL = ['Zoë Müller', 'https://x.example/a', '😀 ✓', 'plain', '', 'quote " and \\ backslash', 'tab\tnew\nline', '\u0001'];
const NUMBER_POOL = ['0', '-0', '1', '170.00', '0.00001', '1.0e-5', '1E+3', '12345678901234567890', '9007199254740993', '-2.50', '0.1', '1e22', '3.74', '-0.0'];

function generate(next: () => number, depth: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const r = next();
  if (depth > 2 || r < 0.35) {
    const s = next();
    if (s < 0.4) return JSON.stringify(pick(STRING_POOL));
    if (s < 0.8) return pick(NUMBER_POOL);
    return pick(['true', 'false', 'null']);
  }
  if (r < 0.5) {
    const n = Math.floor(next() * 4);
    return `[${Array.from({ length: n }, () => generate(next, depth + 1)).join(',')}]`;
  }
  const n = Math.floor(next() * (depth === 0 ? 20 : 6));
  const keys = new Set<string>();
  // Lists in disguise ({"0":…,"1":…}) are frequent in decoded PHP arrays: make some.
  const shape = next();
  if (shape < 0.15) for (let i = 0; i < n; i++) keys.add(String(i));
  else if (shape < 0.3 && depth === 0) {
    // Every tricky key at once, shuffled: more than 16 keys takes zend_sort's quicksort path, and
    // mixes like 100 < "15x" < 2 < 100 (PHP 8 comparison is not transitive) make the order depend on it.
    const shuffled = [...KEY_POOL].sort(() => next() - 0.5);
    for (const k of shuffled) keys.add(k);
  } else for (let i = 0; i < n; i++) keys.add(pick(KEY_POOL));
  return `{${[...keys].map((k) => `${JSON.stringify(k)}:${generate(next, depth + 1)}`).join(',')}}`;
}

describe.skipIf(phpVersion === null)(`PHP-style forms against real PHP ${phpVersion ?? ''}`, () => {
  it('equal json_encode(json_decode(…, true)) for 600 generated bodies, each sort and escaping', () => {
    const next = random(20261113);
    const cases: PhpEncodeCase[] = [];
    for (let i = 0; i < 200; i++) {
      const body = generate(next, 0);
      for (const sort of ['none', 'top-level', 'recursive'] as const) cases.push({ body, sort, escapeSlashes: i % 2 === 0 });
    }
    const expected = phpEncode(cases);
    const mismatches = cases.map((c, i) => ({ ...c, php: expected[i], ours: php(c.body, c.sort, c.escapeSlashes) })).filter((c) => c.php !== c.ours);
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});
