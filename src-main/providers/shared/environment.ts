import { type SecretEnvironment, secretEnvironment } from '../../../src-shared/domain/secret-environment.js';

export { type SecretEnvironment, secretEnvironment };

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
