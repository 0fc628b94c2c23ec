import { useId, useState } from 'react';
import { signInWithToken } from '../transport/access.js';
import './sign-in.css';

/**
 * In place of the console when this browser has no session: the token, pasted once. The address
 * (the delivery or filter a link named) is left alone, so the console opens on it afterwards.
 */
export function SignInPage({ message, onSignedIn }: { message: string | null; onSignedIn(): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const helpId = useId();
  return (
    <main className="sign-in">
      <h1>Gatewatch</h1>
      <form
        aria-label="Open the console"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void signInWithToken(token).then((result) => {
            setBusy(false);
            if (result.ok) onSignedIn();
            else setError(result.message);
          });
        }}
      >
        <label htmlFor={fieldId}>Console token</label>
        <p id={helpId} className="muted">
          Paste the console token (printed by <code>npm run serve</code>, or in the token file). This browser then keeps a session until it closes or Gatewatch
          stops, so links to the console open directly.
        </p>
        <input
          id={fieldId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          aria-describedby={helpId}
          aria-invalid={error !== null}
          onChange={(event) => setToken(event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Open the console'}
        </button>
        {(error ?? message) ? (
          <p className="state-error" role="alert">
            {error ?? message}
          </p>
        ) : null}
      </form>
    </main>
  );
}
