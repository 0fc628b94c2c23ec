/** Turns the outcome of one send into the attempt that is stored, audited and shown. */
import { createHash } from 'node:crypto';
import type { ReplayAttempt, ReplayResponse } from '../../src-shared/contract/replay.js';
import type { SecretMasker } from '../secrets/echo-masker.js';
import type { TargetAnswer } from './http-send.js';

// Not fatal: a non-UTF-8 answer is still worth seeing, with replacement characters. One decoder for
// every answer: without `stream`, each decode starts afresh.
const decoder = new TextDecoder('utf-8');
const utf8 = (bytes: Uint8Array) => decoder.decode(bytes);

/**
 * The answer as it is kept: cut at `capBytes`, with every secret the target could echo masked in
 * its status line, headers and body. `answer` may run past the cap (read further so that an echo
 * crossing the cut is seen whole and masked, not left half shown).
 */
export function responseOf(answer: TargetAnswer, masker: SecretMasker, capBytes: number): ReplayResponse {
  const over = answer.body.length > capBytes;
  const text = utf8(answer.body);
  return {
    status: answer.status,
    statusText: masker.mask(answer.statusText),
    headers: answer.headers.map(([name, value]) => [name, masker.mask(value)]),
    body: masker.mask(text, over ? utf8(answer.body.subarray(0, capBytes)).length : text.length),
    bodyTruncated: answer.bodyTruncated || over,
    size: Math.min(answer.body.length, capBytes),
  };
}

/** Why a complete answer still counts as a failure, or null for a 2xx. */
export function failureOfAnswer(answer: Pick<ReplayResponse, 'status' | 'statusText' | 'headers'>): string | null {
  if (answer.status >= 200 && answer.status < 300) return null;
  const status = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
    return `the target answered ${status}${location ? ` with a redirect to ${location}` : ''}; redirects are not followed`;
  }
  return `the target answered ${status}`;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One line for the audit log and the timeline. */
export function outcomeLine(attempt: Pick<ReplayAttempt, 'outcome' | 'response' | 'error' | 'durationMs'>): string {
  if (attempt.outcome === 'ok' && attempt.response) return `HTTP ${attempt.response.status} in ${attempt.durationMs} ms`;
  return `failed: ${attempt.error ?? 'unknown error'}`;
}
