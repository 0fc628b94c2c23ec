import { type ReactNode, useId, useState } from 'react';
import { ErrorState, Loading } from '../../ui/States.js';
import { issuesOf } from './form-model.js';
import { draftFrom, settingsFrom, type SettingsDraft } from './settings-form.js';
import { useSaveSessionSettings, useSessionSettings } from './useSessions.js';
import './sessions.css';

/** What a field's control gets from its row: the id its label points at, and its help and error as its description. */
interface FieldProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled field: the label names the control alone; the help and the error describe it. */
function Row({ label, error, help, children }: { label: string; error?: string; help?: string; children: (field: FieldProps) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ');
  return (
    <div className={`session-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {help ? (
        <small className="muted" id={`${id}-help`}>
          {help}
        </small>
      ) : null}
    </div>
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
          {(field) => <textarea {...field} value={current.fromCurrencies} onChange={(e) => set({ fromCurrencies: e.target.value })} />}
        </Row>
        <Row label="InstaXchange to currencies (one per line)" error={err('instaxchange.toCurrencies')} help="The provider's list changes: edit it here.">
          {(field) => <textarea {...field} value={current.toCurrencies} onChange={(e) => set({ toCurrencies: e.target.value })} />}
        </Row>
        <Row
          label="Payment link path"
          error={err('instaxchange.paymentLinkTemplate')}
          help="On the base URL; {id} is the session id: /embed/{id} (older docs) or /order/{id} (newer)."
        >
          {(field) => <input {...field} value={current.paymentLinkTemplate} onChange={(e) => set({ paymentLinkTemplate: e.target.value })} />}
        </Row>
        <Row label="InstaXchange session creation auth" help="Not documented by InstaXchange; most integrations send none and rely on accountRefId.">
          {(field) => (
            <select {...field} value={current.creationAuth} onChange={(e) => set({ creationAuth: e.target.value as SettingsDraft['creationAuth'] })}>
              <option value="none">none</option>
              <option value="x-api-key">x-api-key header</option>
              <option value="bearer">Authorization: Bearer</option>
            </select>
          )}
        </Row>
        <Row
          label="Withdraw tx hash lookup path"
          error={err('instaxchange.txLookupPathTemplate')}
          help="The seed document's URL was cut off: enter the path InstaXchange gave you, with {withdrawTxId}."
        >
          {(field) => (
            <input
              {...field}
              value={current.txLookupPathTemplate}
              placeholder="/api/…/{withdrawTxId}"
              onChange={(e) => set({ txLookupPathTemplate: e.target.value })}
            />
          )}
        </Row>
        <Row label="Block explorer links (currency, space, template with {hash})" error={err('instaxchange.explorerLinks')}>
          {(field) => <textarea {...field} value={current.explorerLinks} onChange={(e) => set({ explorerLinks: e.target.value })} />}
        </Row>
        <Row label="Paychant widget path" error={err('paychant.pathTemplate')} help="{action} is buy or sell; the redirect guide also names /prod/{action}.">
          {(field) => <input {...field} value={current.paychantPathTemplate} onChange={(e) => set({ paychantPathTemplate: e.target.value })} />}
        </Row>
        <Row label="Warn before re-sending an identical payload within (minutes)" error={err('duplicateWindowMinutes')}>
          {(field) => (
            <input {...field} inputMode="numeric" value={current.duplicateWindowMinutes} onChange={(e) => set({ duplicateWindowMinutes: e.target.value })} />
          )}
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
