import { describe, expect, it } from 'vitest';
import { hexDump, prettyJson } from '../../src-renderer/ui/json-format.js';

describe('prettyJson', () => {
  it('indents without re-printing numbers', () => {
    const text = '{"amount":170.00,"tiny":1.0e-5,"big":12345678901234567890,"s":"a\\"b{","e":{},"l":[1,2]}';
    const pretty = prettyJson(text)!;
    expect(pretty).toContain('"amount": 170.00');
    expect(pretty).toContain('"tiny": 1.0e-5');
    expect(pretty).toContain('"big": 12345678901234567890');
    expect(pretty).toContain('"s": "a\\"b{"');
    expect(pretty).toContain('"e": {}');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(text));
  });

  it('returns null for text that is not JSON', () => {
    expect(prettyJson('{"a":')).toBeNull();
  });
});

describe('hexDump', () => {
  it('shows offset, hex and printable bytes', () => {
    expect(hexDump(new Uint8Array([0x7b, 0xff, 0x41]))).toBe(`00000000  7b ff 41${' '.repeat(39)}  {.A`);
  });
});
