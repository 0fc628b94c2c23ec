/**
 * Sends a stored delivery to a saved target: the exact stored bytes (or the user's edit), the
 * stored headers minus hop-by-hop ones, optionally re-signed with the target's secret by the
 * same adapter that verifies. Every attempt, failed or not, is stored and audited.
 */
import type { ReplayAttempt, ReplayAttemptListed, ReplayPreview, ReplayResponse } from '../../src-shared/contract/replay.js';
import type { DeliveryProvider, ProviderId } from '../../src-shared/domain/provider.js';
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { ReplayStore, ReplayTargetRecord } from '../store/replay-types.js';
import type { DeliveryStore, StoredDelivery } from '../store/types.js';
import type { AuditLog } from '../services/audit.js';
import { utf8OrNull } from '../pipeline/body-text.js';
import { newId } from '../store/ids.js';
import { createSecretMasker, type SecretMasker } from '../secrets/echo-masker.js';
import { credentialValues, replayHeaders, withSignatureHeaders } from './request-headers.js';
import { maskCredentialHeaders } from '../../src-shared/domain/credential-headers.js';
import { sendToTarget, SendFailure } from './http-send.js';
import { failureOfAnswer, outcomeLine, responseOf, sha256Hex } from './attempt-record.js';
import type { ReplayTargets } from './targets.js';

export const DEFAULT_RESPONSE_CAP_BYTES = 256 * 1024;

export interface ReplayServiceDeps {
  deliveries: DeliveryStore;
  replays: ReplayStore;
  targets: ReplayTargets;
  audit: AuditLog;
  adapterFor(provider: DeliveryProvider): ProviderAdapter | undefined;
  /** The provider's webhook secrets: a staging service that verifies webhooks knows them too, and may echo them. */
  webhookSecrets?(provider: ProviderId): Promise<ReadonlyArray<{ value: string }>>;
  responseCapBytes?: number;
}

export interface ReplayRequest {
  deliveryId: string;
  targetId: string;
  resign: boolean;
  body?: string;
  headers?: Record<string, string>;
  confirm: boolean;
}

/** A send checked and ready: what `deliver` needs, so a bulk job checks the target once. */
export interface PreparedTarget {
  target: ReplayTargetRecord;
  /** Present when re-signing. */
  signingSecret: { value: string; key: string | null } | null;
  /** The target's signing secret whether or not it re-signs: the target knows it, so its answers may echo it. */
  targetSecret: string | null;
}

export class ReplayService {
  constructor(private readonly deps: ReplayServiceDeps) {}

  async send(request: ReplayRequest): Promise<ReplayAttempt> {
    const prepared = await this.prepareTarget(request.targetId, request.resign);
    const delivery = await this.requireDelivery(request.deliveryId);
    this.checkDelivery(delivery, prepared, request.body);
    await this.deps.targets.checkConfirmation(prepared.target, request.confirm);
    return this.deliver(prepared, delivery, { body: request.body, headers: request.headers, jobId: null });
  }

  /** Checks what holds for every delivery sent to this target: it is saved and can re-sign. */
  async prepareTarget(targetId: string, resign: boolean): Promise<PreparedTarget> {
    const target = await this.deps.targets.require(targetId);
    const stored = await this.deps.targets.signingSecret(target.id);
    const signingSecret = resign ? stored : null;
    if (resign && signingSecret === null) {
      throw new ApiError(
        'bad_request',
        `Target "${target.name}" has no signing secret, so the webhook cannot be re-signed: add one under Settings → Replay targets, or send without re-signing.`,
      );
    }
    return { target, signingSecret, targetSecret: stored?.value ?? null };
  }

  async requireDelivery(id: string): Promise<StoredDelivery> {
    const delivery = await this.deps.deliveries.get(id);
    if (!delivery) throw new ApiError('not_found', `No delivery with id ${id}.`);
    return delivery;
  }

  /** Refusals that depend on the delivery, before anything is sent. */
  checkDelivery(delivery: StoredDelivery, prepared: PreparedTarget, editedBody: string | undefined): ProviderAdapter | undefined {
    if (delivery.body === null && editedBody === undefined) {
      throw new ApiError(
        'bad_request',
        `Delivery ${delivery.id} has no stored body (${delivery.rejected?.reason ?? 'it was not kept'}): there is nothing to replay exactly.`,
      );
    }
    const adapter = this.deps.adapterFor(delivery.provider);
    if (prepared.signingSecret !== null && !adapter) {
      throw new ApiError('bad_request', `Delivery ${delivery.id} came from an unknown provider, so there is no signing recipe to re-sign it with.`);
    }
    return adapter;
  }

