import type { CallInput } from '../../../src-shared/contract/index.js';
import type { ProviderConfigView } from '../../../src-shared/contract/providers.js';

type Environment = ProviderConfigView['activeEnvironment'];

/** What the provider form holds: secret fields start empty ("leave as it is"). */
export interface ProviderFormState {
  environment: Environment;
  activeEnvironment: Environment;
  baseUrl: string;
  apiKey: string;
  hmacSecret: string;
  apiKeyHeader: string;
  webhookSecrets: Array<{ label: string; value: string; key: string; stored: boolean }>;
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
    webhookSecrets: view.webhookSecrets.map((s) => ({ label: s.label, value: '', key: s.key ?? '', stored: true })),
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
    webhookSecrets: form.webhookSecrets
      .filter((s) => s.label.trim() !== '' && (s.stored || s.value !== ''))
      .map((s) => ({
        label: s.label.trim(),
        ...(s.value ? { value: s.value } : {}),
        ...(s.key.trim() ? { key: s.key.trim() } : {}),
      })),
  };
}

/** A typed secret that starts or ends with spaces is almost always a paste accident. */
export function whitespaceWarning(value: string): string | null {
  return value !== '' && value.trim() !== value ? 'This value starts or ends with whitespace: is that part of the secret?' : null;
}
