/** One call to a provider, recorded as a SessionCall: masked request, answer, failure in words. */
import type { SessionCall } from '../../src-shared/sessions/domain.js';
import type { ProviderCredentials } from '../services/provider-config.js';
import { newId } from '../store/ids.js';
import { explainFailure } from './explain.js';
import { sendRequest } from './http.js';
import { maskAnswerText, maskRequest } from './masking.js';
import type { BuiltRequest, ProviderAnswer, SessionClient } from './types.js';

export interface Exchange {
  call: SessionCall;
  answer: ProviderAnswer | null;
}

export async function exchange(
  kind: SessionCall['kind'],
  client: Pick<SessionClient, 'explain'>,
  request: BuiltRequest,
  creds: ProviderCredentials,
  options: { timeoutMs: number; at: Date },
): Promise<Exchange> {
  const outcome = await sendRequest(request, options.timeoutMs);
  const answer = outcome.ok ? outcome.answer : null;
  const error = outcome.ok ? explainFailure(client, outcome.answer) : outcome.error;
  return {
    answer,
    call: {
      id: newId('scl'),
      kind,
      at: options.at.toISOString(),
      request: maskRequest(request, [creds.apiKey, creds.hmacSecret]),
      response: answer ? maskedResponse(answer, [creds.apiKey, creds.hmacSecret]) : null,
      ok: error === null,
      error,
      providerState: null,
      status: null,
    },
  };
}

function maskedResponse(answer: ProviderAnswer, secrets: ReadonlyArray<string | null>): NonNullable<SessionCall['response']> {
  return {
    status: answer.status,
    headers: answer.headers.map(([name, value]) => [name, maskAnswerText(value, secrets)] as [string, string]),
    body: answer.body === null ? null : maskAnswerText(answer.body, secrets),
    durationMs: answer.durationMs,
  };
}
