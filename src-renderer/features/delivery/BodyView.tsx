import { useMemo, useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { base64ToBytes, hexDump, prettyJson } from '../../ui/json-format.js';

type Mode = 'pretty' | 'raw' | 'hex';

export function BodyView({ delivery }: { delivery: DeliveryDetail }) {
  const pretty = useMemo(() => (delivery.body === null ? null : prettyJson(delivery.body)), [delivery.body]);
  const [mode, setMode] = useState<Mode>(pretty !== null ? 'pretty' : delivery.body !== null ? 'raw' : 'hex');
  const hex = useMemo(() => (mode === 'hex' ? hexDump(base64ToBytes(delivery.bodyBase64)) : ''), [mode, delivery.bodyBase64]);
  const shown = mode === 'pretty' ? pretty : mode === 'raw' ? delivery.body : hex;
  return (
    <div className="body-view">
      <div className="toolbar" role="tablist" aria-label="Body view">
        {(['pretty', 'raw', 'hex'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            disabled={(m === 'pretty' && pretty === null) || (m === 'raw' && delivery.body === null)}
            onClick={() => setMode(m)}
          >
            {m}
          </button>
        ))}
        {delivery.body !== null ? <CopyButton text={delivery.body} label="Copy body" /> : null}
      </div>
      {delivery.rejected ? (
        <p className="state state-error">Body not kept: {delivery.rejected.reason}</p>
      ) : delivery.size === 0 ? (
        <p className="muted">Empty body.</p>
      ) : (
        <pre className={`body body-${mode}`} data-testid="delivery-body">
          {shown}
        </pre>
      )}
    </div>
  );
}
