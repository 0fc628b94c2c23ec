/**
 * A lossless JSON tree for display: every scalar keeps its exact source text, so `170.00`,
 * `1.0e-5` and 20-digit ids are shown as received (JSON.parse would re-print them as floats).
 * Built by the project's one JSON scanner (src-shared/json/scan.ts).
 */
import { type JsonBuilder, scanJson } from '../../src-shared/json/scan.js';

export type JsonNode =
  | { type: 'object'; entries: Array<{ key: string; value: JsonNode }> }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string' | 'number' | 'literal'; raw: string };

type ObjectNode = Extract<JsonNode, { type: 'object' }>;
type ArrayNode = Extract<JsonNode, { type: 'array' }>;

/** Keys are kept as written (quotes and escapes), like every other token. */
const treeBuilder: JsonBuilder<JsonNode, ObjectNode, ArrayNode> = {
  string: (raw) => ({ type: 'string', raw }),
  number: (raw) => ({ type: 'number', raw }),
  literal: (raw) => ({ type: 'literal', raw }),
  objectStart: () => ({ type: 'object', entries: [] }),
  entry: (object, _key, rawKey, value) => {
    object.entries.push({ key: rawKey, value });
  },
  objectEnd: (object) => object,
  arrayStart: () => ({ type: 'array', items: [] }),
  item: (array, value) => {
    array.items.push(value);
  },
  arrayEnd: (array) => array,
};

/** The tree of a JSON text, or null when the text is not JSON. */
export function parseJsonTree(text: string): JsonNode | null {
  const scan = scanJson(text, treeBuilder);
  return scan.ok ? scan.value : null;
}
