import { useId, useState } from 'react';
import type { ConsoleSignInMethod } from '../../src-shared/contract/console-auth.js';
import { type SignInResult, signInWithPassword, signInWithToken } from '../transport/access.js';
import './sign-in.css';

/**
 * In place of the console when this browser has no session: a name and password once people have
 * accounts, or the console token pasted once (the owner's way in). The address (the delivery or
 * filter a link named) is left alone, so the console opens on it afterwards.
 */
export function SignInPage({ message, methods, onSignedIn }: { message: string | null; methods: ConsoleSignInMethod[]; onSignedIn(): void }) {
  const passwords = methods.includes('password');
  const [useToken, setUseToken] = useState(!passwords);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (attempt: () => Promise<SignInResult>) => {
    setBusy(true);
    setError(null);
    void attempt().then((result) => {
      setBusy(false);
      if (result.ok) onSignedIn();
      else setError(result.message);
    });
  };
  const problem = error ?? message;
  return (
    <main className="sign-in">
      <h1>Gatewatch</h1>
      {useToken ? (
        <TokenForm busy={busy} invalid={error !== null} onSubmit={(token) => submit(() => signInWithToken(token))} />
      ) : (
        <PasswordForm busy={busy} invalid={error !== null} onSubmit={(name, password) => submit(() => signInWithPassword(name, password))} />
      )}
      {problem ? (
        <p className="state-error" role="alert">
          {problem}
        </p>
      ) : null}
      {passwords ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setUseToken(!useToken);
            setError(null);
          }}
        >
          {useToken ? 'Sign in with your name and password instead' : 'Use the console token instead (the owner’s)'}
        </button>
      ) : null}
    </main>
  );
}

function PasswordForm({ busy, invalid, onSubmit }: { busy: boolean; invalid: boolean; onSubmit(name: string, password: string): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const nameId = useId();
  const passwordId = useId();
  return (
    <form
      aria-label="Sign in"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(name, password);
      }}
    >
      <label htmlFor={nameId}>Name</label>
      <input
        id={nameId}
        name="username"
        autoComplete="username"
        spellCheck={false}
        required
        value={name}
        aria-invalid={invalid}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        aria-invalid={invalid}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || name.trim() === '' || password === ''}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
      <p className="muted">Your session ends when you sign out, after two hours without use, or twelve hours after signing in.</p>
    </form>
  );
}

function TokenForm({ busy, invalid, onSubmit }: { busy: boolean; invalid: boolean; onSubmit(token: string): void }) {
  const [token, setToken] = useState('');
  const fieldId = useId();
  const helpId = useId();
  return (
    <form
      aria-label="Open the console"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(token);
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
        aria-invalid={invalid}
        onChange={(event) => setToken(event.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
        {busy ? 'Checking…' : 'Open the console'}
      </button>
    </form>
  );
}
