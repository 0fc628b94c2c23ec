/**
 * Instap's refusals in words, told apart by what the answer says: errorHmacDoesNotMatch (seed
 * 001), no HMAC secret registered yet (providers.md: HTTP 400 until PUT /secpub/hmac), or any
 * other 400, which is shown as Instap worded it rather than blamed on the secret.
 */
import { providerMessage } from '../explain.js';
import type { ProviderAnswer } from '../types.js';

const REGISTER = 'Register one with PUT /secpub/hmac {hmacSecret}, then set the same value here as the HMAC secret.';
/** What a 400 says when it gives no reason of its own. */
const GENERIC = /^(bad request|400|error|invalid request)?\.?$/i;
/** A reason that names the HMAC secret (but not a mismatch): taken as "none registered". */
const SECRET_MISSING = /hmac/i;

export function explainInstapAnswer(answer: ProviderAnswer): string | null {
  const body = answer.body ?? '';
  const said = providerMessage(answer)?.trim() ?? '';
  if (body.includes('errorHmacDoesNotMatch'))
    return (
      'Instap answered errorHmacDoesNotMatch: the x-payload-hash does not match the body it received. Either the HMAC secret set here for ' +
      'this environment is not the one registered with Instap (PUT /secpub/hmac; after a change there Instap keeps answering this for a ' +
      'while), or the body changed after it was hashed (something between here and Instap re-encoded it). Gatewatch hashes and sends the ' +
      'same bytes, so check the secret first.'
    );
  if (answer.status !== 400) return null;
  if (GENERIC.test(said) || SECRET_MISSING.test(said))
    return `HTTP 400${said ? ` (“${said}”)` : ' with no reason given'}: Instap answers this while no HMAC secret is registered for your account. ${REGISTER}`;
  return `HTTP 400: Instap refused the request and said: “${said}”. This is not a signature mismatch: correct what it names.`;
}
