/**
 * Issue 13.6: Instap's HTTP 400s told apart from the answer's body. Seed 001: a request whose
 * x-payload-hash does not match "will be rejected with an error code of errorHmacDoesNotMatch";
 * providers.md: "HTTP 400 until an HMAC secret is registered" (PUT /secpub/hmac).
 */
import { describe, expect, it } from 'vitest';
import { instapClient } from '../../src-main/sessions/clients/instap.js';
import { parseLosslessJson } from '../../src-main/providers/shared/lossless-json.js';
import type { ProviderAnswer } from '../../src-main/sessions/types.js';

function answer(status: number, body: string): ProviderAnswer {
  const parsed = parseLosslessJson(body);
  return { status, headers: [], body, json: parsed.ok ? parsed.value : undefined, durationMs: 5 };
}

describe('Instap failures explained from the answer', () => {
  it('errorHmacDoesNotMatch: the secret differs from the registered one or the body changed after hashing', () => {
    const said = instapClient.explain(answer(400, '{"message":"errorHmacDoesNotMatch"}'))!;
    expect(said).toContain('errorHmacDoesNotMatch');
    expect(said).toContain('not the one registered');
    expect(said).toContain('changed after it was hashed');
    expect(said).not.toContain('no HMAC secret is registered');
  });

  it('a 400 that says nothing (or only "Bad Request"): no HMAC secret registered yet', () => {
    for (const body of ['', '{"message":"Bad Request"}', 'Bad Request']) {
      const said = instapClient.explain(answer(400, body))!;
      expect(said, body).toMatch(/no HMAC secret is registered/);
      expect(said).toContain('PUT /secpub/hmac');
    }
  });

  it('a 400 whose body names the HMAC secret as missing is the registration case too', () => {
    const said = instapClient.explain(answer(400, '{"errorCode":"errorHmacSecretNotFound"}'))!;
    expect(said).toMatch(/no HMAC secret is registered/);
    expect(said).toContain('errorHmacSecretNotFound');
  });

  it('any other 400 is shown with what Instap said, not blamed on the HMAC secret', () => {
    const said = instapClient.explain(answer(400, '{"message":"userName must be at most 4000 characters"}'))!;
    expect(said).toContain('userName must be at most 4000 characters');
    expect(said).not.toMatch(/no HMAC secret is registered/);
    expect(said).not.toContain('errorHmacDoesNotMatch');
  });

  it('leaves successes and other statuses to the generic explanation', () => {
    expect(instapClient.explain(answer(200, '{"sessionToken":"OP1","checkOutUrl":"https://x"}'))).toBeNull();
    expect(instapClient.explain(answer(401, '{"message":"errorInvalidApiKey"}'))).toBeNull();
  });
});
