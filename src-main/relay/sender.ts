/**
 * One try at the backend: the exact bytes, the relay's headers, one deadline, and the attempt as
 * it is kept: credential headers masked, the answer capped with any secret it echoes masked,
 * the failure in words. Keep-alive connections per route, as a reverse proxy keeps them.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { RelayAttempt } from '../../src-shared/contract/relay.js';
import type { ReplayResponse } from '../../src-shared/contract/replay.js';
import type { DeliveryProvider, ProviderId } from '../../src-shared/domain/provider.js';
import type { RelayMode } from '../../src-shared/relay/states.js';
import { maskCredentialHeaders } from '../../src-shared/domain/credential-headers.js';
import type { RelayRouteRecord } from '../store/relay-types.js';
import { newId } from '../store/ids.js';
import { createSecretMasker, type SecretMasker } from '../secrets/echo-masker.js';
import { credentialValues } from '../replay/request-headers.js';
import { sendToTarget, SendFailure, type TargetAnswer } from '../replay/http-send.js';
import { responseOf } from '../replay/attempt-record.js';
import { relayRequestHeaders, type RelaySource } from './relay-headers.js';

export const RELAY_RESPONSE_CAP_BYTES = 256 * 1024;
/** Idle kept-alive connections close before a Node backend's own 5 s keep-alive would close them. */
const IDLE_SOCKET_MS = 4_000;
const MASKERS_KEPT = 64;

export interface RelaySendInput {
  route: RelayRouteRecord;
  jobId: string;
  delivery: RelaySource & { provider: DeliveryProvider; body: Uint8Array };
  /** 1 for the first try. */
  number: number;
  mode: RelayMode;
}

export interface RelaySendResult {
  attempt: RelayAttempt;
  /** The answer as received (a passthrough hands it on); null when none came. */
  answer: TargetAnswer | null;
  failure: 'timeout' | 'network' | null;
}

export interface RelaySenderDeps {
  /** The provider's webhook secrets: a backend that verifies webhooks knows them, and may echo them. */
  webhookSecrets(provider: ProviderId): Promise<ReadonlyArray<{ value: string }>>;
  responseCapBytes?: number;
}

/** Short texts a backend repeats (content-type, `{"ok":true}`, "OK") are masked once, not on every answer. */
const REMEMBERED_TEXTS = 256;
const REMEMBERED_LENGTH = 256;

function rememberingMasker(masker: SecretMasker): SecretMasker {
  const seen = new Map<string, string>();
  return {
    reach: masker.reach,
    mask(text, keep) {
      if (keep !== undefined && keep < text.length) return masker.mask(text, keep);
      if (text.length > REMEMBERED_LENGTH) return masker.mask(text);
      let masked = seen.get(text);
      if (masked === undefined) {
        masked = masker.mask(text);
        if (seen.size >= REMEMBERED_TEXTS) seen.delete(seen.keys().next().value!);
        seen.set(text, masked);
      }
      return masked;
    },
  };
}

const backendWords = (text: string) => text.replace(/\bthe target\b/g, 'the backend').replace(/\bThe target\b/g, 'The backend');

/** Why a complete answer is not an acceptance, or null for a 2xx. */
function refusalOf(response: ReplayResponse): string | null {
  if (response.status >= 200 && response.status < 300) return null;
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return response.status >= 300 && response.status < 400 ? `the backend answered ${status}; redirects are not followed` : `the backend answered ${status}`;
}

export class RelaySender {
  private readonly agents = new Map<string, { key: string; url: string; maxSockets: number; agent: HttpAgent }>();
  private readonly maskers = new Map<string, SecretMasker>();

  constructor(private readonly deps: RelaySenderDeps) {}

  async send(input: RelaySendInput): Promise<RelaySendResult> {
    const { route, delivery } = input;
    const url = route.url!;
    const headers = relayRequestHeaders(delivery);
    const masker = await this.maskerFor(delivery.provider, credentialValues(headers));
    const cap = this.deps.responseCapBytes ?? RELAY_RESPONSE_CAP_BYTES;
    const outgoing = {
      url,
      headers,
      body: delivery.body,
      timeoutMs: route.timeoutMs,
      // Read past the cap by the longest echo, so one crossing the cut is masked whole.
      responseCapBytes: cap + 3 * masker.reach,
      agent: this.agentFor(route),
    };
    const started = Date.now();
    const clock = performance.now();
    let answer: TargetAnswer | null = null;
    let response: ReplayResponse | null = null;
    let error: string | null = null;
    let failure: RelaySendResult['failure'] = null;
    try {
      try {
        answer = await sendToTarget(outgoing);
      } catch (e) {
        // A kept-alive connection the backend had just closed: nothing went out, so send once more.
        if (!(e instanceof SendFailure && e.kind === 'stale')) throw e;
        answer = await sendToTarget(outgoing);
      }
      response = responseOf(answer, masker, cap);
      error = refusalOf(response);
    } catch (e) {
      failure = e instanceof SendFailure && e.kind === 'timeout' ? 'timeout' : 'network';
      error = masker.mask(backendWords(e instanceof SendFailure ? e.message : `the request could not be made: ${(e as Error).message}`));
    }
    const durationMs = Math.max(0, Math.round(performance.now() - clock));
    const attempt: RelayAttempt = {
      id: newId('rla', started),
      deliveryId: delivery.id,
      jobId: input.jobId,
      routeId: route.id,
      mode: input.mode,
      url,
      number: input.number,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(started + durationMs).toISOString(),
      durationMs,
      outcome: error === null ? 'ok' : 'failed',
      response,
      error,
      // As the delivery view shows them: the other values are the provider's own, stored and shown as received.
      sentHeaders: maskCredentialHeaders(headers),
    };
    return { attempt, answer, failure };
  }

  /** Lets every kept-alive connection go. */
  close(): void {
    for (const { agent } of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  /** One pool per route; a new address or concurrency gets a new pool. */
  private agentFor(route: RelayRouteRecord): HttpAgent {
    // A queue sends at most `concurrency` at once; a passthrough as many as providers send.
    const maxSockets = route.mode === 'queue' || route.pausedAt !== null ? route.concurrency : 256;
    const held = this.agents.get(route.id);
    // The same URL as the last send: its pool, without parsing the URL again (once per request otherwise).
    if (held && held.url === route.url && held.maxSockets === maxSockets) return held.agent;
    const url = new URL(route.url!);
    const key = `${url.protocol}//${url.host}|${maxSockets}`;
    if (held?.key === key) {
      this.agents.set(route.id, { ...held, url: route.url!, maxSockets });
      return held.agent;
    }
    // The old pool is dropped, not destroyed: sends under way finish, its idle sockets time out.
    const options = { keepAlive: true, maxSockets, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' as const };
    const agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    this.agents.set(route.id, { key, url: route.url!, maxSockets, agent });
    return agent;
  }

  /** Compiling a masker costs more than a send: kept per set of secrets (they rarely change). */
  private async maskerFor(provider: DeliveryProvider, credentials: readonly string[]): Promise<SecretMasker> {
    const webhook = provider === 'unknown' ? [] : await this.deps.webhookSecrets(provider);
    const secrets = [...webhook.map((s) => s.value), ...credentials];
    const key = JSON.stringify(secrets);
    const kept = this.maskers.get(key);
    if (kept) {
      this.maskers.delete(key);
      this.maskers.set(key, kept);
      return kept;
    }
    const masker = rememberingMasker(createSecretMasker(secrets));
    this.maskers.set(key, masker);
    if (this.maskers.size > MASKERS_KEPT) this.maskers.delete(this.maskers.keys().next().value!);
    return masker;
  }
}
