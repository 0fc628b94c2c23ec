import { describe, it, expect } from 'vitest';
import { parseLosslessJson, type LosslessJson } from '../../src-main/providers/shared/lossless-json.js';
import { phpFloat, phpNumber, stringifyJsStyle, stringifyPhpStyle } from '../../src-main/providers/shared/serialize.js';

const tree = (text: string): LosslessJson => {
  const r = parseLosslessJson(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('JS-style re-serialization', () => {
  it.each([
    '{"b":170.00,"a":[1e-5,0.0421399418187522],"2":"x","1":"y","u":"Zoë / ✓"}',
    '{"big":12345678901234567890,"neg":-0,"e":1E+3,"s":"\\u0001\\n\\"\\\\"}',
  ])('equals JSON.stringify(JSON.parse(body)) %#', (text) => {
    expect(stringifyJsStyle(tree(text))).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('sorts the top level only, or recursively', () => {
    const t = tree('{"b":{"d":1,"c":2},"a":0}');
    expect(stringifyJsStyle(t, 'top-level')).toBe('{"a":0,"b":{"d":1,"c":2}}');
    expect(stringifyJsStyle(t, 'recursive')).toBe('{"a":0,"b":{"c":2,"d":1}}');
  });
});

describe('PHP-style re-serialization (json_encode after json_decode(…, true))', () => {
  it('escapes non-ASCII as lowercase \\uXXXX and / as \\/', () => {
    const t = tree('{"name":"Zoë Müller","url":"https://x.example/a","emoji":"😀"}');
    expect(stringifyPhpStyle(t, { escapeSlashes: true, sort: 'none' })).toBe(
      '{"name":"Zo\\u00eb M\\u00fcller","url":"https:\\/\\/x.example\\/a","emoji":"\\ud83d\\ude00"}',
    );
    expect(stringifyPhpStyle(t, { escapeSlashes: false, sort: 'none' })).toContain('"url":"https://x.example/a"');
  });

  it('turns {} into [] and keeps lists', () => {
    expect(stringifyPhpStyle(tree('{"a":{},"b":[1,{}]}'), { escapeSlashes: true, sort: 'none' })).toBe('{"a":[],"b":[1,[]]}');
  });

  it.each([
    ['170.00', '170'],
    ['0.00001', '1.0e-5'],
    ['0.0001', '0.0001'],
    ['1.5e-7', '1.5e-7'],
    ['0.0421399418187522', '0.0421399418187522'],
    ['12345678901234567890', '1.2345678901234567e+19'],
    ['9007199254740993', '9007199254740993'],
    ['1e22', '1.0e+22'],
    ['-2.50', '-2.5'],
    ['100000000000000000', '100000000000000000'],
    ['1.0e17', '1.0e+17'],
  ])('prints %s as %s', (text, php) => {
    expect(phpNumber(text)).toBe(php);
  });

  it('prints doubles with shortest round-trip digits', () => {
    expect(phpFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(phpFloat(3.74)).toBe('3.74');
  });
});
