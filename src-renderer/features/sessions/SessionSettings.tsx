import { useState, type ReactNode } from 'react';
import { ErrorState, Loading } from '../../ui/States.js';
import { issuesOf } from './form-model.js';
import { draftFrom, settingsFrom, type SettingsDraft } from './settings-form.js';
import { useSaveSessionSettings, useSessionSettings } from './useSessions.js';
import './sessions.css';

function Row({ label, error, help, children }: { label: string; error?: string; help?: string; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
      {error ? <span className="field-error">{error}</span> : null}
      {help ? <small className="muted">{help}</small> : null}
    </label>
  );
}

/** Session-creation settings: currency lists, link templates, the undocumented InstaXchange facts. */
export function SessionSettings() {
  const settings = useSessionSettings();
  const save = useSaveSessionSettings();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} />;
  const current = draft ?? draftFrom(settings.data);
  const set = (patch: Partial<SettingsDraft>) => setDraft({ ...current, ...patch });
  const { byField } = issuesOf(save.error, '');
  const err = (path: string) => Object.entries(byField).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
  return (
    <section className="settings session-settings" aria-label="Sessions settings">
      <h2>Sessions</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(settingsFrom(current), { onSuccess: () => setDraft(null) });
        }}
      >
        <Row label="InstaXchange from currencies (one per line)" error={err('instaxchange.fromCurrencies')}>
          <textarea value={current.fromCurrencies} onChange={(e) => set({ fromCurrencies: e.target.value })} />
        </Row>
        <Row label="InstaXchange to currencies (one per line)" error={err('instaxchange.toCurrencies')} help="The provider's list changes: edit it here.">
          <textarea value={current.toCurrencies} onChange={(e) => set({ toCurrencies: e.target.value })} />
        </Row>
        <Row label="Payment link path" error={err('instaxchange.paymentLinkTemplate')} help="On the base URL; {id} is the session id: /embed/{id} (older docs) or /order/{id} (newer).">
          <input value={current.paymentLinkTemplate} onChange={(e) => set({ paymentLinkTemplate: e.target.value })} />
        </Row>
        <Row label="InstaXchange session creation auth" help="Not documented by InstaXchange; most integrations send none and rely on accountRefId.">
          <select value={current.creationAuth} onChange={(e) => set({ creationAuth: e.target.value as SettingsDraft['creationAuth'] })}>
            <option value="none">none</option>
            <option value="x-api-key">x-api-key header</option>
            <option value="bearer">Authorization: Bearer</option>
          </select>
        </Row>
        <Row
          label="Withdraw tx hash lookup path"
          error={err('instaxchange.txLookupPathTemplate')}
          help="The seed document's URL was cut off: enter the path InstaXchange gave you, with {withdrawTxId}."
        >
          <input value={current.txLookupPathTemplate} placeholder="/api/…/{withdrawTxId}" onChange={(e) => set({ txLookupPathTemplate: e.target.value })} />
        </Row>
        <Row label="Block explorer links (currency, space, template with {hash})" error={err('instaxchange.explorerLinks')}>
          <textarea value={current.explorerLinks} onChange={(e) => set({ explorerLinks: e.target.value })} />
        </Row>
        <Row label="Paychant widget path" error={err('paychant.pathTemplate')} help="{action} is buy or sell; the redirect guide also names /prod/{action}.">
          <input value={current.paychantPathTemplate} onChange={(e) => set({ paychantPathTemplate: e.target.value })} />
        </Row>
        <Row label="Warn before re-sending an identical payload within (minutes)" error={err('duplicateWindowMinutes')}>
          <input inputMode="numeric" value={current.duplicateWindowMinutes} onChange={(e) => set({ duplicateWindowMinutes: e.target.value })} />
        </Row>
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        {save.isError ? <ErrorState error={save.error} /> : null}
        {save.isSuccess && !draft ? <p className="muted">Saved.</p> : null}
      </form>
    </section>
  );
}
