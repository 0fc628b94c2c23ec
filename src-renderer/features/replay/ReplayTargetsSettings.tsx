import { useState } from 'react';
import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { providerIds } from '../../../src-shared/domain/provider.js';
import { useTransport } from '../../transport/context.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { secretWhitespaceWarning, targetForm, targetSaveInput, type TargetFormState } from './target-form.js';
import { useRemoveTarget, useReplayTargets, useSaveTarget } from './useReplay.js';
import './replay.css';

/** The allow-listed replay targets: a replay goes nowhere else. */
export function ReplayTargetsSettings() {
  const targets = useReplayTargets();
  const [editing, setEditing] = useState<TargetFormState | null>(null);
  return (
    <section className="settings replay-targets" aria-label="Replay targets">
      <h2>Replay targets</h2>
      <p className="muted">
        Stored webhooks can be replayed only to these. Signing secrets stay in the main process, encrypted; this page shows only whether one is set.
      </p>
      {targets.isPending ? <Loading label="Loading replay targets…" /> : null}
      {targets.isError ? <ErrorState error={targets.error} /> : null}
      {targets.data && targets.data.targets.length === 0 ? <Empty>No replay targets yet.</Empty> : null}
      {targets.data && targets.data.targets.length > 0 ? (
        <table className="replay-targets-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>URL</th>
              <th>Provider</th>
              <th>Signing secret</th>
              <th>Credential headers</th>
              <th>Confirmed</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {targets.data.targets.map((t) => (
              <TargetRow key={t.id} target={t} onEdit={() => setEditing(targetForm(t))} />
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <TargetForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing(targetForm())}>
          Add a replay target
        </button>
      )}
    </section>
  );
}

function TargetRow({ target, onEdit }: { target: ReplayTargetView; onEdit(): void }) {
  const remove = useRemoveTarget();
  const [sure, setSure] = useState(false);
  return (
    <tr data-target-id={target.id}>
      <td>{target.name}</td>
      <td>
        <code>{target.url}</code>
        {target.productionLike ? <div className="state-error">{target.productionLike}: every send asks first.</div> : null}
      </td>
      <td>{target.provider ?? <span className="muted">any</span>}</td>
      <td>{target.hasSigningSecret ? `set (${target.signingSecretMasked})` : <span className="muted">not set</span>}</td>
      <td>{target.forwardCredentialHeaders ? 'forwarded' : <span className="muted">dropped</span>}</td>
      <td>{target.confirmedAt ? <Time iso={target.confirmedAt} /> : <span className="muted">not yet</span>}</td>
      <td>
        <button type="button" onClick={onEdit}>
          Edit
        </button>{' '}
        {sure ? (
          <button type="button" className="danger" onClick={() => remove.mutate(target.id)} disabled={remove.isPending}>
            Really remove {target.name}?
          </button>
        ) : (
          <button type="button" onClick={() => setSure(true)}>
            Remove
          </button>
        )}
        {remove.isError ? <ErrorState error={remove.error} /> : null}
      </td>
    </tr>
  );
}

function TargetForm({ initial, onDone }: { initial: TargetFormState; onDone(): void }) {
  const save = useSaveTarget();
  const targets = useReplayTargets();
  const stored = targets.data?.targets.find((t) => t.id === initial.id);
  // A browser (serve mode) may keep or turn off forwarding, never turn it on: its API refuses that.
  const mayForward = useTransport().kind === 'ipc' || initial.forwardCredentialHeaders;
  const [form, setForm] = useState(initial);
  const set = (change: Partial<TargetFormState>) => setForm((f) => ({ ...f, ...change }));
  const warning = secretWhitespaceWarning(form.signingSecret);
  return (
    <form
      className="stack"
      aria-label={initial.id ? `Edit ${initial.name}` : 'New replay target'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(targetSaveInput(form), { onSuccess: onDone });
      }}
    >
      <label>
        Name <input aria-label="Target name" required value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        URL{' '}
        <input
          aria-label="Target URL"
          type="url"
          required
          placeholder="http://127.0.0.1:3000/webhooks"
          value={form.url}
          onChange={(e) => set({ url: e.target.value })}
        />
      </label>
      <label>
        Provider{' '}
        <select aria-label="Target provider" value={form.provider} onChange={(e) => set({ provider: e.target.value })}>
          <option value="">any</option>
          {providerIds.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Timeout (seconds){' '}
        <input
          aria-label="Timeout"
          type="number"
          min={0.1}
          max={120}
          step="any"
          value={form.timeoutSeconds}
          onChange={(e) => set({ timeoutSeconds: e.target.value })}
        />
      </label>
      <label>
        Signing secret {stored?.hasSigningSecret ? <span className="muted">(set: {stored.signingSecretMasked})</span> : null}
        <input
          aria-label="Signing secret"
          type="password"
          autoComplete="off"
          value={form.signingSecret}
          disabled={form.removeSecret}
          placeholder={stored?.hasSigningSecret ? 'leave empty to keep' : 'used to re-sign replays'}
          onChange={(e) => set({ signingSecret: e.target.value })}
        />
      </label>
      {warning ? <p className="state-warning">{warning}</p> : null}
      {form.provider === 'calypso' ? (
        <label>
          Subscription public key (sent as the Key header with re-signed replays)
          <input aria-label="Signing key" value={form.signingKey} onChange={(e) => set({ signingKey: e.target.value })} placeholder="Key header value" />
        </label>
      ) : null}
      <label className="inline">
        <input
          type="checkbox"
          checked={form.forwardCredentialHeaders}
          disabled={!mayForward}
          onChange={(e) => set({ forwardCredentialHeaders: e.target.checked })}
        />
        Forward credential headers (Authorization, Cookie, API keys) as received
      </label>
      <p className="muted">
        Off, replays to this target drop them; the provider's signature headers are always sent.
        {mayForward ? null : ' Turning this on is possible only in the desktop app.'}
      </p>
      {stored?.hasSigningSecret ? (
        <label className="inline">
          <input type="checkbox" checked={form.removeSecret} onChange={(e) => set({ removeSecret: e.target.checked })} /> Remove the signing secret
        </label>
      ) : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save target
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {save.isError ? <ErrorState error={save.error} /> : null}
    </form>
  );
}