  async deliver(
    prepared: PreparedTarget,
    delivery: StoredDelivery,
    edit: { body?: string; headers?: Record<string, string>; jobId: string | null },
  ): Promise<ReplayAttempt> {
    const adapter = this.checkDelivery(delivery, prepared, edit.body);
    const { target, signingSecret } = prepared;
    const stored = delivery.body ?? new Uint8Array();
    const edited = edit.body === undefined ? null : Buffer.from(edit.body, 'utf8');
    const bodyEdited = edited !== null && !edited.equals(stored);
    const bytes = bodyEdited ? edited : stored;
    let headers: HeaderPair[] = replayHeaders(edit.headers ? Object.entries(edit.headers) : delivery.headers, delivery.id, {
      forwardCredentials: target.forwardCredentialHeaders,
    });
    if (signingSecret !== null && adapter) {
      const secret = { label: `target:${target.name}`, value: signingSecret.value, ...(signingSecret.key ? { key: signingSecret.key } : {}) };
      headers = withSignatureHeaders(headers, adapter.signWebhook(bytes, secret));
    }

    // The credentials sent (a target that forwards them): one that echoes its request gives them back.
    const masker = await this.maskerFor(prepared, delivery.provider, credentialValues(headers));
    const started = Date.now();
    let response: ReplayResponse | null = null;
    let error: string | null = null;
    try {
      // Read past the cap by the longest echo, so one crossing the cut is masked whole.
      const cap = this.responseCap;
      const answer = await sendToTarget({ url: target.url, headers, body: bytes, timeoutMs: target.timeoutMs, responseCapBytes: cap + 3 * masker.reach });
      response = responseOf(answer, masker, cap);
      error = failureOfAnswer(response);
    } catch (e) {
      error = masker.mask(e instanceof SendFailure ? e.message : `the request could not be made: ${(e as Error).message}`);
    }
    const finished = Date.now();
    const attempt: ReplayAttempt = {
      id: newId('rpa', started),
      deliveryId: delivery.id,
      provider: delivery.provider,
      target: { id: target.id, name: target.name, url: target.url },
      jobId: edit.jobId,
      sentHeaders: maskCredentialHeaders(headers).map(([name, value]) => [name, masker.mask(value)]),
      sentBody: bodyEdited ? masker.mask(edit.body!) : null,
      bodyEdited,
      headersEdited: edit.headers !== undefined,
      sentBodySha256: sha256Hex(bytes),
      resigned: signingSecret !== null,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - started,
      outcome: error === null ? 'ok' : 'failed',
      response,
      error,
    };
    await this.deps.replays.insertAttempt({ ...attempt, targetId: target.id });
    // A bulk job is audited once, for all its sends (its attempts carry its id).
    if (edit.jobId !== null) return attempt;
    await this.deps.audit.record('replay.send', delivery.id, `Replayed ${delivery.id} to "${target.name}" (${target.url}): ${outcomeLine(attempt)}`, {
      attemptId: attempt.id,
      jobId: attempt.jobId,
      target: { id: target.id, name: target.name, url: target.url },
      status: attempt.response?.status ?? null,
      outcome: attempt.outcome,
      error: attempt.error,
      resigned: attempt.resigned,
      bodyEdited,
      headersEdited: attempt.headersEdited,
    });
    return attempt;
  }

  async preview(deliveryId: string, editedBody: string | undefined): Promise<ReplayPreview> {
    const delivery = await this.requireDelivery(deliveryId);
    const adapter = this.deps.adapterFor(delivery.provider);
    const stored = delivery.body ?? new Uint8Array();
    const body = editedBody === undefined ? stored : Buffer.from(editedBody, 'utf8');
    const warnings: string[] = [];
    if (delivery.body === null) warnings.push('this delivery has no stored body: only an edited body can be sent');
    if (adapter) {
      const parsed = adapter.parse({ headers: delivery.headers, body });
      if (parsed.parseError) warnings.push(parsed.parseError);
      warnings.push(...parsed.schemaIssues);
    } else {
      warnings.push('unknown provider: the body cannot be checked against an event schema');
    }
    return {
      // No target here: every stored header is listed (credentials masked), as the editor starts from it.
      headers: maskCredentialHeaders(replayHeaders(delivery.headers, delivery.id, { forwardCredentials: true })),
      originalBody: delivery.body === null ? null : utf8OrNull(delivery.body),
      warnings,
      // The names only: a throwaway secret shows which headers the recipe writes.
      signatureHeaders: adapter ? Object.keys(adapter.signWebhook(body, { label: 'names', value: 'names-only' })) : [],
    };
  }

  /** The log: each attempt with its delivery's event and reference, so a person can tell them apart. */
  async attempts(query: { deliveryId?: string; targetId?: string; jobId?: string; limit: number }): Promise<ReplayAttemptListed[]> {
    const attempts = (await this.deps.replays.listAttempts(query)).map(({ targetId: _targetId, ...attempt }) => attempt);
    const ids = [...new Set(attempts.map((a) => a.deliveryId))];
    const found = await Promise.all(ids.map((id) => this.deps.deliveries.get(id)));
    const labels = new Map(
      found
        .filter((d): d is StoredDelivery => d !== null)
        .map((d) => [d.id, { eventType: d.derived?.eventType ?? null, reference: d.derived?.reference ?? null }]),
    );
    return attempts.map((attempt) => ({ ...attempt, delivery: labels.get(attempt.deliveryId) ?? null }));
  }

  /** Masks what this target's answers may echo: its own secret, the provider's webhook secrets, the request's credentials. */
  private async maskerFor(prepared: PreparedTarget, provider: DeliveryProvider, credentials: readonly string[]): Promise<SecretMasker> {
    const webhook = provider === 'unknown' || !this.deps.webhookSecrets ? [] : await this.deps.webhookSecrets(provider);
    return createSecretMasker([prepared.targetSecret, ...webhook.map((s) => s.value), ...credentials]);
  }

  private get responseCap(): number {
    return this.deps.responseCapBytes ?? DEFAULT_RESPONSE_CAP_BYTES;
  }
}
