import { useState } from 'react';
import { providerIds, type ProviderId } from '../../../src-shared/domain/provider.js';
import { sessionForms } from '../../../src-shared/sessions/forms.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import type { SessionPreview } from '../../../src-shared/contract/sessions.js';
import { navigate } from '../../app/router.js';
import { ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { HttpExchangeView } from './HttpExchangeView.js';
import { fieldsFor, isConflict, issuesOf, payloadFrom, type FieldView, type FormValues } from './form-model.js';
import { useCreateSession, usePreviewSession, useSessionSettings } from './useSessions.js';

type Environment = 'production' | 'sandbox' | 'local';

function Field({ field, value, error, onChange }: { field: FieldView; value: string; error?: string; onChange: (value: string) => void }) {
  const id = `session-field-${field.name}`;
  return (
    <label className={`session-field${error ? ' invalid' : ''}`} htmlFor={id}>
      <span>
        {field.label}
        {field.required ? <span aria-hidden="true"> *</span> : null} <code className="muted">{field.name}</code>
      </span>
      {field.choices ? (
        <select id={id} name={field.name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={Boolean(error)}>
          <option value="">{field.required ? 'Choose…' : '(not sent)'}</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={field.name}
          type={field.input === 'email' ? 'email' : field.input === 'url' ? 'url' : 'text'}
          inputMode={field.input === 'decimal' ? 'decimal' : undefined}
          placeholder={field.placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
        />
      )}
      {error ? (
        <span className="field-error" role="alert" data-field-error={field.name}>
          {error}
        </span>
      ) : null}
      <small className="muted">{field.help}</small>
    </label>
  );
}

function PreviewPanel({ preview }: { preview: SessionPreview }) {
  return (
    <section className="session-preview" aria-label="Request preview">
      <h3>Exactly what will be sent ({preview.environment})</h3>
      {preview.link ? (
        <p>
          No server call: this link is recorded. <code>{preview.link}</code>
        </p>
      ) : null}
      <HttpExchangeView request={preview.request} />
      {preview.notes.length > 0 ? (
        <ul className="notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {preview.recentIdentical.length > 0 ? (
        <p className="state state-warning" role="note" data-testid="duplicate-warning">
          An identical payload was sent to this provider <Time iso={preview.recentIdentical[0]!.createdAt} /> (
          <a href={`#/sessions/${preview.recentIdentical[0]!.id}`}>{preview.recentIdentical[0]!.id}</a>). Sending again may create a second payment.
        </p>
      ) : null}
    </section>
  );
}

/** Pick a provider, fill the form generated from its schema, preview, send. */
export function SessionForm() {
  const settings = useSessionSettings();
  const [provider, setProvider] = useState<ProviderId>('instap');
  const [environment, setEnvironment] = useState<Environment | ''>('');
  const [values, setValues] = useState<Record<ProviderId, FormValues>>(() => Object.fromEntries(providerIds.map((p) => [p, {}])) as never);
  const preview = usePreviewSession();
  const create = useCreateSession();
  const form = sessionForms[provider];
  const fields = fieldsFor(provider, settings.data);
  const draft = { provider, payload: payloadFrom(values[provider]), ...(environment ? { environment } : {}) };
  const failure = preview.error ?? (isConflict(create.error) ? null : create.error);
  const issues = issuesOf(failure);

  const reset = () => {
    preview.reset();
    create.reset();
  };
  const send = (allowDuplicate: boolean) =>
    create.mutate({ ...draft, allowDuplicate }, { onSuccess: (session) => navigate({ page: 'session', id: session.id }) });

  return (
    <form
      className="session-form"
      aria-label="New session"
      onSubmit={(event) => {
        event.preventDefault();
        send(false);
      }}
    >
      <div className="session-form-head">
        <label>
          Provider
          <select
            name="provider"
            value={provider}
            onChange={(e) => {
              setProvider(e.target.value as ProviderId);
              reset();
            }}
          >
            {providerIds.map((id) => (
              <option key={id} value={id}>
                {providerCatalogue[id].displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment
          <select name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment | '')}>
            <option value="">the provider's active one</option>
            <option value="production">production</option>
            <option value="sandbox">sandbox</option>
            <option value="local">local</option>
          </select>
        </label>
      </div>
      <h3>{form.title}</h3>
      <p className="muted">{form.summary}</p>
      <div className="session-fields">
        {fields.map((field) => (
          <Field
            key={field.name}
            field={field}
            value={values[provider][field.name] ?? ''}
            error={issues.byField[field.name]}
            onChange={(value) => {
              setValues((all) => ({ ...all, [provider]: { ...all[provider], [field.name]: value } }));
              preview.reset();
            }}
          />
        ))}
      </div>
      {failure ? <ErrorState error={new Error(issues.general ?? 'The call failed.')} /> : null}
      {isConflict(create.error) ? (
        <div className="state state-warning" role="alert" data-testid="duplicate-conflict">
          {(create.error as Error).message}{' '}
          <button type="button" onClick={() => send(true)} disabled={create.isPending}>
            Send again anyway
          </button>
        </div>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={() => preview.mutate(draft)} disabled={preview.isPending}>
          Preview request
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Sending…' : form.kind === 'widget_link' ? 'Build and record link' : 'Send'}
        </button>
      </div>
      {preview.data ? <PreviewPanel preview={preview.data} /> : null}
    </form>
  );
}
