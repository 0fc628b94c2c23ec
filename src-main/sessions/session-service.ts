/**
 * Manual sessions: validate, preview, send once, store what happened (success or failure, in
 * words), query status, send Instap test deposits. Nothing is sent, and nothing stored, when a
 * field is invalid or the provider's credentials are missing: the form says why.
 */
import { ApiError, type ApiIssue } from '../../src-shared/contract/errors.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { ProviderEnvironment } from '../../src-shared/contract/providers.js';
import type { SessionDetail, SessionPreview } from '../../src-shared/contract/sessions.js';
import type { Session, SessionCall, SessionSummary } from '../../src-shared/sessions/domain.js';
import type { SessionSettings } from '../../src-shared/sessions/settings.js';
import type { ProviderCredentials } from '../services/provider-config.js';
import type { SessionStore } from '../store/sessions-types.js';
import { newId } from '../store/ids.js';
import { sessionClients } from './clients/index.js';
import { instapMockDepositRequest } from './clients/instap.js';
import { exchange } from './exchange.js';
import { sessionFingerprint } from './fingerprint.js';
import { SEND_TIMEOUT_MS } from './http.js';
import { credentialsMasker, maskRequest } from './masking.js';
import type { SessionSettingsService } from './settings-service.js';
import type { BuildContext, SessionClient } from './types.js';

export interface SessionServiceDeps {
  store: SessionStore;
  settings: SessionSettingsService;
  credentials(provider: ProviderId, environment?: ProviderEnvironment): Promise<ProviderCredentials>;
  audit: { record(action: string, subject: string | null, summary: string, details?: Record<string, unknown>): Promise<void> };
  timeoutMs?: number;
  now?: () => Date;
}

interface Draft {
  provider: ProviderId;
  environment?: ProviderEnvironment;
  payload: Record<string, unknown>;
}

const toSummary = (s: Session): SessionSummary => ({
  id: s.id,
  provider: s.provider,
  environment: s.environment,
  kind: s.kind,
  createdAt: s.createdAt,
  outcome: s.outcome,
  status: s.status,
  providerState: s.providerState,
  providerSessionId: s.providerSessionId,
  error: s.error,
});

const payloadIssues = (issues: ApiIssue[]): ApiIssue[] => issues.map((i) => ({ path: i.path ? `payload.${i.path}` : 'payload', message: i.message }));

