import { ApiError } from '../../src-shared/contract/errors.js';
import type { SecretBinding } from './binding.js';

const KIND_WORDS: Record<string, string> = {
  apiKey: 'API key',
  hmacSecret: 'HMAC secret',
  webhookSecret: 'webhook secret',
  signingSecret: 'signing secret',
};

/** "the API key 'production' of instap", "the signing secret 'default' of replay target tgt_1". */
export function describeSecret(binding: SecretBinding): string {
  const owner = binding.owner.startsWith('provider:')
    ? binding.owner.slice('provider:'.length)
    : binding.owner.startsWith('target:')
      ? `replay target ${binding.owner.slice('target:'.length)}`
      : binding.owner;
  return `the ${KIND_WORDS[binding.kind] ?? binding.kind} '${binding.label}' of ${owner}`;
}

/**
 * A stored secret that can no longer be decrypted. An ApiError (409) so that the console says,
 * in words, which secret it is and that it must be entered again, rather than "failed unexpectedly".
 */
export class SecretUnreadableError extends ApiError {
  constructor(
    readonly secret: string,
    reason: string,
  ) {
    super('conflict', `${secret[0]!.toUpperCase()}${secret.slice(1)} cannot be read (${reason}). Enter it again in Settings.`);
    this.name = 'SecretUnreadableError';
  }
}
