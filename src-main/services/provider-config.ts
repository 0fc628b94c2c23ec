import { z } from 'zod';
import { providerIds, type ProviderId } from '../../src-shared/domain/provider.js';
import { ProviderEnvironment, type ProviderConfigView, type ProvidersConfigureInput, type SecretInfo } from '../../src-shared/contract/providers.js';
import { defaultBaseUrls } from '../../src-shared/providers/endpoints.js';
import type { SettingsStore } from '../store/types.js';
import type { SecretVault } from '../secrets/vault.js';
import type { WebhookSecret } from '../providers/types.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { constantTimeEqual } from '../providers/shared/compare.js';
import { checkBaseUrlMove, type BaseUrlChange } from './base-url-change.js';

const StoredProviderSettings = z.object({
  activeEnvironment: ProviderEnvironment.default('production'),
  baseUrls: z.partialRecord(ProviderEnvironment, z.string()).default({}),
  apiKeyHeader: z.string().nullable().default(null),
});
type StoredProviderSettings = z.infer<typeof StoredProviderSettings>;

/** Everything a request to a provider needs; main process only, never sent to the renderer. */
export interface ProviderCredentials {
  provider: ProviderId;
  environment: ProviderEnvironment;
  baseUrl: string | null;
  apiKey: string | null;
  apiKeyHeader: string | null;
  hmacSecret: string | null;
}

const owner = (provider: ProviderId) => `provider:${provider}`;

/**
 * Providers that sign their webhooks with the customer's API HMAC secret (Instap, seed 001: "signs
 * the deposit event object with the customer's HMAC secret"): verification tries each
 * environment's HMAC secret after the separately entered webhook secrets.
 */
const SIGNS_WEBHOOKS_WITH_HMAC_SECRET: ReadonlySet<ProviderId> = new Set(['instap']);
const hmacSecretLabel = (environment: ProviderEnvironment) => `hmac secret (${environment})`;
const settingsKey = (provider: ProviderId) => `provider:${provider}`;

function view(info: { label: string; masked: string; keyRef: string | null; updatedAt: string; unreadable?: true }): SecretInfo {
  return { label: info.label, masked: info.masked, key: info.keyRef, updatedAt: info.updatedAt, ...(info.unreadable ? { unreadable: true } : {}) };
}

