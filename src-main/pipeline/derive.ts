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

/** Secrets that cannot be read (a changed master key, say) cost the verification only, not the rest. */
async function verifyWithConfiguredSecrets(
  adapter: ProviderAdapter,
  webhook: { headers: DerivationInput['headers']; body: Uint8Array },
  context: DerivationContext,
): Promise<VerificationResult> {
  let secrets: WebhookSecret[];
  try {
    secrets = await context.webhookSecrets(adapter.id);
  } catch (error) {
    return {
      status: 'unsupported',
      candidatesTried: [],
      diagnosis: `The webhook secrets could not be read (${errorText(error)}); check the master key, then use Verify again.`,
    };
  }
  return adapter.verify(webhook, secrets);
}

/** Everything the console works out from a stored delivery: parse, verify, normalize, correlate. */
export async function deriveDelivery(delivery: DerivationInput, context: DerivationContext): Promise<DerivedFields> {
  const adapter = delivery.provider === 'unknown' ? undefined : context.adapterFor(delivery.provider);
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
  const verification = { ...(await verifyWithConfiguredSecrets(adapter, webhook, context)), checkedAt: new Date().toISOString() };
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
