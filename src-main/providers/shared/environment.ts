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

/** The event's environment word as one of the two, or null for anything else. */
export function eventEnvironment(env: string | null): SecretEnvironment | null {
  const word = env?.trim().toLowerCase();
  return word === 'production' || word === 'sandbox' ? word : null;
}

/** Words for an event whose environment differs from the verifying secret's; undefined when they agree or cannot be told. */
export function environmentMismatch(env: string | null, secretLabel: string | undefined): string | undefined {
  const said = eventEnvironment(env);
  const secret = secretLabel === undefined ? null : secretEnvironment(secretLabel);
  if (said === null || secret === null || said === secret) return undefined;
  return (
    `the event says env '${said}' but it verifies with the '${secretLabel}' secret: a ${said} event signed with the ${secret} secret ` +
    '(or the reverse) is not a real payment in that environment — check which secret Paychant uses for each environment'
  );
}
