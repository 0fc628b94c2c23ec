import './settings.css';
import { useId, useState } from 'react';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import type { ProviderConfigView, SecretInfo } from '../../../src-shared/contract/providers.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { useConfigureProvider, useProviders } from './useProviders.js';
import { secretPurposes } from './secret-purpose.js';
import {
  addSecretRow,
  baseUrlWarning,
  credentialMove,
  initialFormState,
  toConfigureInput,
  whitespaceWarning,
  type ProviderFormState,
  type SecretRow,
} from './provider-form.js';

/** Provider credentials and webhook secrets: values go in, only labels and last four come back. */
export function ProviderSettings() {
  const providers = useProviders();
  if (providers.isPending) return <Loading label="Loading providers…" />;
  if (providers.isError) return <ErrorState error={providers.error} />;
  const { secretStorage } = providers.data;
  return (
    <section className="settings" aria-label="Providers">
      <h2>Providers</h2>
      <p className="muted">
        Secrets are kept in the main process, encrypted with {secretStorage.backend}. This page shows only their labels and last four characters.
      </p>
      {secretStorage.warning ? (
        <p className="state state-error" role="alert">
          {secretStorage.warning}
        </p>
      ) : null}
      {providers.data.providers.map((view) => (
        <ProviderCard key={view.provider} view={view} />
      ))}
    </section>
  );
}

