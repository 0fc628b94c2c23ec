/** One call to a provider, recorded as a SessionCall: masked request, answer, failure in words. */
import type { SessionCall } from '../../src-shared/sessions/domain.js';
import type { ProviderCredentials } from '../services/provider-config.js';
import { newId } from '../store/ids.js';
import { explainFailure } from './explain.js';
import { sendRequest } from './http.js';
import { credentialsMasker, maskRequest } from './masking.js';
import type { BuiltRequest, ProviderAnswer, SessionClient } from './types.js';

export interface Exchange {
  call: SessionCall;
  /** Already masked: what explains, interprets, stores or audits it never sees an echoed credential. */
  answer: ProviderAnswer | null;
}

export async function exchange(
  kind: SessionCall['kind'],
  client: Pick<SessionClient, 'explain'>,
  request: BuiltRequest,
  creds: ProviderCredentials,
  options: { timeoutMs: number; at: Date },
): Promise<Exchange> {
  const masker = credentialsMasker(creds);
  const outcome = await sendRequest(request, { masker, timeoutMs: options.timeoutMs });
  const answer = outcome.ok ? outcome.answer : null;
  const error = outcome.ok ? explainFailure(client, outcome.answer) : outcome.error;
  return {
    answer,
    call: {
      id: newId('scl'),
      kind,
      at: options.at.toISOString(),
      request: maskRequest(request, masker),
      response: answer ? { status: answer.status, headers: answer.headers, body: answer.body, durationMs: answer.durationMs } : null,
      ok: error === null,
      error,
      providerState: null,
      status: null,
    },
  };
}
