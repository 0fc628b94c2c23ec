/**
 * Which environment a webhook secret belongs to, read from its label ("production", "sandbox",
 * "hmac secret (sandbox)", "live 2026"): secrets carry no other environment field. A label that
 * names neither gives null, and then nothing is compared.
 */
export type SecretEnvironment = 'production' | 'sandbox';

export function secretEnvironment(label: string): SecretEnvironment | null {
  const sandbox = /sandbox|\bsand\b|\btest|staging/i.test(label);
  const production = /prod|\blive\b/i.test(label);
  if (sandbox === production) return null;
  return sandbox ? 'sandbox' : 'production';
}

/** A valid signature made with a sandbox secret: a test event, not money moving in production. */
export function signedWithSandboxSecret(result: { status: string | null; secretLabel?: string | null }): boolean {
  return result.status === 'valid' && typeof result.secretLabel === 'string' && secretEnvironment(result.secretLabel) === 'sandbox';
}