function ProviderCard({ view }: { view: ProviderConfigView }) {
  const configure = useConfigureProvider();
  const [form, setForm] = useState<ProviderFormState>(() => initialFormState(view));
  const set = (change: Partial<ProviderFormState>) => setForm((f) => ({ ...f, ...change }));
  const env = view.environments.find((e) => e.environment === form.environment);
  const info = providerCatalogue[view.provider];
  const move = credentialMove(view, form);
  const purpose = secretPurposes(view.provider);
  const ids = useId();
  const described = { webhook: `${ids}-webhook`, apiKey: `${ids}-api-key`, hmac: `${ids}-hmac` };
  return (
    <details className="provider-card" data-provider={view.provider}>
      <summary>
        <strong>{info.displayName}</strong> · {view.webhookSecrets.length} webhook secret{view.webhookSecrets.length === 1 ? '' : 's'} · sessions use{' '}
        {view.activeEnvironment}
      </summary>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          configure.mutate(toConfigureInput(view.provider, form), {
            onSuccess: (result) => setForm(initialFormState(result.provider, form.environment)),
          });
        }}
      >
        <p className="muted">
          Webhooks signed with {info.signature.header} ({info.signature.algorithm}, {info.signature.encoding}).
        </p>
        <fieldset>
          <legend>Webhook secrets (all are tried; a match names its label)</legend>
          <p className="muted field-purpose" id={described.webhook}>
            {purpose.webhookSecrets}
          </p>
          {view.provider === 'instap' ? (
            <p className="muted">Instap signs notifications with your HMAC secret: each environment&apos;s HMAC secret (under API access) is tried too.</p>
          ) : null}
          {form.webhookSecrets.map((secret) => {
            const stored = view.webhookSecrets.find((s) => s.label === secret.label);
            const update = (change: Partial<SecretRow>) =>
              set({ webhookSecrets: form.webhookSecrets.map((s) => (s.rowId === secret.rowId ? { ...s, ...change } : s)) });
            return (
              <div className="secret-row" key={secret.rowId}>
                <input
                  aria-label="Secret label"
                  value={secret.label}
                  readOnly={secret.stored}
                  title={secret.stored ? 'To rename a stored secret, remove it and add it again with its value' : undefined}
                  onChange={(e) => update({ label: e.target.value })}
                  placeholder="label"
                />
                <input
                  aria-label="Secret value"
                  aria-describedby={described.webhook}
                  type="password"
                  autoComplete="off"
                  value={secret.value}
                  onChange={(e) => update({ value: e.target.value })}
                  placeholder={stored ? (stored.unreadable ? 'cannot be read: type it again' : `${stored.masked} (unchanged)`) : 'secret value'}
                />
                {view.provider === 'calypso' ? (
                  <input
                    aria-label="Subscription public key"
                    value={secret.key}
                    onChange={(e) => update({ key: e.target.value })}
                    placeholder="Key header (public key)"
                  />
                ) : null}
                <button type="button" onClick={() => set({ webhookSecrets: form.webhookSecrets.filter((s) => s.rowId !== secret.rowId) })}>
                  Remove
                </button>
                {whitespaceWarning(secret.value) ? <span className="state-warning">{whitespaceWarning(secret.value)}</span> : null}
                {stored?.unreadable && !secret.value ? (
                  <span className="state-warning">The stored value cannot be read (it was moved from another entry, or the key changed): type it again.</span>
                ) : null}
              </div>
            );
          })}
          <button type="button" onClick={() => set({ webhookSecrets: addSecretRow(form.webhookSecrets) })}>
            Add a webhook secret
          </button>
        </fieldset>
        <fieldset>
          <legend>API access</legend>
          <label>
            Environment to edit
            <select value={form.environment} onChange={(e) => setForm(initialFormState(view, e.target.value as ProviderFormState['environment']))}>
              {view.environments.map((e) => (
                <option key={e.environment}>{e.environment}</option>
              ))}
            </select>
          </label>
          <label>
            Base URL
            <input type="url" value={form.baseUrl} onChange={(e) => set({ baseUrl: e.target.value })} placeholder="https://…" />
          </label>
          {baseUrlWarning(form) ? <span className="state-warning">{baseUrlWarning(form)}</span> : null}
          {move ? (
            <fieldset className="credential-move" aria-label="Credentials for the new host">
              <p className="state-warning">
                The {form.environment} base URL {move.fromHost ? `moves from ${move.fromHost} to ${move.toHost}` : `is set to ${move.toHost}`}: the stored{' '}
                {move.credentials.join(' and ')} would be sent there. Enter new ones below, or keep them if it is the same service.
              </p>
              <label className="inline">
                <input type="checkbox" checked={form.keepCredentials} onChange={(e) => set({ keepCredentials: e.target.checked })} />
                Keep the stored API key and secrets for the new host
              </label>
            </fieldset>
          ) : null}
          <label>
            API key <StoredSecret secret={env?.apiKey ?? null} />
            <input
              type="password"
              autoComplete="off"
              aria-describedby={described.apiKey}
              value={form.apiKey}
              onChange={(e) => set({ apiKey: e.target.value })}
              placeholder="leave empty to keep"
            />
          </label>
          <span className="muted field-purpose" id={described.apiKey}>
            {purpose.apiKey}
          </span>
          <label>
            HMAC / signing secret <StoredSecret secret={env?.hmacSecret ?? null} />
            <input
              type="password"
              autoComplete="off"
              aria-describedby={described.hmac}
              value={form.hmacSecret}
              onChange={(e) => set({ hmacSecret: e.target.value })}
              placeholder="leave empty to keep"
            />
          </label>
          <span className="muted field-purpose" id={described.hmac}>
            {purpose.hmacSecret}
          </span>
          {view.provider === 'instaxchange' ? (
            <label>
              API key header (documented as x-api-key; change it only if your account uses another)
              <input value={form.apiKeyHeader} onChange={(e) => set({ apiKeyHeader: e.target.value })} placeholder="x-api-key" />
            </label>
          ) : null}
          <label>
            Sessions use
            <select value={form.activeEnvironment} onChange={(e) => set({ activeEnvironment: e.target.value as ProviderFormState['environment'] })}>
              {view.environments.map((e) => (
                <option key={e.environment}>{e.environment}</option>
              ))}
            </select>
          </label>
        </fieldset>
        <button type="submit" disabled={configure.isPending}>
          Save {info.displayName}
        </button>
        {configure.isSuccess && configure.data.reverifying > 0 ? (
          <p className="muted">Verifying {configure.data.reverifying.toLocaleString()} stored deliveries again with the new secrets.</p>
        ) : null}
        {configure.isError ? <ErrorState error={configure.error} /> : null}
      </form>
    </details>
  );
}

/** "(set: ••••9f2a)", or that the stored value cannot be read and must be entered again. */
function StoredSecret({ secret }: { secret: SecretInfo | null }) {
  if (!secret) return null;
  if (secret.unreadable) return <span className="state-warning">(cannot be read: enter it again)</span>;
  return <span className="muted">(set: {secret.masked})</span>;
}
