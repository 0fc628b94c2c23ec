import { useMemo, useState } from 'react';
import type { JsonNode } from './json-tree.js';
import './json-tree.css';

/** In a large body, nodes deeper than this start collapsed so it opens readable; a small one opens whole. */
const OPEN_DEPTH = 3;
const SMALL_BODY_NODES = 400;

function countNodes(node: JsonNode, limit: number): number {
  if (node.type !== 'object' && node.type !== 'array') return 1;
  let n = 1;
  for (const child of node.type === 'object' ? node.entries.map((e) => e.value) : node.items) {
    n += countNodes(child, limit - n);
    if (n > limit) break;
  }
  return n;
}

function childrenOf(node: Extract<JsonNode, { type: 'object' | 'array' }>): Array<{ label: string | null; value: JsonNode }> {
  return node.type === 'object' ? node.entries.map((e) => ({ label: e.key, value: e.value })) : node.items.map((value) => ({ label: null, value }));
}

function Scalar({ node }: { node: Extract<JsonNode, { raw: string }> }) {
  return <span className={`json-${node.type}`}>{node.raw}</span>;
}

function Container({
  node,
  depth,
  label,
  last,
  openDepth,
}: {
  node: Extract<JsonNode, { type: 'object' | 'array' }>;
  depth: number;
  label: string | null;
  last: boolean;
  openDepth: number;
}) {
  const [open, setOpen] = useState(depth < openDepth);
  const [openCh, closeCh] = node.type === 'object' ? ['{', '}'] : ['[', ']'];
  const size = node.type === 'object' ? node.entries.length : node.items.length;
  const comma = last ? '' : ',';
  const head = label === null ? null : <span className="json-key">{label}</span>;
  if (size === 0) {
    return (
      <div className="json-line">
        {head}
        {head ? ': ' : ''}
        {openCh}
        {closeCh}
        {comma}
      </div>
    );
  }
  const summary = node.type === 'object' ? `${size} ${size === 1 ? 'key' : 'keys'}` : `${size} ${size === 1 ? 'item' : 'items'}`;
  return (
    <div className="json-node">
      <div className="json-line">
        <button type="button" className="json-toggle" aria-expanded={open} aria-label={open ? 'Collapse' : 'Expand'} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        {head}
        {head ? ': ' : ''}
        {openCh}
        {open ? null : (
          <>
            <button type="button" className="json-summary" onClick={() => setOpen(true)}>
              … {summary}
            </button>
            {closeCh}
            {comma}
          </>
        )}
      </div>
      {open ? (
        <>
          <div className="json-children">
            {childrenOf(node).map((child, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a parsed document never reorders; the position is the identity
              <JsonValue key={i} node={child.value} depth={depth + 1} label={child.label} last={i === size - 1} openDepth={openDepth} />
            ))}
          </div>
          <div className="json-line">
            {closeCh}
            {comma}
          </div>
        </>
      ) : null}
    </div>
  );
}

function JsonValue({ node, depth, label, last, openDepth }: { node: JsonNode; depth: number; label: string | null; last: boolean; openDepth: number }) {
  if (node.type === 'object' || node.type === 'array') return <Container node={node} depth={depth} label={label} last={last} openDepth={openDepth} />;
  return (
    <div className="json-line">
      {label === null ? null : (
        <>
          <span className="json-key">{label}</span>:{' '}
        </>
      )}
      <Scalar node={node} />
      {last ? '' : ','}
    </div>
  );
}

/** Pretty JSON with collapsible objects and arrays; values exactly as received. */
export function JsonTree({ node }: { node: JsonNode }) {
  const openDepth = useMemo(() => (countNodes(node, SMALL_BODY_NODES) <= SMALL_BODY_NODES ? Infinity : OPEN_DEPTH), [node]);
  return (
    <div className="json-tree">
      <JsonValue node={node} depth={0} label={null} last openDepth={openDepth} />
    </div>
  );
}