export class SessionService {
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly deps: SessionServiceDeps) {
    this.timeoutMs = deps.timeoutMs ?? SEND_TIMEOUT_MS;
    this.now = deps.now ?? (() => new Date());
  }

  private async prepare(draft: Draft) {
    const client = sessionClients[draft.provider];
    const settings = await this.deps.settings.get();
    const creds = await this.deps.credentials(draft.provider, draft.environment);
    const validation = client.validate(draft.payload, settings);
    const fingerprint = sessionFingerprint(draft.provider, creds.environment, validation.ok ? validation.value : draft.payload);
    return { client, settings, creds, validation, fingerprint };
  }

  private async recentIdentical(fingerprint: string, settings: SessionSettings): Promise<Session[]> {
    const since = new Date(this.now().getTime() - settings.duplicateWindowMinutes * 60_000).toISOString();
    // Only sends that may have created something count: a success, no answer at all, or a 5xx.
    return (await this.deps.store.recentByFingerprint(fingerprint, since)).filter((s) =>
      s.calls.some((c) => c.kind === 'create' && c.request && (c.ok || c.response === null || c.response.status >= 500)),
    );
  }

  private context(creds: ProviderCredentials, settings: SessionSettings): BuildContext {
    return { creds: { ...creds, baseUrl: creds.baseUrl ?? '' }, settings, now: this.now() };
  }

  async preview(draft: Draft): Promise<SessionPreview> {
    const { client, settings, creds, validation, fingerprint } = await this.prepare(draft);
    if (!validation.ok) throw new ApiError('bad_request', 'Some fields are invalid; nothing was sent.', payloadIssues(validation.issues));
    const missing = client.missing(creds, settings);
    const payload = client.complete?.(validation.value) ?? validation.value;
    const built = client.build(payload, this.context(creds, settings));
    const notes = [
      ...client.assumptions(settings),
      ...(missing.length > 0 ? [`Cannot be sent yet: missing ${missing.join('; ')} (Settings → Providers).`] : []),
      ...(client.complete ? ['Values left empty for the console to choose (e.g. an idempotency key) are chosen again at send time.'] : []),
      ...(client.provider === 'calypso' ? ['The timestamp is set again at send time (Calypso accepts ±3 minutes).'] : []),
    ];
    return {
      environment: creds.environment,
      request: 'link' in built ? null : maskRequest(built, credentialsMasker(creds)),
      link: 'link' in built ? built.link : null,
      notes,
      recentIdentical: (await this.recentIdentical(fingerprint, settings)).map(toSummary),
    };
  }

  async create(draft: Draft & { allowDuplicate: boolean }): Promise<Session> {
    const { client, settings, creds, validation, fingerprint } = await this.prepare(draft);
    const assumptions = client.assumptions(settings);
    // Refused before anything is sent (a field, or the provider's credentials): answered in the
    // form, not kept as a failed session: nothing was created anywhere.
    if (!validation.ok) throw new ApiError('bad_request', 'Some fields are invalid; nothing was sent.', payloadIssues(validation.issues));
    const missing = client.missing(creds, settings);
    if (missing.length > 0) {
      const reason = `Not sent: missing ${missing.join('; ')}. Set them under Settings → Providers.`;
      throw new ApiError('bad_request', reason, [{ path: 'environment', message: reason }]);
    }
    const recent = await this.recentIdentical(fingerprint, settings);
    if (recent.length > 0 && !draft.allowDuplicate) {
      const last = recent[0]!;
      throw new ApiError(
        'conflict',
        `An identical ${client.provider} payload was sent to ${creds.environment} at ${last.createdAt} (${last.id}${last.providerSessionId ? `, ${last.providerSessionId}` : ''}). Confirm to send it again.`,
      );
    }

    const payload = client.complete?.(validation.value) ?? validation.value;
    const ctx = this.context(creds, settings);
    const built = client.build(payload, ctx);
    const at = this.now().toISOString();
    let call: SessionCall;
    let result: ReturnType<SessionClient['interpretCreate']>;
    if ('link' in built) {
      call = { id: newId('scl'), kind: 'create', at, request: null, response: null, ok: true, error: null, providerState: null, status: 'created' };
      result = { ...client.interpretCreate(payload, null, ctx), links: [{ label: 'Widget link', url: built.link }] };
    } else {
      const done = await exchange('create', client, built, creds, { timeoutMs: this.timeoutMs, at: ctx.now });
      call = done.call;
      result = client.interpretCreate(payload, done.answer, ctx);
      if (call.ok && !result.providerSessionId) {
        call = { ...call, ok: false, error: 'The provider answered with success but without a session id: nothing to track. See its answer below.' };
      }
      call = { ...call, providerState: result.providerState, status: call.ok ? result.status : 'failed' };
    }
    const session: Session = {
      id: newId('ses'),
      provider: client.provider,
      environment: creds.environment,
      kind: client.kind,
      createdAt: at,
      updatedAt: at,
      outcome: call.ok ? 'created' : 'failed',
      status: call.ok ? result.status : 'failed',
      providerState: result.providerState,
      providerSessionId: result.providerSessionId,
      links: result.links,
      correlationKeys: result.correlationKeys,
      payload,
      error: call.error,
      assumptions,
      calls: [call],
      fingerprint,
    };
    await this.deps.store.save(session);
    await this.deps.audit.record(
      'session.create',
      session.id,
      `${call.ok ? 'Created' : 'Failed to create'} a ${client.provider} ${client.kind.replace('_', ' ')} (${creds.environment})`,
      {
        provider: client.provider,
        environment: creds.environment,
        url: call.request?.url ?? session.links[0]?.url ?? null,
        httpStatus: call.response?.status ?? null,
        providerSessionId: session.providerSessionId,
        outcome: session.outcome,
        error: session.error,
        duplicateConfirmed: recent.length > 0,
      },
    );
    return session;
  }

  private async require(id: string): Promise<Session> {
    const session = await this.deps.store.get(id);
    if (!session) throw new ApiError('not_found', `There is no session ${id}.`);
    return session;
  }

  private async append(session: Session, call: SessionCall, patch: Partial<Session> = {}): Promise<Session> {
    const next = { ...session, ...patch, calls: [...session.calls, call], updatedAt: call.at };
    await this.deps.store.save(next);
    return next;
  }

  async refresh(id: string): Promise<Session> {
    const session = await this.require(id);
    const client = sessionClients[session.provider];
    if (!client.statusRequest || !client.interpretStatus)
      throw new ApiError('bad_request', `${session.provider} has no status query: the session is only a link.`);
    if (!session.providerSessionId) throw new ApiError('bad_request', 'This session was never created at the provider, so there is nothing to query.');
    const settings = await this.deps.settings.get();
    const creds = await this.deps.credentials(session.provider, session.environment);
    const ctx = this.context(creds, settings);
    const done = await exchange('status', client, client.statusRequest(session, ctx), creds, { timeoutMs: this.timeoutMs, at: ctx.now });
    if (!done.call.ok || !done.answer) return this.append(session, done.call);
    const state = client.interpretStatus(done.answer);
    await this.deps.audit.record('session.refresh', session.id, `Queried ${session.provider} status: ${state.providerState ?? 'no state'}`, {
      provider: session.provider,
      httpStatus: done.answer.status,
    });
    return this.append(session, { ...done.call, ...state }, { providerState: state.providerState, status: state.status });
  }

  async mockDeposit(input: { id: string; blockChainCurrency: string; blockChainAmount: string }): Promise<Session> {
    const session = await this.require(input.id);
    if (session.provider !== 'instap') throw new ApiError('bad_request', 'Test deposits exist only for Instap sessions.');
    const userId = session.payload.userId;
    if (typeof userId !== 'string') throw new ApiError('bad_request', 'This session has no userId to deposit for.');
    const settings = await this.deps.settings.get();
    const creds = await this.deps.credentials('instap', session.environment);
    const missing = sessionClients.instap.missing(creds, settings);
    if (missing.length > 0) throw new ApiError('bad_request', `Not sent: missing ${missing.join('; ')}.`);
    const ctx = this.context(creds, settings);
    const request = instapMockDepositRequest({ userId, blockChainCurrency: input.blockChainCurrency, blockChainAmount: input.blockChainAmount }, ctx);
    const done = await exchange('mock_deposit', sessionClients.instap, request, creds, { timeoutMs: this.timeoutMs, at: ctx.now });
    await this.deps.audit.record('session.mockDeposit', session.id, `${done.call.ok ? 'Sent' : 'Failed to send'} an Instap test deposit`, {
      environment: session.environment,
      blockChainCurrency: input.blockChainCurrency,
      blockChainAmount: input.blockChainAmount,
      httpStatus: done.call.response?.status ?? null,
      error: done.call.error,
    });
    return this.append(session, done.call);
  }

  async detail(id: string): Promise<SessionDetail> {
    const session = await this.require(id);
    const values = session.correlationKeys.map((k) => k.value);
    const linked = values.length === 0 ? [] : await this.deps.store.deliveriesWithKeyValues(values, 50);
    return {
      ...session,
      // A value such as a userId can repeat across providers: only this provider's webhooks join.
      linkedDeliveries: linked.filter((d) => d.provider === session.provider),
      txLookups: await this.deps.store.txLookups({ sessionIds: [session.id] }),
    };
  }

  async list(input: { provider?: ProviderId; limit: number; cursor?: string }) {
    const before = input.cursor === undefined ? undefined : Number(input.cursor);
    if (before !== undefined && !Number.isSafeInteger(before)) throw new ApiError('bad_request', 'The cursor is not one this console issued.');
    const rows = await this.deps.store.list({ provider: input.provider, limit: input.limit + 1, beforeSeq: before });
    const page = rows.slice(0, input.limit);
    return { items: page.map((r) => toSummary(r.session)), nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.seq) : null };
  }
}
