/** One interface for every provider's session client; the service does validation, sending and storage. */
import type { ApiIssue } from '../../src-shared/contract/errors.js';
import type { CorrelationKey, NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { Session } from '../../src-shared/sessions/domain.js';
import type { SessionKind } from '../../src-shared/sessions/forms.js';
import type { SessionSettings } from '../../src-shared/sessions/settings.js';
import type { ProviderCredentials } from '../services/provider-config.js';

/** A request built once: `body` is the exact string that is signed and sent. */
export interface BuiltRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** Headers carrying a signature: masked wherever the request is shown or stored. */
  signatureHeaders: readonly string[];
}

/** What came back from the provider. `json` is the lossless parse, or undefined when not JSON. */
export interface ProviderAnswer {
  status: number;
  headers: HeaderPair[];
  body: string | null;
  json: unknown;
  durationMs: number;
}

export interface BuildContext {
  creds: ProviderCredentials & { baseUrl: string };
  settings: SessionSettings;
  now: Date;
}

export interface CreationResult {
  providerSessionId: string | null;
  links: Array<{ label: string; url: string }>;
  providerState: string | null;
  status: NormalizedStatus;
  correlationKeys: CorrelationKey[];
}

export type Validation = { ok: true; value: Record<string, unknown> } | { ok: false; issues: ApiIssue[] };

export interface SessionClient {
  provider: ProviderId;
  kind: SessionKind;
  validate(payload: unknown, settings: SessionSettings): Validation;
  /** What is missing before anything can be sent, in words (empty when ready). */
  missing(creds: ProviderCredentials, settings: SessionSettings): string[];
  /** Fills values chosen at send time (e.g. a generated idempotency key) into the validated payload. */
  complete?(payload: Record<string, unknown>): Record<string, unknown>;
  /** The creation request, or a link for providers with no server call (Paychant). */
  build(payload: Record<string, unknown>, ctx: BuildContext): BuiltRequest | { link: string };
  interpretCreate(payload: Record<string, unknown>, answer: ProviderAnswer | null, ctx: BuildContext): CreationResult;
  statusRequest?(session: Session, ctx: BuildContext): BuiltRequest;
  interpretStatus?(answer: ProviderAnswer): { providerState: string | null; status: NormalizedStatus };
  /** The provider's failure explained in words, or null to fall back to the generic explanation. */
  explain(answer: ProviderAnswer): string | null;
  /** Settings used in place of undocumented provider facts. */
  assumptions(settings: SessionSettings): string[];
}
