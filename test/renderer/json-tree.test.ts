import { describe, expect, it } from 'vitest';
import { parseJsonTree, type JsonNode } from '../../src-renderer/ui/json-tree.js';

describe('parseJsonTree', () => {
  it('keeps every scalar exactly as written', () => {
    const tree = parseJsonTree('{"amount":170.00,"tiny":1.0e-5,"big":12345678901234567890,"s":"a\\"b\\u00e9","ok":true,"n":null,"l":[1,{}]}')!;
    expect(tree.type).toBe('object');
    const entries = (tree as Extract<JsonNode, { type: 'object' }>).entries;
    expect(entries.map((e) => [e.key, 'raw' in e.value ? e.value.raw : e.value.type])).toEqual([
      ['"amount"', '170.00'],
      ['"tiny"', '1.0e-5'],
      ['"big"', '12345678901234567890'],
      ['"s"', '"a\\"b\\u00e9"'],
      ['"ok"', 'true'],
      ['"n"', 'null'],
      ['"l"', 'array'],
    ]);
  });

  it('accepts whitespace and a BOM, and rejects what JSON.parse rejects', () => {
    expect(parseJsonTree('\uFEFF [ 1 , 2 ]\n')).toEqual({
      type: 'array',
      items: [
        { type: 'number', raw: '1' },
        { type: 'number', raw: '2' },
      ],
    });
    for (const bad of ['{"a":', '{"a":1,}', '[01]', '{a:1}', '"x', '1 2', '', 'tru', '"tab\there"']) {
      expect(parseJsonTree(bad), bad).toBeNull();
    }
  });
});
