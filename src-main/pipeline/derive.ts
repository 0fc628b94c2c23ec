import type { DeliveryProvider, ProviderId } from '../../src-shared/domain/provider.js';
import type { CorrelationKey } from '../../src-shared/domain/normalized.js';
import type { VerificationResult } from '../../src-shared/domain/verification.js';
import type { DerivedFields, PendingDelivery } from '../store/types.js';
import type { ProviderAdapter, WebhookSecret } from '../providers/types.js';
import { describeBodyProblem } from '../providers/shared/parse.js';
import { utf8OrNull } from './body-text.js';
import { errorText } from './error-text.js';

export interface DerivationContext {
  adapterFor(provider: DeliveryProvider): ProviderAdapter | undefined;
  webhookSecrets(provider: ProviderId): Promise<WebhookSecret[]>;
}

/** Search covers the body up to this many characters: enough for every real webhook. */
const SEARCH_TEXT_LIMIT = 64 * 1024;

/** The correlation keys a person recognises first, for the inbox's reference column. */
const REFERENCE_PREFERENCE = ['reference', 'webhookRef', 'transactionRef', 'externalId', 'idempotencyKey', 'pid', 'sessionId', 'clientTxId'];

/** What deriving reads of a delivery. */
export type DerivationInput = Pick<PendingDelivery, 'provider' | 'label' | 'headers' | 'body' | 'rejected'>;

export function pickReference(keys: readonly CorrelationKey[]): string | null {
  for (const kind of REFERENCE_PREFERENCE) {
    const key = keys.find((k) => k.kind === kind);
    if (key) return key.value;
  }
  return keys[0]?.value ?? null;
}

function searchText(delivery: DerivationInput, keys: readonly CorrelationKey[], eventType: string | null): string {
  const body = delivery.body ? (utf8OrNull(delivery.body) ?? '') : '';
  return [delivery.provider, delivery.label ?? '', eventType ?? '', ...keys.map((k) => k.value), body.slice(0, SEARCH_TEXT_LIMIT)].join('\n');
}

/** A provider's configured secrets, or why they could not be read. */
export type SecretsRead = { secrets: WebhookSecret[] } | { error: unknown };

export async function readSecrets(context: DerivationContext, provider: ProviderId): Promise<SecretsRead> {
  try {
    return { secrets: await context.webhookSecrets(provider) };
  } catch (error) {
    return { error };
  }
}

/** Secrets that cannot be read (a changed master key, say) cost the verification only, not the rest. */
function verifyWithConfiguredSecrets(
  adapter: ProviderAdapter,
  webhook: { headers: DerivationInput['headers']; body: Uint8Array },
  read: SecretsRead,
): VerificationResult {
  if ('error' in read) {
    return {
      status: 'unsupported',
      candidatesTried: [],
      diagnosis: `The webhook secrets could not be read (${errorText(read.error)}); check the master key, then use Verify again.`,
    };
  }
  return adapter.verify(webhook, read.secrets);
}

/** The adapter that derives a delivery: none for a refused body or an unknown provider. */
export function derivingAdapter(delivery: DerivationInput, context: DerivationContext): ProviderAdapter | undefined {
  if (delivery.body === null || delivery.provider === 'unknown') return undefined;
  return context.adapterFor(delivery.provider);
}

/** Everything the console works out from a stored delivery: parse, verify, normalize, correlate. */
export async function deriveDelivery(delivery: DerivationInput, context: DerivationContext): Promise<DerivedFields> {
  const adapter = derivingAdapter(delivery, context);
  return deriveWithSecrets(delivery, adapter, adapter ? await readSecrets(context, adapter.id) : { secrets: [] });
}

/**
 * Derivation once the adapter's secrets are read (`adapter` from derivingAdapter): synchronous,
 * so a batch reads each provider's secrets once and awaits nothing per delivery.
 */
export function deriveWithSecrets(delivery: DerivationInput, adapter: ProviderAdapter | undefined, read: SecretsRead): DerivedFields {
  const webhook = { headers: delivery.headers, body: delivery.body ?? new Uint8Array() };
  if (delivery.body === null || !adapter || delivery.provider === 'unknown') {
    const parseError = delivery.body === null ? `Body not kept: ${delivery.rejected?.reason ?? 'refused'}` : describeBodyProblem(webhook);
    return {
      eventType: null,
      eventId: null,
      parseError,
      verification: {
        status: 'unsupported',
        candidatesTried: [],
        diagnosis:
          delivery.body === null
            ? `The request was refused (HTTP ${delivery.rejected?.httpStatus ?? '4xx'}) and its body not kept, so there is no signature to check.`
            : delivery.provider === 'unknown'
              ? 'This path names no known provider, so there is no signature recipe to check.'
              : 'No adapter is configured for this provider in this build.',
      },
      normalized: null,
      correlationKeys: [],
      schemaIssues: [],
      reference: null,
      amount: null,
      searchText: searchText(delivery, [], null),
    };
  }
  const parsed = adapter.parse(webhook);
  const verification = { ...verifyWithConfiguredSecrets(adapter, webhook, read), checkedAt: new Date().toISOString() };
  const normalized = adapter.normalize(parsed);
  const correlationKeys = adapter.correlationKeys(parsed);
  const firstAmount = normalized.amounts[0];
  return {
    eventType: parsed.eventType,
    eventId: parsed.eventId,
    parseError: parsed.parseError,
    verification,
    normalized,
    correlationKeys,
    schemaIssues: parsed.schemaIssues,
    reference: pickReference(correlationKeys),
    amount: firstAmount ? { value: firstAmount.value, currency: firstAmount.currency } : null,
    searchText: searchText(delivery, correlationKeys, parsed.eventType),
  };
}

/** What is recorded when a delivery could not be analysed: the bytes stay, the reason is shown. */
export function failedDerivation(delivery: Pick<DerivationInput, 'provider'>, error: unknown): DerivedFields {
  const message = `Gatewatch could not analyse this delivery (${errorText(error)}); the bytes are kept.`;
  return {
    eventType: null,
    eventId: null,
    parseError: message,
    verification: { status: 'unsupported', candidatesTried: [], diagnosis: message },
    normalized: null,
    correlationKeys: [],
    schemaIssues: [],
    reference: null,
    amount: null,
    searchText: delivery.provider,
  };
}
