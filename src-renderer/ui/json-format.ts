import { type JsonNode, parseJsonTree } from './json-tree.js';

/**
 * Re-indents JSON text without turning it into JS values, so numbers stay exactly as received
 * (`170.00`, `0.0421399418187522`, 20-digit ids): a parse-and-stringify would re-print them.
 * Returns null when the text is not JSON.
 */
export function prettyJson(text: string, indent = '  '): string | null {
  const tree = parseJsonTree(text);
  return tree === null ? null : printNode(tree, indent, 0);
}

function printNode(node: JsonNode, indent: string, depth: number): string {
  if (node.type !== 'object' && node.type !== 'array') return node.raw;
  const inner = indent.repeat(depth + 1);
  const lines =
    node.type === 'object'
      ? node.entries.map(({ key, value }) => `${inner}${key}: ${printNode(value, indent, depth + 1)}`)
      : node.items.map((item) => `${inner}${printNode(item, indent, depth + 1)}`);
  const [open, close] = node.type === 'object' ? ['{', '}'] : ['[', ']'];
  return lines.length === 0 ? open + close : `${open}\n${lines.join(',\n')}\n${indent.repeat(depth)}${close}`;
}

/** Classic hex dump: offset, 16 bytes in hex, printable ASCII. */
export function hexDump(bytes: Uint8Array, limit = 64 * 1024): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`);
  return lines.join('\n');
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
