import { expect } from 'vitest';
import type { TestConsole } from '../helpers/console.js';

/** Points a provider's local environment at a fake and makes it the active one. */
export async function useLocalProvider(
  gw: TestConsole,
  provider: string,
  config: { baseUrl: string; apiKey?: string | null; hmacSecret?: string | null },
): Promise<void> {
  const { status, body } = await gw.api('providers.configure', { provider, environment: 'local', activeEnvironment: 'local', ...config });
  expect(status, JSON.stringify(body)).toBe(200);
}

/** Asserts a secret value appears nowhere in what the console API returned. */
export function expectNoSecret(value: unknown, secrets: readonly string[]): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
}