/** Per-provider settings (base URLs, environment) and secrets (API keys, HMAC and webhook secrets). */
export class ProviderConfigService {
  private readonly webhookSecretCache = new Map<ProviderId, WebhookSecret[]>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: SecretVault,
    /** Called once a change is saved (the other instances of a shared store forget their cached secrets). */
    private readonly onSaved: () => void = () => {},
  ) {}

  /** Forgets the cached webhook secrets: another instance changed a provider's configuration. */
  forgetCachedSecrets(): void {
    this.webhookSecretCache.clear();
  }

  private async settingsOf(provider: ProviderId): Promise<StoredProviderSettings> {
    const parsed = StoredProviderSettings.safeParse((await this.settings.get(settingsKey(provider))) ?? {});
    return parsed.success ? parsed.data : StoredProviderSettings.parse({});
  }

  private baseUrlOf(provider: ProviderId, stored: StoredProviderSettings, environment: ProviderEnvironment): string | null {
    const defaults = defaultBaseUrls[provider];
    return stored.baseUrls[environment] ?? (environment === 'local' ? null : defaults[environment]);
  }

  async view(provider: ProviderId): Promise<ProviderConfigView> {
    const stored = await this.settingsOf(provider);
    const secrets = await this.vault.describe(owner(provider));
    const find = (kind: string, label: string) => {
      const found = secrets.find((s) => s.kind === kind && s.label === label);
      return found ? view(found) : null;
    };
    return {
      provider,
      activeEnvironment: stored.activeEnvironment,
      environments: ProviderEnvironment.options.map((environment) => ({
        environment,
        baseUrl: this.baseUrlOf(provider, stored, environment),
        apiKey: find('apiKey', environment),
        hmacSecret: find('hmacSecret', environment),
      })),
      apiKeyHeader: stored.apiKeyHeader,
      webhookSecrets: secrets.filter((s) => s.kind === 'webhookSecret').map(view),
    };
  }

  async viewAll(): Promise<ProviderConfigView[]> {
    return Promise.all(providerIds.map((id) => this.view(id)));
  }

  /**
   * Applies a change; says whether the webhook secrets changed (deliveries must be verified
   * again) and how the base URL moved. Everything is checked before anything is written: a
   * refused call changes nothing.
   */
  async configure(input: ProvidersConfigureInput): Promise<{ webhookSecretsChanged: boolean; baseUrlChange: BaseUrlChange | null }> {
    const result = await this.apply(input);
    this.onSaved();
    return result;
  }

  private async apply(input: ProvidersConfigureInput): Promise<{ webhookSecretsChanged: boolean; baseUrlChange: BaseUrlChange | null }> {
    const { provider } = input;
    const stored = await this.settingsOf(provider);
    const environment = input.environment ?? stored.activeEnvironment;
    const next: StoredProviderSettings = {
      ...stored,
      activeEnvironment: input.activeEnvironment ?? stored.activeEnvironment,
      baseUrls: { ...stored.baseUrls },
      apiKeyHeader: input.apiKeyHeader !== undefined ? input.apiKeyHeader : stored.apiKeyHeader,
    };
    if (input.baseUrl === null) delete next.baseUrls[environment];
    else if (input.baseUrl !== undefined) next.baseUrls[environment] = input.baseUrl.replace(/\/+$/, '');

    const from = this.baseUrlOf(provider, stored, environment);
    const to = this.baseUrlOf(provider, next, environment);
    const credentialKinds = ['apiKey', 'hmacSecret'] as const;
    const baseUrlChange =
      from === to
        ? null
        : checkBaseUrlMove({
            provider,
            environment,
            from,
            to,
            stored: (await this.vault.describe(owner(provider)))
              .filter((s) => s.label === environment)
              .flatMap((s) => credentialKinds.filter((kind) => kind === s.kind)),
            replaced: credentialKinds.filter((kind) => input[kind] !== undefined),
            keepCredentials: input.keepCredentials === true,
          });
    const webhookList = input.webhookSecrets === undefined ? null : await this.resolveWebhookSecrets(provider, input.webhookSecrets);

    await this.settings.set(settingsKey(provider), next);
    for (const kind of credentialKinds) {
      const value = input[kind];
      if (value === null) await this.vault.remove(owner(provider), kind, environment);
      else if (value !== undefined) await this.vault.set(owner(provider), kind, environment, value);
    }
    // The order of the HMAC secrets follows the active environment.
    if (input.activeEnvironment !== undefined) this.webhookSecretCache.delete(provider);
    const hmacSecretChanged = SIGNS_WEBHOOKS_WITH_HMAC_SECRET.has(provider) && input.hmacSecret !== undefined;
    if (hmacSecretChanged) this.webhookSecretCache.delete(provider);
    if (webhookList === null || webhookList.same) return { webhookSecretsChanged: hmacSecretChanged, baseUrlChange };

    const { wanted, existing } = webhookList;
    const wantedLabels = new Set(wanted.map((w) => w.label));
    for (const old of existing) if (!wantedLabels.has(old.label)) await this.vault.remove(owner(provider), 'webhookSecret', old.label);
    for (const entry of wanted) await this.vault.set(owner(provider), 'webhookSecret', entry.label, entry.value, entry.keyRef);
    this.webhookSecretCache.delete(provider);
    return { webhookSecretsChanged: true, baseUrlChange };
  }

  /** The complete webhook secret list a call asks for, with kept values filled in; refuses one that would be lost. */
  private async resolveWebhookSecrets(provider: ProviderId, list: NonNullable<ProvidersConfigureInput['webhookSecrets']>) {
    // Read without failing: a stored secret that cannot be decrypted is replaced by typing it again.
    const existing = await this.vault.entries(owner(provider), 'webhookSecret');
    const wanted = list.map((entry) => {
      const stored = existing.find((e) => e.label === entry.label);
      if (entry.value === undefined && stored && stored.value === null) {
        throw new ApiError('bad_request', stored.problem.message, [{ path: 'webhookSecrets', message: `type the value of "${entry.label}" again` }]);
      }
      const value = entry.value ?? stored?.value ?? undefined;
      // Never drop a secret by accident (e.g. a renamed label with no value typed).
      if (value === undefined) {
        throw new ApiError('bad_request', `Webhook secret "${entry.label}" has no value: type it, or keep its old label.`, [
          { path: 'webhookSecrets', message: `no value for "${entry.label}"` },
        ]);
      }
      return { label: entry.label, value, keyRef: entry.key ?? null };
    });
    const same =
      wanted.length === existing.length &&
      wanted.every((w) => existing.some((e) => e.label === w.label && e.keyRef === w.keyRef && e.value !== null && constantTimeEqual(e.value, w.value)));
    return { wanted, existing, same };
  }

  /** The webhook secrets verification tries, decrypted once and cached until they change. */
  async webhookSecrets(provider: ProviderId): Promise<WebhookSecret[]> {
    const cached = this.webhookSecretCache.get(provider);
    if (cached) return cached;
    const secrets: WebhookSecret[] = (await this.vault.values(owner(provider), 'webhookSecret')).map((s) => ({
      label: s.label,
      value: s.value,
      ...(s.keyRef ? { key: s.keyRef } : {}),
    }));
    if (SIGNS_WEBHOOKS_WITH_HMAC_SECRET.has(provider)) secrets.push(...(await this.hmacSecretsAsWebhookSecrets(provider, secrets)));
    this.webhookSecretCache.set(provider, secrets);
    return secrets;
  }

  /** Each environment's HMAC secret, the active one first, except values already entered as webhook secrets. */
  private async hmacSecretsAsWebhookSecrets(provider: ProviderId, entered: readonly WebhookSecret[]): Promise<WebhookSecret[]> {
    const { activeEnvironment } = await this.settingsOf(provider);
    const environments = [activeEnvironment, ...ProviderEnvironment.options.filter((e) => e !== activeEnvironment)];
    const found: WebhookSecret[] = [];
    for (const environment of environments) {
      const value = await this.vault.get(owner(provider), 'hmacSecret', environment);
      if (value === null || [...entered, ...found].some((s) => constantTimeEqual(s.value, value))) continue;
      found.push({ label: hmacSecretLabel(environment), value });
    }
    return found;
  }

  async credentials(provider: ProviderId, environment?: ProviderEnvironment): Promise<ProviderCredentials> {
    const stored = await this.settingsOf(provider);
    const env = environment ?? stored.activeEnvironment;
    return {
      provider,
      environment: env,
      baseUrl: this.baseUrlOf(provider, stored, env),
      apiKey: await this.vault.get(owner(provider), 'apiKey', env),
      apiKeyHeader: stored.apiKeyHeader,
      hmacSecret: await this.vault.get(owner(provider), 'hmacSecret', env),
    };
  }
}
