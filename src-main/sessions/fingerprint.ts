import { createHash } from 'node:crypto';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Same provider, environment and payload (whatever the key order) → same fingerprint. */
export function sessionFingerprint(provider: string, environment: string, payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([provider, environment, stable(payload)]))
    .digest('hex');
}
