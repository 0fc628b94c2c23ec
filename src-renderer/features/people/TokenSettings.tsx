import { useId, useState } from 'react';
import { CopyButton } from '../../ui/CopyButton.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useIdentity } from '../../app/identity.js';
import { fieldIssue } from './role-words.js';
import { useCreateToken, useRevokeToken, useTokens } from './usePeople.js';
import './people.css';

/** Settings → Your API tokens (anyone signed in as a person): tokens for scripts, shown once, revocable. */
export function TokenSettings() {
  const { caller } = useIdentity();
  if (!caller || (caller.kind !== 'person' && caller.kind !== 'token')) return null;
  return <Tokens />;
}

function Tokens() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [label, setLabel] = useState('');
  const labelId = useId();
  return (
    <section className="settings tokens" aria-label="Your API tokens">
      <h2>Your API tokens</h2>
      <p className="muted">
        For scripts and the <code>gatewatch</code> command (<code>GATEWATCH_TOKEN</code>): a token acts as you, with your role, until it is revoked. Only a
        fingerprint of it is kept, so it is shown once.
      </p>
      {tokens.isPending ? <Loading label="Loading tokens…" /> : null}
      {tokens.isError ? <ErrorState error={tokens.error} /> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <table className="people-table" aria-label="Your API tokens">
          <thead>
            <tr>
              <th>Label</th>
              <th>Made</th>
              <th>Last used</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.label}</td>
                <td>
                  <Time iso={token.createdAt} />
                </td>
                <td>{token.lastUsedAt ? <Time iso={token.lastUsedAt} /> : <span className="muted">never</span>}</td>
                <td>
                  <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
                    Revoke {token.label}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {tokens.data?.tokens.length === 0 ? <p className="muted">No tokens yet.</p> : null}
      <form
        className="inline-form"
        aria-label="Make a token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(label, { onSuccess: () => setLabel('') });
        }}
      >
        <label htmlFor={labelId}>Label</label>
        <input
          id={labelId}
          value={label}
          placeholder="e.g. nightly export"
          aria-invalid={fieldIssue(create.error, 'label') !== null}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" disabled={create.isPending || label.trim() === ''}>
          Make a token
        </button>
      </form>
      {create.isError ? <ErrorState error={fieldIssue(create.error, 'label') ? new Error(fieldIssue(create.error, 'label')!) : create.error} /> : null}
      {create.data ? (
        <div className="new-token" role="status">
          <p>
            Your token “{create.data.label}”. <strong>Copy it now: it is not shown again.</strong>
          </p>
          <code>{create.data.token}</code> <CopyButton text={create.data.token} label="Copy the token" />
        </div>
      ) : null}
      {revoke.isError ? <ErrorState error={revoke.error} /> : null}
    </section>
  );
}
