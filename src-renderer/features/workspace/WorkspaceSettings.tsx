import { useId, useState } from 'react';
import type { WorkspaceView } from '../../../src-shared/contract/workspace.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useTransport } from '../../transport/context.js';
import { fieldIssue } from '../people/role-words.js';
import { useChangeWorkspace, useWorkspace } from './useWorkspace.js';
import './workspace.css';

/**
 * Settings → Workspace (the desktop app only): this computer's own store, or a team server's,
 * signed in with a name and password; the main process then carries every call there.
 */
export function WorkspaceSettings() {
  const transport = useTransport();
  if (transport.kind !== 'ipc') return null;
  return <Workspace />;
}

function Workspace() {
  const workspace = useWorkspace();
  const change = useChangeWorkspace();
  const [choice, setChoice] = useState<'local' | 'team' | null>(null);
  const name = useId();
  if (workspace.isPending) return <Loading label="Loading the workspace…" />;
  if (workspace.isError) return <ErrorState error={workspace.error} />;
  const view = workspace.data;
  const chosen = choice ?? view.mode;
  return (
    <section className="settings workspace" aria-label="Workspace">
      <h2>Workspace</h2>
      <Current view={view} />
      <fieldset className="workspace-choice">
        <legend>Show</legend>
        <label className="inline">
          <input type="radio" name={name} checked={chosen === 'local'} onChange={() => setChoice('local')} /> this computer (its own listener, store and
          secrets)
        </label>
        <label className="inline">
          <input type="radio" name={name} checked={chosen === 'team'} onChange={() => setChoice('team')} /> a team server (Gatewatch in serve mode, with
          accounts)
        </label>
      </fieldset>
      {chosen === 'team' ? <ConnectForm initialUrl={view.url ?? ''} initialName={view.person ?? ''} change={change} /> : null}
      {chosen === 'local' && view.mode === 'team' ? (
        <button type="button" disabled={change.isPending} onClick={() => change.mutate({ kind: 'local' }, { onSuccess: () => setChoice(null) })}>
          Use this computer instead
        </button>
      ) : null}
      {change.isError && !change.error.message.startsWith('Invalid input') ? <ErrorState error={change.error} /> : null}
    </section>
  );
}

function Current({ view }: { view: WorkspaceView }) {
  if (view.mode === 'local') return <p>Showing this computer’s deliveries, sessions and settings.</p>;
  return (
    <>
      <p>
        Showing the team server <code>{view.url}</code> as <strong>{view.person}</strong> ({view.role}). Its provider secrets stay on it.
        {view.remembered ? ' The sign-in is kept by this computer’s keyring.' : ''}
      </p>
      {view.problem ? (
        <p className="state-error" role="alert">
          {view.problem}
        </p>
      ) : null}
    </>
  );
}

function ConnectForm({ initialUrl, initialName, change }: { initialUrl: string; initialName: string; change: ReturnType<typeof useChangeWorkspace> }) {
  const [url, setUrl] = useState(initialUrl);
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const ids = { url: useId(), name: useId(), password: useId() };
  const issue = (field: string) => fieldIssue(change.error, field);
  return (
    <form
      className="stack"
      aria-label="Connect to a team server"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ kind: 'connect', input: { url, name, password } }, { onSuccess: () => setPassword('') });
      }}
    >
      <div className="field">
        <label htmlFor={ids.url}>Team server address</label>
        <input
          id={ids.url}
          value={url}
          placeholder="https://gatewatch.example.com"
          spellCheck={false}
          aria-invalid={issue('url') !== null}
          aria-describedby={issue('url') ? `${ids.url}-error` : undefined}
          onChange={(e) => setUrl(e.target.value)}
        />
        {issue('url') ? (
          <span id={`${ids.url}-error`} className="field-error">
            {issue('url')}
          </span>
        ) : null}
      </div>
      <label htmlFor={ids.name}>
        Your name there
        <input id={ids.name} value={name} autoComplete="username" spellCheck={false} onChange={(e) => setName(e.target.value)} />
      </label>
      <label htmlFor={ids.password}>
        Password
        <input id={ids.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={change.isPending || url.trim() === '' || name.trim() === '' || password === ''}>
        {change.isPending ? 'Signing in…' : 'Sign in and connect'}
      </button>
      <p className="muted">The password is not kept: this computer gets a token of its own, which an admin (or you) can revoke on the server.</p>
    </form>
  );
}
