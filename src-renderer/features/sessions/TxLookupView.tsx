import { useState } from 'react';
import type { TxLookup } from '../../../src-shared/sessions/domain.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { HttpExchangeView } from './HttpExchangeView.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import { useWithdrawTxLookup } from './useSessions.js';

export function TxLookupResult({ lookup }: { lookup: TxLookup }) {
  return (
    <div className={`tx-lookup ${lookup.ok ? 'ok' : 'failed'}`} data-testid="tx-lookup">
      <div>
        Withdraw <code>{lookup.withdrawTxId}</code> {lookup.currency ? <span className="muted">({lookup.currency})</span> : null} · <Time iso={lookup.at} />
      </div>
      {lookup.hash ? (
        <div>
          Hash <code className="wrap">{lookup.hash}</code> <CopyButton text={lookup.hash} />{' '}
          {lookup.explorerUrl ? (
            <a href={lookup.explorerUrl} target="_blank" rel="noreferrer noopener">
              Open in block explorer
            </a>
          ) : (
            <span className="muted">no explorer link set for {lookup.currency ?? 'this currency'} (Settings → Sessions)</span>
          )}
        </div>
      ) : null}
      {lookup.error ? <p className="state-error">{lookup.error}</p> : null}
      <details>
        <summary>Request and answer</summary>
        <HttpExchangeView request={lookup.request} response={lookup.response} />
      </details>
    </div>
  );
}

/** "Look up the blockchain hash": one click when the id is known, a field when it is not. */
export function TxLookupButton({ sessionId, deliveryId, withdrawTxId }: { sessionId?: string; deliveryId?: string; withdrawTxId?: string }) {
  const lookup = useWithdrawTxLookup();
  const [typed, setTyped] = useState('');
  const refusal = useRefusal('sessions.lookupWithdrawTx');
  const needsId = !withdrawTxId && !deliveryId;
  if (refusal) return <RoleNotice>{refusal}</RoleNotice>;
  return (
    <div className="tx-lookup-action">
      {needsId ? <input aria-label="Withdraw tx id" placeholder="withdraw tx id (optional)" value={typed} onChange={(e) => setTyped(e.target.value)} /> : null}
      <button
        type="button"
        disabled={lookup.isPending}
        onClick={() =>
          lookup.mutate({
            ...(sessionId ? { sessionId } : {}),
            ...(deliveryId ? { deliveryId } : {}),
            ...(withdrawTxId || typed.trim() ? { withdrawTxId: withdrawTxId ?? typed.trim() } : {}),
          })
        }
      >
        {lookup.isPending ? 'Looking up…' : 'Look up withdraw tx hash'}
      </button>
      {lookup.isError ? <ErrorState error={lookup.error} /> : null}
      {lookup.data ? <TxLookupResult lookup={lookup.data} /> : null}
    </div>
  );
}
