import { describe, it, expect } from 'vitest';
import { JsonNumber, parseLosslessJson, stringifyLossless, toPlainJson } from '../../src-main/providers/shared/lossless-json.js';
import { decodeJsonBody } from '../../src-main/providers/shared/parse.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { providerIds } from '../../src-shared/domain/provider.js';

const value = (text: string): unknown => {
  const r = parseLosslessJson(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('lossless JSON', () => {
  it.each([
    ['170.00', '170.00'],
    ['0.0421399418187522', '0.0421399418187522'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['9007199254740993', '9007199254740993'],
    ['-1.5e-7', '-1.5e-7'],
  ])('keeps %s exactly', (text, expected) => {
    const parsed = value(`{"amount":${text}}`) as { amount: JsonNumber };
    expect(parsed.amount).toBeInstanceOf(JsonNumber);
    expect(parsed.amount.text).toBe(expected);
  });

  it('integers above 2^53 survive where JSON.parse would round them', () => {
    const text = '{"id":9007199254740993}';
    expect(JSON.stringify(JSON.parse(text))).toBe('{"id":9007199254740992}');
    expect(stringifyLossless(value(text))).toBe(text);
  });

  it('toPlainJson gives what JSON.parse gives', () => {
    const text = '{"a":[1,2.50,{"b":null,"c":true}],"s":"Zo\\u00eb \\/ x","2":1,"1":0}';
    expect(toPlainJson(value(text))).toEqual(JSON.parse(text));
    expect(Object.keys(toPlainJson(value(text)) as object)).toEqual(Object.keys(JSON.parse(text)));
  });

  it('"__proto__" is an own key, like JSON.parse; a repeated key keeps the last value', () => {
    const parsed = value('{"__proto__":{"polluted":1},"a":1,"a":2}') as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((parsed.a as JsonNumber).text).toBe('2');
  });

  it('tolerates a leading BOM', () => {
    expect(parseLosslessJson('\ufeff{"a":1}').ok).toBe(true);
  });

  it.each(['', '{', '{"a":}', '[1,]', '01', '{"a":1} x', "{'a':1}", '"\\x"', 'NaN', '['.repeat(2000)])('never throws on malformed input %#', (text) => {
    const r = parseLosslessJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/at position \d+|unreadable/);
  });

  it('describes bodies that are empty, not UTF-8, or not JSON', () => {
    expect(decodeJsonBody(new Uint8Array()).error).toBe('body is empty');
    expect(decodeJsonBody(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).error).toBe('body is not valid UTF-8 text');
    expect(decodeJsonBody(Buffer.from('a=1')).error).toContain('body is not JSON');
  });

  it('every adapter parses bad bodies without throwing, keeping the error', () => {
    const bodies = [new Uint8Array(), Buffer.from([0xc3, 0x28]), Buffer.from('not json'), Buffer.from('[1,2,3]'), Buffer.from('null')];
    for (const id of providerIds) {
      const adapter = providerAdapters[id];
      for (const body of bodies) {
        const headers = [['content-type', 'text/plain']] as const;
        const parsed = adapter.parse({ headers, body });
        expect(parsed.parseError !== null || parsed.schemaIssues.length > 0).toBe(true);
        expect(() => adapter.normalize(parsed)).not.toThrow();
        expect(() => adapter.correlationKeys(parsed)).not.toThrow();
        expect(() => adapter.verify({ headers, body }, [{ label: 'x', value: 'y' }])).not.toThrow();
      }
    }
  });
});
