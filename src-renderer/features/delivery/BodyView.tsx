import { useMemo, useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { JsonTree } from '../../ui/JsonTree.js';
import { parseJsonTree } from '../../ui/json-tree.js';
import { base64ToBytes, hexDump, prettyJson } from '../../ui/json-format.js';

type Mode = 'pretty' | 'raw' | 'hex';

/** The body three ways: a collapsible tree (values exact), the raw text, and the bytes. */
export function BodyView({ delivery }: { delivery: DeliveryDetail }) {
  const tree = useMemo(() => (delivery.body === null ? null : parseJsonTree(delivery.body)), [delivery.body]);
  const [mode, setMode] = useState<Mode>(tree !== null ? 'pretty' : delivery.body !== null ? 'raw' : 'hex');
  const hex = useMemo(() => (mode === 'hex' ? hexDump(base64ToBytes(delivery.bodyBase64)) : ''), [mode, delivery.bodyBase64]);
  const pretty = useMemo(() => (mode === 'pretty' && delivery.body !== null ? prettyJson(delivery.body) : null), [mode, delivery.body]);
  return (
    <div className="body-view">
      <div className="toolbar">
        {/* A tablist holds only its tabs: the copy buttons sit beside it. */}
        <div className="tabs" role="tablist" aria-label="Body view">
          {(['pretty', 'raw', 'hex'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              disabled={(m === 'pretty' && tree === null) || (m === 'raw' && delivery.body === null)}
              onClick={() => setMode(m)}
            >
              {m}
            </button>
          ))}
        </div>
        <span className="toolbar-spacer" />
        {delivery.body !== null ? <CopyButton text={delivery.body} label="Copy raw body" /> : null}
        {pretty !== null ? <CopyButton text={pretty} label="Copy pretty" /> : null}
      </div>
      {delivery.rejected ? (
        <p className="state state-error">Body not kept: {delivery.rejected.reason}</p>
      ) : delivery.size === 0 ? (
        <p className="muted">Empty body.</p>
      ) : mode === 'pretty' && tree !== null ? (
        <div className="body body-pretty" data-testid="delivery-body">
          <JsonTree node={tree} />
        </div>
      ) : (
        <>
          {mode === 'hex' && delivery.body === null ? <p className="muted">Not valid UTF-8 text: shown as bytes.</p> : null}
          <pre className={`body body-${mode}`} data-testid="delivery-body">
            {mode === 'raw' ? delivery.body : hex}
          </pre>
        </>
      )}
    </div>
  );
}
