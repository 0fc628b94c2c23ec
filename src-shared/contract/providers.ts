import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';
import { DeliveryDetail } from '../domain/delivery.js';
import { DeliveryIdInput } from './deliveries.js';
import { HttpUrl as httpUrl } from './urls.js';

export const ProviderEnvironment = z.enum(['production', 'sandbox', 'local']);
export type ProviderEnvironment = z.infer<typeof ProviderEnvironment>;

/** A secret as the renderer sees it: a label, the last four characters, when it was set. */
export const SecretInfo = z.object({
  label: z.string(),
  masked: z.string(),
  /** A public selector (Calypso's `Key` = subscription public key), shown in full. */
  key: z.string().nullable(),
  updatedAt: z.string(),
  /** The stored value can no longer be decrypted (moved from another entry, another key): enter it again. */
  unreadable: z.literal(true).optional(),
});
export type SecretInfo = z.infer<typeof SecretInfo>;

export const ProviderEnvironmentView = z.object({
  environment: ProviderEnvironment,
  baseUrl: z.string().nullable(),
  apiKey: SecretInfo.nullable(),
  hmacSecret: SecretInfo.nullable(),
});

export const ProviderConfigView = z.object({
  provider: ProviderId,
  activeEnvironment: ProviderEnvironment,
  environments: z.array(ProviderEnvironmentView),
  apiKeyHeader: z.string().nullable(),
  webhookSecrets: z.array(SecretInfo),
});
export type ProviderConfigView = z.infer<typeof ProviderConfigView>;

export const SecretStorageStatus = z.object({
  backend: z.string(),
  secure: z.boolean(),
  /** Said plainly when secrets are not really protected (e.g. no keyring on Linux). */
  warning: z.string().nullable(),
});

export const ProvidersGetOutput = z.object({
  providers: z.array(ProviderConfigView),
  secretStorage: SecretStorageStatus,
});

const secretValue = z.string().min(1).max(4096);

export const ProvidersConfigureInput = z.object({
  provider: ProviderId,
  /** Which environment's base URL and API credentials this call sets (default: the active one). */
  environment: ProviderEnvironment.optional(),
  /** Makes this environment the one sessions use. */
  activeEnvironment: ProviderEnvironment.optional(),
  /** null restores the provider's documented default. Production needs https. */
  baseUrl: httpUrl.nullable().optional(),
  /**
   * When the base URL moves to another origin (scheme, host, port), the stored API key and
   * secret of that environment would be sent there: the call must either set them anew (or
   * remove them) or say true here to keep them. Otherwise it is refused.
   */
  keepCredentials: z.boolean().optional(),
  /** A value sets it, null removes it, absent leaves it as it is. */
  apiKey: secretValue.nullable().optional(),
  apiKeyHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .nullable()
    .optional(),
  hmacSecret: secretValue.nullable().optional(),
  /**
   * The complete list of webhook secrets. An entry without a value keeps the value already
   * stored under its label; labels left out are removed.
   */
  webhookSecrets: z
    .array(z.object({ label: z.string().min(1).max(60), value: secretValue.optional(), key: z.string().max(200).optional() }))
    .max(20)
    .optional(),
});
export type ProvidersConfigureInput = z.infer<typeof ProvidersConfigureInput>;

export const ProvidersConfigureOutput = z.object({
  provider: ProviderConfigView,
  /** Deliveries queued for verification again because the webhook secrets changed. */
  reverifying: z.number().int(),
});

export const providersContract = {
  'providers.get': { input: z.object({}).default({}), output: ProvidersGetOutput, role: 'operator' },
  'providers.configure': { input: ProvidersConfigureInput, output: ProvidersConfigureOutput, role: 'admin' },
  'deliveries.reverify': { input: DeliveryIdInput, output: DeliveryDetail, role: 'viewer' },
} as const;
