import { useState } from 'react';
import type { SessionDetail } from '../../../src-shared/contract/sessions.js';
import { instapMockCurrencies } from '../../../src-shared/sessions/instap.js';
import { ErrorState } from '../../ui/States.js';
import { issuesOf } from './form-model.js';
import { TxLookupButton } from './TxLookupView.js';
import { useRefusal } from '../../app/identity.js';
import { RoleNotice } from '../../ui/RoleNotice.js';
import { useSessionAction } from './useSessions.js';

function MockDeposit({ session }: { session: SessionDetail }) {
  const action = useSessionAction();
  const [currency, setCurrency] = useState<string>('BTC');
  const [amount, setAmount] = useState('0.001');
  const issues = issuesOf(action.error, '');
  return (
    <form
      className="inline-form"
      aria-label="Send test deposit"
      onSubmit={(event) => {
        event.preventDefault();
        action.mutate({ kind: 'mockDeposit', id: session.id, blockChainCurrency: currency as never, blockChainAmount: amount });
      }}
    >
      <select aria-label="Test deposit currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {instapMockCurrencies.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <input aria-label="Test deposit amount" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
      <button type="submit" disabled={action.isPending}>
        {action.isPending ? 'Sending…' : 'Send test deposit'}
      </button>
      {issues.byField.blockChainAmount ? <span className="field-error">{issues.byField.blockChainAmount}</span> : null}
      {action.isError ? <ErrorState error={action.error} /> : null}
    </form>
  );
}

/** What can be done with a session: query its status, send an Instap test deposit, look up a withdraw hash. */
export function SessionActions({ session }: { session: SessionDetail }) {
  const refresh = useSessionAction();
  const refusal = useRefusal('sessions.refresh');
  const canQuery = session.kind !== 'widget_link' && session.providerSessionId !== null;
  if (refusal) return <RoleNotice>{refusal}</RoleNotice>;
  return (
    <div className="session-actions">
      {canQuery ? (
        <button type="button" onClick={() => refresh.mutate({ kind: 'refresh', id: session.id })} disabled={refresh.isPending}>
          {refresh.isPending ? 'Querying…' : 'Refresh status'}
        </button>
      ) : null}
      {refresh.isError ? <ErrorState error={refresh.error} /> : null}
      {session.provider === 'instap' && session.providerSessionId ? <MockDeposit session={session} /> : null}
      {session.provider === 'instaxchange' && session.providerSessionId ? <TxLookupButton sessionId={session.id} /> : null}
    </div>
  );
}
