import type { CallInput } from '../../../src-shared/contract/index.js';
import type { ProviderConfigView } from '../../../src-shared/contract/providers.js';
import { defaultBaseUrls } from '../../../src-shared/providers/endpoints.js';

type Environment = ProviderConfigView['activeEnvironment'];

/** One webhook secret being edited; `rowId` stays with the row while rows before it are removed. */
export interface SecretRow {
  rowId: string;
  label: string;
  value: string;
  key: string;
  stored: boolean;
}

/** What the provider form holds: secret fields start empty ("leave as it is"). */
export interface ProviderFormState {
  environment: Environment;
  activeEnvironment: Environment;
  baseUrl: string;
  apiKey: string;
  hmacSecret: string;
  apiKeyHeader: string;
  webhookSecrets: SecretRow[];
  /** Said explicitly: the stored API key and secret may go to the base URL's new host. */
  keepCredentials: boolean;
}

export function initialFormState(view: ProviderConfigView, environment: Environment = view.activeEnvironment): ProviderFormState {
  const env = view.environments.find((e) => e.environment === environment);
  return {
    environment,
    activeEnvironment: view.activeEnvironment,
    baseUrl: env?.baseUrl ?? '',
    apiKey: '',
    hmacSecret: '',
    apiKeyHeader: view.apiKeyHeader ?? '',
    webhookSecrets: view.webhookSecrets.map((s) => ({ rowId: `stored:${s.label}`, label: s.label, value: '', key: s.key ?? '', stored: true })),
    keepCredentials: false,
  };
}

/**
 * Turns the form into a providers.configure call: empty secret fields keep what is stored;
 * webhook secrets are sent as the complete list (values only where typed).
 */
export function toConfigureInput(provider: ProviderConfigView['provider'], form: ProviderFormState): CallInput<'providers.configure'> {
  return {
    provider,
    environment: form.environment,
    activeEnvironment: form.activeEnvironment,
    baseUrl: form.baseUrl.trim() === '' ? null : form.baseUrl.trim(),
    apiKeyHeader: form.apiKeyHeader.trim() === '' ? null : form.apiKeyHeader.trim(),
    ...(form.apiKey ? { apiKey: form.apiKey } : {}),
    ...(form.hmacSecret ? { hmacSecret: form.hmacSecret } : {}),
    ...(form.keepCredentials ? { keepCredentials: true } : {}),
    webhookSecrets: form.webhookSecrets
      .filter((s) => s.label.trim() !== '' && (s.stored || s.value !== ''))
      .map((s) => ({
        label: s.label.trim(),
        ...(s.value ? { value: s.value } : {}),
        ...(s.key.trim() ? { key: s.key.trim() } : {}),
      })),
  };
}

/** The rows with an empty one added; new rows are numbered past the highest number in use. */
export function addSecretRow(rows: readonly SecretRow[]): SecretRow[] {
  const used = rows
    .map((r) => /^new:(\d+)$/.exec(r.rowId)?.[1])
    .map(Number)
    .filter(Number.isInteger);
  return [...rows, { rowId: `new:${Math.max(0, ...used) + 1}`, label: '', value: '', key: '', stored: false }];
}

/** A typed secret that starts or ends with spaces is almost always a paste accident. */
export function whitespaceWarning(value: string): string | null {
  return value !== '' && value.trim() !== value ? 'This value starts or ends with whitespace: is that part of the secret?' : null;
}

/** scheme://host:port as the browser's URL parser reads it (so 2130706433 is 127.0.0.1); null while it is not a URL yet. */
function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface CredentialMove {
  fromHost: string | null;
  toHost: string;
  /** "API key", "HMAC / signing secret": stored, not typed anew, so they would follow. */
  credentials: string[];
}

/**
 * The stored credentials that would be sent to another host if the form were saved as it is
 * (the main process refuses that unless they are entered again or kept explicitly).
 */
export function credentialMove(view: ProviderConfigView, form: ProviderFormState): CredentialMove | null {
  const env = view.environments.find((e) => e.environment === form.environment);
  if (!env) return null;
  const typed = form.baseUrl.trim();
  const to = typed === '' ? (form.environment === 'local' ? null : defaultBaseUrls[view.provider][form.environment]) : typed;
  const toOrigin = originOf(to);
  if (toOrigin === null || toOrigin === originOf(env.baseUrl)) return null;
  const credentials = [...(env.apiKey && !form.apiKey ? ['API key'] : []), ...(env.hmacSecret && !form.hmacSecret ? ['HMAC / signing secret'] : [])];
  if (credentials.length === 0) return null;
  return { fromHost: originOf(env.baseUrl) ? new URL(env.baseUrl!).host : null, toHost: new URL(to!).host, credentials };
}

/** Said before saving what the main process would refuse: production is reached over https only. */
export function baseUrlWarning(form: ProviderFormState): string | null {
  if (form.environment !== 'production') return null;
  try {
    return new URL(form.baseUrl.trim()).protocol === 'http:' ? 'Production base URLs must use https: over http the API key would travel unencrypted.' : null;
  } catch {
    return null;
  }
}
