/** A failed exchange with a provider, explained in words a support person can act on. */
import { firstText } from './body.js';
import type { ProviderAnswer, SessionClient } from './types.js';

/** The provider's own message, if its answer carries one. */
export function providerMessage(answer: ProviderAnswer): string | null {
  const fromJson = firstText(answer.json, [['message'], ['error', 'message'], ['error'], ['errorCode'], ['code'], ['msg'], ['detail']]);
  if (fromJson) return fromJson;
  const text = answer.body?.trim();
  return text ? text.slice(0, 300) : null;
}

/** Null when the answer is a success; otherwise why it failed (some providers report errors inside a 2xx). */
export function explainFailure(client: Pick<SessionClient, 'explain'>, answer: ProviderAnswer): string | null {
  const specific = client.explain(answer);
  if (specific) return specific;
  if (answer.status >= 200 && answer.status < 300) return null;
  const said = providerMessage(answer);
  const suffix = said ? ` The provider said: ${said}` : '';
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
    return `HTTP ${answer.status}: the provider answered with a redirect${location ? ` to ${location}` : ''}, which was not followed (a signed request is never re-sent elsewhere). Check the base URL.`;
  }
  if (answer.status === 401 || answer.status === 403)
    return `HTTP ${answer.status}: the provider refused the credentials. Check the API key set for this environment.${suffix}`;
  if (answer.status === 404) return `HTTP 404: the provider has no such endpoint or object. Check the base URL for this environment.${suffix}`;
  if (answer.status >= 500) return `HTTP ${answer.status}: the provider failed on its side; it may or may not have acted on the request.${suffix}`;
  return `HTTP ${answer.status}: the provider rejected the request.${suffix}`;
}
