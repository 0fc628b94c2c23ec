import { useId, useState } from 'react';
import { providerIds, type ProviderId } from '../../../src-shared/domain/provider.js';
import { sessionForms } from '../../../src-shared/sessions/forms.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { navigate } from '../../app/router.js';
import { ErrorState } from '../../ui/States.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { useProviders } from '../settings/useProviders.js';
import { SessionPreviewPane } from './SessionPreviewPane.js';
import {
  activeEnvironmentLabel,
  fieldsFor,
  isConflict,
  issuesOf,
  payloadFrom,
  sendLabel,
  targetEnvironment,
  type FieldView,
  type FormValues,
} from './form-model.js';
import { useCreateSession, useLivePreview, useSessionSettings } from './useSessions.js';

type Environment = 'production' | 'sandbox' | 'local';

function Field({ field, value, error, onChange }: { field: FieldView; value: string; error?: string; onChange: (value: string) => void }) {
  const id = `session-field-${field.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className={`session-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? <span aria-hidden="true"> *</span> : null} <code className="muted">{field.name}</code>
      </label>
      {field.choices ? (
        <select
          id={id}
          name={field.name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        >
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
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        />
      )}
      {error ? (
        <span id={errorId} className="field-error" role="alert" data-field-error={field.name}>
          {error}
        </span>
      ) : null}
      <small id={helpId} className="muted">
        {field.help}
      </small>
    </div>
  );
}

/** Pick a provider, fill the form generated from its schema; the exact request shows beside it as it is filled; send. */
export function SessionForm() {
  const settings = useSessionSettings();
  const providers = useProviders();
  const [provider, setProvider] = useState<ProviderId>('instap');
  const [environment, setEnvironment] = useState<Environment | ''>('');
  const [values, setValues] = useState<Record<ProviderId, FormValues>>(() => Object.fromEntries(providerIds.map((p) => [p, {}])) as never);
  // Field errors show once the person asks (Preview, Send), not while they are still typing.
  const [checked, setChecked] = useState(false);
  const create = useCreateSession();
  const ids = { provider: useId(), environment: useId() };
  const form = sessionForms[provider];
  const fields = fieldsFor(provider, settings.data);
  const active = providers.data?.providers.find((p) => p.provider === provider)?.activeEnvironment;
  const sendsTo = targetEnvironment(environment, active);
  const draft = {
    provider,
    payload: payloadFrom(
      values[provider],
      fields.map((f) => f.name),
    ),
    ...(environment ? { environment } : {}),
  };
  const preview = useLivePreview(JSON.parse(useDebounced(JSON.stringify(draft), 400)) as typeof draft);
  const failure = isConflict(create.error) ? (checked ? preview.error : null) : (create.error ?? (checked ? preview.error : null));
  const issues = issuesOf(failure);

  const send = (allowDuplicate: boolean) =>
    create.mutate({ ...draft, allowDuplicate }, { onSuccess: (session) => navigate({ page: 'session', id: session.id }) });

  return (
    <div className="session-compose">
      <form
        className="session-form"
        aria-label="New session"
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          send(false);
        }}
      >
        <div className="session-form-head">
          <div className="session-form-choice">
            <label htmlFor={ids.provider}>Provider</label>
            <select
              id={ids.provider}
              name="provider"
              value={provider}
              onChange={(e) => {
                setProvider(e.target.value as ProviderId);
                setChecked(false);
                create.reset();
              }}
            >
              {providerIds.map((id) => (
                <option key={id} value={id}>
                  {providerCatalogue[id].displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="session-form-choice">
            <label htmlFor={ids.environment}>Environment</label>
            <select id={ids.environment} name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment | '')}>
              <option value="">{activeEnvironmentLabel(active)}</option>
              <option value="production">production</option>
              <option value="sandbox">sandbox</option>
              <option value="local">local</option>
            </select>
          </div>
        </div>
        <p className={`session-target${sendsTo === 'production' ? ' production' : ''}`} data-testid="session-target">
          {sendsTo ? (
            <>
              Sends to <strong>{sendsTo}</strong>
              {sendsTo === 'production' ? ': a real payment session.' : '.'}
            </>
          ) : (
            'Sends to the provider’s active environment.'
          )}
        </p>
        <h3>{form.title}</h3>
        <p className="muted">{form.summary}</p>
        <div className="session-fields">
          {fields.map((field) => (
            <Field
              key={field.name}
              field={field}
              value={values[provider][field.name] ?? ''}
              error={issues.byField[field.name]}
              onChange={(value) => setValues((all) => ({ ...all, [provider]: { ...all[provider], [field.name]: value } }))}
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
          <button
            type="button"
            onClick={() => {
              setChecked(true);
              void preview.refetch();
            }}
          >
            Preview request
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Sending…' : sendLabel(form.kind, sendsTo)}
          </button>
        </div>
      </form>
      <SessionPreviewPane preview={preview.data} pending={preview.isFetching} error={preview.error} fields={fields} />
    </div>
  );
}
